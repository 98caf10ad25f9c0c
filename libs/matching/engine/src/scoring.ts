import { overlapMinutes, timezoneOffsetMinutes, toUtcIntervals } from './availability';
import {
  type ExcludedPair,
  type ExclusionReason,
  FACTOR_NAMES,
  type FactorWeights,
  type MatchingQuestion,
  type MatchingRules,
  type MenteeProfile,
  type MentorProfile,
  type ScoredPair,
} from './types';

/** Scores are kept as integers (score × SCORE_SCALE) inside the solvers so flow costs and ties are exact. */
export const SCORE_SCALE = 1_000_000;

const FACTOR_COUNT = FACTOR_NAMES.length;
/** Slot after the shared factors holding the mentor-side favourite value (the mentee side uses 'favourite'). */
const MENTOR_FAVOURITE_SLOT = FACTOR_COUNT;

export interface CompiledMentor {
  index: number;
  profile: MentorProfile;
  skillLevel: Map<string, number>;
  topics: Set<string>;
  languages: Set<string>;
  offsetMinutes: number;
  utc: Int32Array;
  managers: Set<string>;
  blocked: Set<string>;
  favourites: Set<string>;
  answers: Map<string, ParsedAnswer>;
}

export interface CompiledMentee {
  index: number;
  profile: MenteeProfile;
  offsetMinutes: number;
  utc: Int32Array;
  managers: Set<string>;
  blocked: Set<string>;
  previous: Set<string>;
  favourites: Set<string>;
  answers: Map<string, ParsedAnswer>;
}

/** An answer read once per person: its raw text, its option ids and its number (NaN when not a number). */
export interface ParsedAnswer {
  raw: string;
  options: ReadonlySet<string>;
  value: number;
}

const comparedQuestionsCache = new WeakMap<MatchingRules, MatchingQuestion[]>();

/**
 * The questions the questionnaire factor compares: `rules.questions` with a positive weight, plus each bare
 * `matchingQuestionIds` entry as a single-choice question of weight 1.
 */
export function comparedQuestions(rules: MatchingRules): MatchingQuestion[] {
  const cached = comparedQuestionsCache.get(rules);
  if (cached) return cached;
  const listed = rules.questions ?? [];
  const ids = new Set(listed.map((q) => q.questionId));
  const questions = [
    ...listed.filter((q) => q.weight > 0),
    ...rules.matchingQuestionIds
      .filter((id) => !ids.has(id))
      .map((questionId): MatchingQuestion => ({ questionId, kind: 'single-choice', weight: 1, mode: 'similar' })),
  ];
  comparedQuestionsCache.set(rules, questions);
  return questions;
}

function parseAnswers(answers: Record<string, string> | undefined, rules: MatchingRules): Map<string, ParsedAnswer> {
  const parsed = new Map<string, ParsedAnswer>();
  if (!answers) return parsed;
  for (const q of comparedQuestions(rules)) {
    const raw = answers[q.questionId];
    if (raw === undefined || raw === '') continue;
    parsed.set(q.questionId, { raw, options: new Set(raw.split('|')), value: Number(raw) });
  }
  return parsed;
}

/** How alike two answers to one question are, in [0,1]. */
function answerSimilarity(question: MatchingQuestion, x: ParsedAnswer, y: ParsedAnswer): number {
  switch (question.kind) {
    case 'multiple-choice': {
      // Jaccard overlap: shared options over all options either chose.
      let shared = 0;
      for (const o of x.options) if (y.options.has(o)) shared++;
      const union = x.options.size + y.options.size - shared;
      return union > 0 ? shared / union : 0;
    }
    case 'scale': {
      if (!Number.isFinite(x.value) || !Number.isFinite(y.value)) return x.raw === y.raw ? 1 : 0;
      const span = (question.scaleMax ?? 5) - (question.scaleMin ?? 1);
      if (span <= 0) return x.value === y.value ? 1 : 0;
      return Math.max(0, 1 - Math.abs(x.value - y.value) / span);
    }
    default:
      return x.raw === y.raw ? 1 : 0;
  }
}

/**
 * The questionnaire factor: the weighted mean, over the compared questions both people answered, of each answer
 * pair's fit (similarity, or 1 − similarity for a complementary question); 0 when they share no answered question.
 */
export function questionnaireFit(
  mentorAnswers: Map<string, ParsedAnswer>,
  menteeAnswers: Map<string, ParsedAnswer>,
  rules: MatchingRules,
): number {
  if (mentorAnswers.size === 0 || menteeAnswers.size === 0) return 0;
  let weight = 0;
  let fit = 0;
  for (const q of comparedQuestions(rules)) {
    const x = mentorAnswers.get(q.questionId);
    const y = menteeAnswers.get(q.questionId);
    if (x === undefined || y === undefined) continue;
    const similarity = answerSimilarity(q, x, y);
    weight += q.weight;
    fit += q.weight * (q.mode === 'complementary' ? 1 - similarity : similarity);
  }
  return weight > 0 ? fit / weight : 0;
}

export function compileMentor(profile: MentorProfile, rules: MatchingRules, index = -1): CompiledMentor {
  const offsetMinutes = timezoneOffsetMinutes(profile.timezone, rules.referenceDate);
  const skillLevel = new Map<string, number>();
  for (const o of profile.offers) skillLevel.set(o.skill, Math.max(skillLevel.get(o.skill) ?? 0, o.level));
  return {
    index,
    profile,
    skillLevel,
    topics: new Set([...(profile.expertiseTags ?? []), ...profile.offers.map((o) => o.skill)]),
    languages: new Set(profile.languages),
    offsetMinutes,
    utc: toUtcIntervals(profile.availability, offsetMinutes),
    managers: new Set(profile.managerIds ?? []),
    blocked: new Set(profile.blockedIds ?? []),
    favourites: new Set(profile.favouriteMenteeIds ?? []),
    answers: parseAnswers(profile.answers, rules),
  };
}

export function compileMentee(profile: MenteeProfile, rules: MatchingRules, index = -1): CompiledMentee {
  const offsetMinutes = timezoneOffsetMinutes(profile.timezone, rules.referenceDate);
  return {
    index,
    profile,
    offsetMinutes,
    utc: toUtcIntervals(profile.availability, offsetMinutes),
    managers: new Set(profile.managerIds ?? []),
    blocked: new Set(profile.blockedIds ?? []),
    previous: new Set(profile.previousMentorIds ?? []),
    favourites: new Set(profile.favouriteMentorIds ?? []),
    answers: parseAnswers(profile.answers, rules),
  };
}

/**
 * Hard rules, checked before any scoring; the first rule that applies is reported. The program's rules here
 * (reporting line to seniority gap) are a compiled form of the matching domain's pairEligibility, proven to
 * decide alike by a property test in the matching app.
 */
export function exclusionReason(
  mentor: CompiledMentor,
  mentee: CompiledMentee,
  rules: MatchingRules,
): ExclusionReason | null {
  const mp = mentor.profile;
  const ep = mentee.profile;
  if (mp.id === ep.id) return 'same-person';
  if (mp.capacity <= 0) return 'no-capacity';
  if (rules.hardRules.excludeReportingLine && (mentee.managers.has(mp.id) || mentor.managers.has(ep.id))) {
    return 'reporting-line';
  }
  if (rules.hardRules.excludeSameDepartment && mp.department !== undefined && mp.department === ep.department) {
    return 'same-department';
  }
  if (mentee.previous.has(mp.id)) return 'previous-pair';
  if (mentee.blocked.has(mp.id) || mentor.blocked.has(ep.id)) return 'blocked';
  if (rules.hardRules.requireSharedLanguage && !ep.languages.some((l) => mentor.languages.has(l))) {
    return 'no-shared-language';
  }
  const maxGap = rules.hardRules.maxTimezoneGapHours;
  if (maxGap !== undefined && Math.abs(mentor.offsetMinutes - mentee.offsetMinutes) > maxGap * 60) {
    return 'timezone-gap';
  }
  const minSeniority = rules.hardRules.minSeniorityGap;
  if (
    minSeniority !== undefined &&
    mp.seniorityYears !== undefined &&
    ep.seniorityYears !== undefined &&
    mp.seniorityYears - ep.seniorityYears < minSeniority
  ) {
    return 'seniority-gap';
  }
  return null;
}

function levelFit(gap: number): number {
  // One or two levels ahead teaches best; a peer helps a little, a far-away expert somewhat less than ideal.
  if (gap <= 0) return 0.25;
  if (gap <= 2) return 1;
  if (gap === 3) return 0.8;
  return 0.6;
}

function seniorityFit(mentorYears: number | undefined, menteeYears: number | undefined): number {
  if (mentorYears === undefined || menteeYears === undefined) return 0.5;
  const gap = mentorYears - menteeYears;
  if (gap <= 0) return 0;
  if (gap < 2) return 0.5;
  if (gap <= 10) return 1;
  return Math.max(0.5, 1 - (gap - 10) / 20);
}

/** Fills `out` with each factor's value in [0,1] (FACTOR_NAMES order) plus the mentor-side favourite value. */
export function factorValues(
  mentor: CompiledMentor,
  mentee: CompiledMentee,
  rules: MatchingRules,
  out: Float64Array,
): void {
  const mp = mentor.profile;
  const ep = mentee.profile;

  let skills = 0;
  for (const s of ep.seeks) {
    const level = mentor.skillLevel.get(s.skill);
    if (level !== undefined) skills += levelFit(level - s.currentLevel);
  }
  out[0] = ep.seeks.length > 0 ? skills / ep.seeks.length : 0;

  const goals = ep.goals ?? [];
  let covered = 0;
  for (const g of goals) if (mentor.topics.has(g)) covered++;
  out[1] = goals.length > 0 ? covered / goals.length : 0;

  out[2] = ep.field !== undefined && ep.field === mp.field ? 1 : 0;

  let lang = 0;
  for (let i = 0; i < ep.languages.length; i++) {
    if (mentor.languages.has(ep.languages[i]!)) {
      lang = i === 0 ? 1 : 0.5;
      break;
    }
  }
  out[3] = lang;

  out[4] = Math.min(1, overlapMinutes(mentor.utc, mentee.utc) / Math.max(1, rules.targetOverlapMinutes));

  const a = mp.communicationStyle;
  const b = ep.communicationStyle;
  out[5] = a === undefined || b === undefined ? 0.5 : a === b || a === 'flexible' || b === 'flexible' ? 1 : 0;

  out[6] = seniorityFit(mp.seniorityYears, ep.seniorityYears);

  out[7] = questionnaireFit(mentor.answers, mentee.answers, rules);

  out[8] = mentee.favourites.has(mp.id) ? 1 : 0;
  out[MENTOR_FAVOURITE_SLOT] = mentor.favourites.has(ep.id) ? 1 : 0;
}

export function weightSum(weights: FactorWeights): number {
  let sum = 0;
  for (const name of FACTOR_NAMES) sum += Math.max(0, weights[name]);
  return sum;
}

/** Weighted mean of the factor values; `mentorSide` swaps in the mentor's own favourite value. */
export function weightedScore(values: Float64Array, weights: FactorWeights, mentorSide = false): number {
  const total = weightSum(weights);
  if (total === 0) return 0;
  let acc = 0;
  for (let f = 0; f < FACTOR_COUNT; f++) {
    const v = mentorSide && f === FACTOR_COUNT - 1 ? values[MENTOR_FAVOURITE_SLOT]! : values[f]!;
    acc += Math.max(0, weights[FACTOR_NAMES[f]!]) * v;
  }
  return Math.min(1, Math.max(0, acc / total));
}

/** Clamped weights in FACTOR_NAMES order plus their sum, for scoring many pairs with the same weights. */
export interface WeightVector {
  weights: Float64Array;
  total: number;
}

export function weightVector(weights: FactorWeights): WeightVector {
  return { weights: Float64Array.from(FACTOR_NAMES, (name) => Math.max(0, weights[name])), total: weightSum(weights) };
}

/** `weightedScore` with the weights prepared once; the same operations in the same order, so bit-identical. */
export function weightedScoreWith(values: Float64Array, vector: WeightVector, mentorSide = false): number {
  const total = vector.total;
  if (total === 0) return 0;
  const w = vector.weights;
  let acc = 0;
  for (let f = 0; f < FACTOR_COUNT; f++) {
    const v = mentorSide && f === FACTOR_COUNT - 1 ? values[MENTOR_FAVOURITE_SLOT]! : values[f]!;
    acc += w[f]! * v;
  }
  return Math.min(1, Math.max(0, acc / total));
}

export function toScaled(score: number): number {
  return Math.round(score * SCORE_SCALE);
}

/** A scratch buffer for callers that score many pairs. */
export function newFactorBuffer(): Float64Array {
  return new Float64Array(FACTOR_COUNT + 1);
}

export function scoreCompiled(
  mentor: CompiledMentor,
  mentee: CompiledMentee,
  rules: MatchingRules,
): ScoredPair | ExcludedPair {
  const excluded = exclusionReason(mentor, mentee, rules);
  if (excluded) return { excluded };
  const values = newFactorBuffer();
  factorValues(mentor, mentee, rules, values);
  const total = weightSum(rules.weights);
  const factors = FACTOR_NAMES.map((name, f) => {
    const weight = Math.max(0, rules.weights[name]);
    const value = values[f]!;
    return { name, weight, value, contribution: total > 0 ? (weight * value) / total : 0 };
  });
  return { score: toScaled(weightedScore(values, rules.weights)) / SCORE_SCALE, factors };
}

/** Score in [0,1] of one (mentor, mentee) pair with its factor breakdown, or the hard rule that excludes it. */
export function scorePair(
  mentor: MentorProfile,
  mentee: MenteeProfile,
  rules: MatchingRules,
): ScoredPair | ExcludedPair {
  return scoreCompiled(compileMentor(mentor, rules), compileMentee(mentee, rules), rules);
}

export function isExcluded(result: ScoredPair | ExcludedPair): result is ExcludedPair {
  return 'excluded' in result;
}
