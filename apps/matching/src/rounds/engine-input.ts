import {
  defaultRules,
  DEFAULT_WEIGHTS,
  type CommunicationStyle,
  type FactorWeights,
  type HardRules as EngineHardRules,
  type MatchingQuestion,
  type MatchingRules as EngineRules,
  type MenteeProfile,
  type MentorProfile,
  type Objective,
  type SolverName,
} from '@trellis/matching/engine';
import type {
  HardRules as ProgramHardRules,
  MatchingProfile,
  MatchingRules as ProgramRules,
  QuestionShape,
} from '@trellis/profiles/contracts';
import type { RoundObjective } from '@trellis/matching/contracts';
import { DEFAULT_HARD_RULES, HARD_RULE_REFERENCE_DATE, type RoundSettings } from '@trellis/matching/domain';
import { payloadHash } from '@trellis/shared/event-store';

/** Recorded on every computation, so a round says which engine produced it. */
export const ENGINE_VERSION = 'trellis-matching-engine/1';

const styles: Record<string, CommunicationStyle | undefined> = {
  structured: 'structured',
  conversational: 'conversational',
  'hands-on': 'hands-on',
  // The engine has no "reflective"; it is closest to a flexible partner rather than a mismatch.
  reflective: 'flexible',
};

function common(personId: string, profile: MatchingProfile) {
  const answers: Record<string, string> = {};
  for (const answer of profile.matchingAnswers) {
    answers[answer.questionId] = answer.optionIds?.join('|') ?? String(answer.value ?? '');
  }
  const style = profile.communicationStyle ? styles[profile.communicationStyle] : undefined;
  return {
    id: personId,
    ...(profile.field ? { field: profile.field } : {}),
    ...(profile.department ? { department: profile.department } : {}),
    languages: profile.languages,
    timezone: profile.timezone,
    // Profiles count days 1 = Monday … 7 = Sunday; the engine 0 = Monday … 6 = Sunday.
    availability: profile.availability.map((w) => ({
      day: w.day - 1,
      startMinute: w.startMinute,
      endMinute: w.endMinute,
    })),
    ...(style ? { communicationStyle: style } : {}),
    ...(profile.seniority !== null ? { seniorityYears: profile.seniority } : {}),
    managerIds: profile.managerPersonId ? [profile.managerPersonId] : [],
    answers,
  };
}

/**
 * A mentor's "rather not" mentees are blocked like a removed pair: a round never proposes them (the mentee is not
 * told why). Left out when empty, so an input without preferences keeps the snapshot hash it had before.
 */
export function toMentor(
  personId: string,
  profile: MatchingProfile,
  capacity: number,
  ratherNotMenteeIds: readonly string[] = [],
): MentorProfile {
  return {
    ...common(personId, profile),
    offers: profile.skillsOffered,
    expertiseTags: profile.interests,
    capacity,
    ...(ratherNotMenteeIds.length > 0 ? { blockedIds: [...ratherNotMenteeIds] } : {}),
  };
}

export function toMentee(
  personId: string,
  profile: MatchingProfile,
  previousMentorIds: string[],
  blockedIds: string[],
  preferredMentorIds: readonly string[] = [],
): MenteeProfile {
  return {
    ...common(personId, profile),
    // Profiles do not state the mentee's current level of a sought skill; 1 (novice) is the conservative reading.
    seeks: profile.skillsSought.map((skill) => ({ skill, currentLevel: 1 })),
    goals: profile.interests,
    previousMentorIds,
    blockedIds,
    // The engine's `favourite` factor: 1 for a mentor the mentee marked preferred.
    ...(preferredMentorIds.length > 0 ? { favouriteMentorIds: [...preferredMentorIds] } : {}),
  };
}

/**
 * A program's hard rules as the engine checks them: the same rules pairEligibility decides, one field each (a null
 * limit becomes no limit). engine-input.spec.ts proves both decide every pair alike.
 */
export function toEngineHardRules(rules: ProgramHardRules): EngineHardRules {
  return {
    excludeReportingLine: rules.reportingLineExcluded,
    excludeSameDepartment: rules.sameDepartmentNotAllowed,
    requireSharedLanguage: rules.sharedLanguageRequired,
    ...(rules.maxTimezoneGapHours !== null ? { maxTimezoneGapHours: rules.maxTimezoneGapHours } : {}),
    ...(rules.minSeniorityGap !== null ? { minSeniorityGap: rules.minSeniorityGap } : {}),
  };
}

/**
 * The program's questions the engine compares: choice and scale questions marked used for matching, with their own
 * weight and mode. Short-text questions never count (their answers stay in profiles).
 */
export function toEngineQuestions(questions: readonly QuestionShape[]): MatchingQuestion[] {
  const compared: MatchingQuestion[] = [];
  for (const q of questions) {
    if (!q.usedForMatching || q.kind === 'short-text') continue;
    compared.push({
      questionId: q.questionId,
      kind: q.kind,
      weight: q.weight,
      mode: q.matchingMode ?? 'similar',
      ...(q.scaleMin !== undefined ? { scaleMin: q.scaleMin } : {}),
      ...(q.scaleMax !== undefined ? { scaleMax: q.scaleMax } : {}),
    });
  }
  return compared;
}

export function toEngineRules(rules: ProgramRules | null, questions: readonly QuestionShape[]): EngineRules {
  const compared = toEngineQuestions(questions);
  // Omitted when empty, so a program without matching questions keeps the settings hash it had before.
  const questionRules = compared.length > 0 ? { questions: compared } : {};
  if (!rules) {
    return defaultRules({
      hardRules: toEngineHardRules(DEFAULT_HARD_RULES),
      ...questionRules,
      referenceDate: HARD_RULE_REFERENCE_DATE,
    });
  }
  const weights: FactorWeights = { ...DEFAULT_WEIGHTS };
  for (const [factor, weight] of Object.entries(rules.weights)) {
    if (weight === undefined) continue;
    if (factor === 'interests') weights.goals = weight;
    else if (factor in weights) weights[factor as keyof FactorWeights] = weight;
  }
  return defaultRules({
    weights,
    hardRules: toEngineHardRules(rules.hardRules),
    ...questionRules,
    referenceDate: HARD_RULE_REFERENCE_DATE,
  });
}

/**
 * How the engine solves a round under a program objective. 'stable' is its own solver (deferred acceptance), which
 * optimises no objective; its objective is recorded as 'max-score', the one its result is compared with.
 */
export function toEngineSolve(objective: RoundObjective): { solver: SolverName; objective: Objective } {
  switch (objective) {
    case 'best-total':
      return { solver: 'min-cost-flow', objective: 'max-score' };
    case 'most-matched':
      return { solver: 'min-cost-flow', objective: 'max-matched' };
    case 'fairest':
      return { solver: 'min-cost-flow', objective: 'fairest' };
    case 'stable':
      return { solver: 'deferred-acceptance', objective: 'max-score' };
  }
}

export function roundSettings(rules: EngineRules): RoundSettings {
  return {
    settingsHash: payloadHash(rules),
    weights: { ...rules.weights },
    hardRules: {
      excludeReportingLine: rules.hardRules.excludeReportingLine,
      excludeSameDepartment: rules.hardRules.excludeSameDepartment,
      requireSharedLanguage: rules.hardRules.requireSharedLanguage,
      maxTimezoneGapHours: rules.hardRules.maxTimezoneGapHours ?? null,
      minSeniorityGap: rules.hardRules.minSeniorityGap ?? null,
    },
  };
}
