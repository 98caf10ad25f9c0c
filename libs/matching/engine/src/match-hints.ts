import { type CandidateGraph } from './candidate-graph';
import { type PreparedRound } from './candidates';
import { type CompiledMentee, type CompiledMentor, exclusionReason } from './scoring';
import { type HardRules, type MatchingRules } from './types';

/**
 * What would match an unmatched mentee, computed from the round's own pool: either more room among the mentors who
 * already fit, or one hard rule loosened by a stated amount. Parameters only; the words belong to the reader's
 * language.
 */
export type MatchHint =
  /** Every fitting mentor is full: one more place among them. `language` is set when a shared language narrows them. */
  | { type: 'extra-place'; mentorCount: number; bestMentorId: string; language: string | null }
  /** Mentors who would fit if the largest time-zone gap were `gapHours`. */
  | { type: 'wider-timezone-gap'; mentorCount: number; gapHours: number }
  /** Mentors who would fit if no shared language were required; `language` is the one most of them speak. */
  | { type: 'no-shared-language'; mentorCount: number; language: string | null }
  /** Mentors from the mentee's own department who would fit if that were allowed. */
  | { type: 'same-department'; mentorCount: number }
  /** Mentors who would fit if the minimum seniority gap were `gapYears`. */
  | { type: 'smaller-seniority-gap'; mentorCount: number; gapYears: number }
  /** Nobody in the pool fits even with a rule loosened (previous pairs, refusals, reporting lines): more mentors. */
  | { type: 'more-mentors' };

export type MatchHintType = MatchHint['type'];

/** At most this many hints per mentee, the ones making the most mentors fit first. */
const MAX_HINTS = 3;

/**
 * Hints for mentee `i`, unmatched in `assignment`. A mentee with candidates only lacks room; one without any is
 * scanned against every mentor once per loosenable rule (unmatched mentees without a candidate are few, and the scan is
 * linear in the mentors).
 */
export function matchHints(round: PreparedRound, graph: CandidateGraph, i: number): MatchHint[] {
  const mentee = round.mentees[i]!;
  const start = graph.edgeStart[i]!;
  const end = graph.edgeStart[i + 1]!;
  if (start < end) return [extraPlace(round, graph, mentee, start, end)];
  const hints: MatchHint[] = [];
  const { hardRules } = round.rules;
  if (hardRules.maxTimezoneGapHours !== undefined) {
    const needed = relaxedFits(round, mentee, { maxTimezoneGapHours: undefined }).map((m) =>
      Math.ceil(Math.abs(m.offsetMinutes - mentee.offsetMinutes) / 60),
    );
    if (needed.length) {
      const gapHours = Math.min(...needed);
      hints.push({ type: 'wider-timezone-gap', gapHours, mentorCount: needed.filter((h) => h <= gapHours).length });
    }
  }
  if (hardRules.requireSharedLanguage) {
    const fits = relaxedFits(round, mentee, { requireSharedLanguage: false });
    if (fits.length) hints.push({ type: 'no-shared-language', mentorCount: fits.length, language: commonest(fits) });
  }
  if (hardRules.excludeSameDepartment) {
    const fits = relaxedFits(round, mentee, { excludeSameDepartment: false });
    if (fits.length) hints.push({ type: 'same-department', mentorCount: fits.length });
  }
  const menteeYears = mentee.profile.seniorityYears;
  if (hardRules.minSeniorityGap !== undefined && menteeYears !== undefined) {
    const gaps = relaxedFits(round, mentee, { minSeniorityGap: undefined }).map((m) =>
      Math.max(0, (m.profile.seniorityYears ?? menteeYears) - menteeYears),
    );
    if (gaps.length) {
      const gapYears = Math.max(...gaps);
      hints.push({ type: 'smaller-seniority-gap', gapYears, mentorCount: gaps.filter((g) => g >= gapYears).length });
    }
  }
  if (!hints.length) return [{ type: 'more-mentors' }];
  return hints
    .sort((a, b) => ('mentorCount' in b ? b.mentorCount : 0) - ('mentorCount' in a ? a.mentorCount : 0))
    .slice(0, MAX_HINTS);
}

function extraPlace(
  round: PreparedRound,
  graph: CandidateGraph,
  mentee: CompiledMentee,
  start: number,
  end: number,
): MatchHint {
  const candidates = Array.from(graph.edgeMentor.subarray(start, end), (j) => round.mentors[j]!);
  let language: string | null = null;
  if (round.rules.hardRules.requireSharedLanguage) {
    language = mentee.profile.languages.find((l) => candidates.every((m) => m.languages.has(l))) ?? null;
  }
  return { type: 'extra-place', mentorCount: candidates.length, bestMentorId: candidates[0]!.profile.id, language };
}

/** Mentors with places who fit the mentee once the given hard rules change, and only then. */
function relaxedFits(round: PreparedRound, mentee: CompiledMentee, change: Partial<HardRules>): CompiledMentor[] {
  const { maxTimezoneGapHours: _gap, minSeniorityGap: _seniority, ...kept } = round.rules.hardRules;
  const hardRules: HardRules = { ...kept };
  const merged = { ...round.rules.hardRules, ...change };
  if (merged.maxTimezoneGapHours !== undefined) hardRules.maxTimezoneGapHours = merged.maxTimezoneGapHours;
  if (merged.minSeniorityGap !== undefined) hardRules.minSeniorityGap = merged.minSeniorityGap;
  hardRules.requireSharedLanguage = merged.requireSharedLanguage;
  hardRules.excludeSameDepartment = merged.excludeSameDepartment;
  const relaxed: MatchingRules = { ...round.rules, hardRules };
  return round.mentors.filter((m) => exclusionReason(m, mentee, relaxed) === null);
}

function commonest(mentors: readonly CompiledMentor[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentors) for (const l of m.languages) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: string | null = null;
  for (const [l, n] of counts) if (best === null || n > counts.get(best)!) best = l;
  return best;
}
