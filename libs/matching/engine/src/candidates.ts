import { buildCandidateGraph, type CandidateEdge, type CandidateGraph } from './candidate-graph';
import {
  compileMentee,
  compileMentor,
  type CompiledMentee,
  type CompiledMentor,
  exclusionReason,
  factorValues,
  newFactorBuffer,
  toScaled,
  weightedScoreWith,
  weightVector,
} from './scoring';
import {
  DEFAULT_MENTOR_WEIGHTS,
  type ExclusionReason,
  type MatchingRules,
  type MenteeProfile,
  type MentorProfile,
} from './types';

export type ExclusionCounts = Partial<Record<ExclusionReason, number>>;

/** Profiles compiled once, sorted by id (indices are the solvers' tie-break order), plus the inverted index. */
export interface PreparedRound {
  rules: MatchingRules;
  mentors: CompiledMentor[];
  mentees: CompiledMentee[];
  mentorIndex: Map<string, number>;
  menteeIndex: Map<string, number>;
  /** 's:skill' / 't:topic' → mentor indices, ascending. */
  postings: Map<string, number[]>;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function mentorKeys(mentor: CompiledMentor): string[] {
  const keys = mentor.profile.offers.map((o) => `s:${o.skill}`);
  for (const t of mentor.topics) keys.push(`t:${t}`);
  return keys;
}

function menteeKeys(mentee: CompiledMentee): string[] {
  return [...mentee.profile.seeks.map((s) => `s:${s.skill}`), ...(mentee.profile.goals ?? []).map((g) => `t:${g}`)];
}

export function indexMentor(round: PreparedRound, mentor: CompiledMentor): void {
  for (const key of new Set(mentorKeys(mentor))) {
    let list = round.postings.get(key);
    if (!list) round.postings.set(key, (list = []));
    list.push(mentor.index);
  }
}

export function prepareRound(mentors: MentorProfile[], mentees: MenteeProfile[], rules: MatchingRules): PreparedRound {
  const round: PreparedRound = {
    rules,
    mentors: [...mentors].sort(byId).map((p, k) => compileMentor(p, rules, k)),
    mentees: [...mentees].sort(byId).map((p, k) => compileMentee(p, rules, k)),
    mentorIndex: new Map(),
    menteeIndex: new Map(),
    postings: new Map(),
  };
  round.mentors.forEach((m) => round.mentorIndex.set(m.profile.id, m.index));
  round.mentees.forEach((m) => round.menteeIndex.set(m.profile.id, m.index));
  for (const m of round.mentors) indexMentor(round, m);
  return round;
}

function hashString(s: string, seed: number): number {
  let h = seed | 0;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Whether mentor j falls in the pool `candidatesFor` draws for this mentee from the index (favourites aside):
 * every mentor sharing a key when they are few, else the hashed window of each posting list.
 */
export function poolContains(round: PreparedRound, mentee: CompiledMentee, j: number): boolean {
  const poolSize = Math.max(2 * Math.max(1, round.rules.topK), 64);
  const lists = menteeKeys(mentee)
    .map((key) => round.postings.get(key))
    .filter((l): l is number[] => l !== undefined);
  let shared = 0;
  for (const l of lists) shared += l.length;
  const perList = Math.ceil(poolSize / Math.max(1, lists.length));
  for (let x = 0; x < lists.length; x++) {
    const l = lists[x]!;
    const p = positionIn(l, j);
    if (p < 0) continue;
    if (shared <= poolSize) return true;
    const start = hashString(mentee.profile.id, x + 1) % l.length;
    if ((p - start + l.length) % l.length < Math.min(perList, l.length)) return true;
  }
  return false;
}

/** Index of j in an ascending posting list, or -1 (binary search: lists run to thousands of mentors). */
function positionIn(list: number[], j: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === j) return mid;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export interface MenteeCandidates {
  edges: CandidateEdge[];
  /** 0: from the index, 1: all mentors sharing a skill or topic, 2: every mentor. */
  stage: number;
  /** For a mentee left with no feasible mentor at all: how many mentors each hard rule excluded. */
  exclusions?: ExclusionCounts;
}

/**
 * Top-K candidates of one mentee. The pool is drawn from the posting lists of the mentee's sought skills and
 * goals, plus its favourites; each list contributes a window starting at a per-mentee hashed offset, so that
 * popular skills spread mentees over all their experts instead of sending everyone to the same first few.
 * Only when no pooled mentor passes the hard rules does the search widen — to every mentor sharing a key, then
 * to every mentor — so pruning never drops a mentee who has a feasible mentor anywhere.
 */
export function candidatesFor(
  round: PreparedRound,
  mentee: CompiledMentee,
  scratch: { stamp: Int32Array; generation: number; values: Float64Array },
): MenteeCandidates {
  const { rules, mentors } = round;
  const k = Math.max(1, rules.topK);
  const poolSize = Math.max(2 * k, 64);
  const menteeVector = weightVector(rules.weights);
  const mentorVector = weightVector(rules.mentorWeights ?? DEFAULT_MENTOR_WEIGHTS);
  const keys = menteeKeys(mentee);
  if (scratch.stamp.length < mentors.length) scratch.stamp = new Int32Array(mentors.length * 2);

  const evaluate = (pool: Iterable<number>, exclusions?: ExclusionCounts): CandidateEdge[] => {
    const edges: CandidateEdge[] = [];
    for (const j of pool) {
      const mentor = mentors[j]!;
      const excluded = exclusionReason(mentor, mentee, rules);
      if (excluded) {
        if (exclusions) exclusions[excluded] = (exclusions[excluded] ?? 0) + 1;
        continue;
      }
      factorValues(mentor, mentee, rules, scratch.values);
      edges.push({
        mentor: j,
        score: toScaled(weightedScoreWith(scratch.values, menteeVector)),
        mentorScore: toScaled(weightedScoreWith(scratch.values, mentorVector, true)),
      });
    }
    edges.sort((a, b) => b.score - a.score || a.mentor - b.mentor);
    if (edges.length > k) edges.length = k;
    return edges;
  };

  const gen = ++scratch.generation;
  const pool: number[] = [];
  const add = (j: number): void => {
    if (scratch.stamp[j] === gen) return;
    scratch.stamp[j] = gen;
    pool.push(j);
  };
  for (const id of mentee.profile.favouriteMentorIds ?? []) {
    const j = round.mentorIndex.get(id);
    if (j !== undefined) add(j);
  }
  const lists = keys.map((key) => round.postings.get(key)).filter((l): l is number[] => l !== undefined);
  let shared = 0;
  for (const l of lists) shared += l.length;
  if (shared <= poolSize) for (const l of lists) for (const j of l) add(j);
  else {
    const perList = Math.ceil(poolSize / Math.max(1, lists.length));
    lists.forEach((l, x) => {
      const start = hashString(mentee.profile.id, x + 1) % l.length;
      for (let t = 0; t < Math.min(perList, l.length); t++) add(l[(start + t) % l.length]!);
    });
  }
  const first = evaluate(pool);
  if (first.length > 0) return { edges: first, stage: 0 };

  if (shared > poolSize) {
    const wider = new Set<number>();
    for (const l of lists) for (const j of l) wider.add(j);
    const second = evaluate(wider);
    if (second.length > 0) return { edges: second, stage: 1 };
  }
  const exclusions: ExclusionCounts = {};
  const all = evaluate(
    mentors.map((m) => m.index),
    exclusions,
  );
  return all.length > 0 ? { edges: all, stage: 2 } : { edges: all, stage: 2, exclusions };
}

export interface CandidateResult {
  graph: CandidateGraph;
  /** Mentee indices whose search had to widen beyond the index pool. */
  widened: number[];
  /** Mentees with no feasible mentor at all, with the hard rules that excluded them. */
  noFeasible: Map<number, ExclusionCounts>;
}

export function newScratch(): { stamp: Int32Array; generation: number; values: Float64Array } {
  return { stamp: new Int32Array(0), generation: 0, values: newFactorBuffer() };
}

export function generateCandidates(round: PreparedRound): CandidateResult {
  const scratch = newScratch();
  const lists: CandidateEdge[][] = [];
  const widened: number[] = [];
  const noFeasible = new Map<number, ExclusionCounts>();
  for (const mentee of round.mentees) {
    const c = candidatesFor(round, mentee, scratch);
    lists.push(c.edges);
    if (c.stage > 0 && c.edges.length > 0) widened.push(mentee.index);
    if (c.exclusions) noFeasible.set(mentee.index, c.exclusions);
  }
  const graph = buildCandidateGraph(
    round.mentors.map((m) => Math.max(0, m.profile.capacity)),
    lists,
  );
  return { graph, widened, noFeasible };
}
