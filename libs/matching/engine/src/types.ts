// Plain input/output types of the matching engine. Everything is data: the engine never reads a clock, a
// database or the network, so the same input always yields the same output.

/** Skill levels run 1 (novice) to 5 (expert). */
export interface OfferedSkill {
  skill: string;
  level: number;
}

export interface SoughtSkill {
  skill: string;
  /** The mentee's current level; the best mentor is one or two levels above it. */
  currentLevel: number;
}

/** A weekly window in the person's local time: day 0 = Monday … 6 = Sunday, minutes since local midnight. */
export interface WeeklyWindow {
  day: number;
  startMinute: number;
  endMinute: number;
}

export type CommunicationStyle = 'structured' | 'conversational' | 'hands-on' | 'flexible';

interface PersonProfile {
  id: string;
  field?: string;
  department?: string;
  /** Languages in order of preference; the first is the preferred one. */
  languages: string[];
  /** IANA time zone, e.g. 'Europe/Paris'. */
  timezone: string;
  availability: WeeklyWindow[];
  communicationStyle?: CommunicationStyle;
  /** Years of professional experience. */
  seniorityYears?: number;
  /** Ids of the people above this person in the reporting line (direct manager first). */
  managerIds?: string[];
  /**
   * Questionnaire answers keyed by question id: the option id, several option ids joined by `|`, or a scale value
   * as a decimal string.
   */
  answers?: Record<string, string>;
  /** Ids of people this person refuses to be paired with. */
  blockedIds?: string[];
}

export interface MentorProfile extends PersonProfile {
  offers: OfferedSkill[];
  /** Free-form expertise tags, compared with mentees' goals. */
  expertiseTags?: string[];
  /** How many mentees this mentor takes in this round; 0 means none. */
  capacity: number;
  /** Mentees this mentor would especially like to mentor (used for the mentor side of deferred acceptance). */
  favouriteMenteeIds?: string[];
}

export interface MenteeProfile extends PersonProfile {
  seeks: SoughtSkill[];
  goals?: string[];
  /** Mentors the mentee was paired with in earlier rounds (never paired again). */
  previousMentorIds?: string[];
  /** Mentors the mentee stated as favourites. */
  favouriteMentorIds?: string[];
}

export const FACTOR_NAMES = [
  'skills',
  'goals',
  'field',
  'languages',
  'availability',
  'communicationStyle',
  'seniority',
  'questionnaire',
  'favourite',
] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];

export type FactorWeights = Record<FactorName, number>;

export type ExclusionReason =
  | 'same-person'
  | 'no-capacity'
  | 'reporting-line'
  | 'same-department'
  | 'previous-pair'
  | 'blocked'
  | 'no-shared-language'
  | 'timezone-gap'
  | 'seniority-gap';

export interface HardRules {
  /** Neither side may be the other's manager (managerIds). */
  excludeReportingLine: boolean;
  excludeSameDepartment: boolean;
  requireSharedLanguage: boolean;
  /** Maximum difference between the two UTC offsets, in hours; undefined means no limit. */
  maxTimezoneGapHours?: number;
  /**
   * The mentor's seniorityYears minus the mentee's must be at least this; undefined means no limit. A pair where
   * either side states no seniority is not held to it.
   */
  minSeniorityGap?: number;
}

export type Objective = 'max-score' | 'max-matched' | 'fairest';
export type SolverName = 'min-cost-flow' | 'deferred-acceptance' | 'greedy';

export type QuestionKind = 'single-choice' | 'multiple-choice' | 'scale';
/** `similar` scores alike answers high; `complementary` scores different answers high. */
export type QuestionMatchingMode = 'similar' | 'complementary';

/** A questionnaire question compared by the `questionnaire` factor. */
export interface MatchingQuestion {
  questionId: string;
  kind: QuestionKind;
  /** The question's share of the questionnaire factor; 0 leaves it out. */
  weight: number;
  mode: QuestionMatchingMode;
  /** Scale range; the distance of two scale answers is divided by scaleMax − scaleMin (default 1 to 5). */
  scaleMin?: number;
  scaleMax?: number;
}

export interface MatchingRules {
  weights: FactorWeights;
  /** Weights of the mentors' side of the preference, used only by deferred acceptance and blocking-pair counts. */
  mentorWeights?: FactorWeights;
  hardRules: HardRules;
  /** Questionnaire question ids whose answers are compared (same answer = match, weight 1 each). */
  matchingQuestionIds: string[];
  /** Questions compared by kind, weight and mode; a question listed here overrides the same id above. */
  questions?: MatchingQuestion[];
  /** Overlap, in minutes per week, that counts as full availability fit. */
  targetOverlapMinutes: number;
  /** Candidate mentors kept per mentee. */
  topK: number;
  /** Time zone offsets are taken at this instant (ISO 8601) so results do not depend on the day the engine runs. */
  referenceDate: string;
}

export const DEFAULT_WEIGHTS: FactorWeights = {
  skills: 4,
  goals: 2,
  field: 1,
  languages: 1.5,
  availability: 2,
  communicationStyle: 0.5,
  seniority: 1,
  questionnaire: 1,
  favourite: 1,
};

export const DEFAULT_MENTOR_WEIGHTS: FactorWeights = {
  skills: 2,
  goals: 1,
  field: 2,
  languages: 1,
  availability: 2,
  communicationStyle: 1.5,
  seniority: 2,
  questionnaire: 2,
  favourite: 2,
};

export function defaultRules(overrides: Partial<MatchingRules> = {}): MatchingRules {
  return {
    weights: DEFAULT_WEIGHTS,
    mentorWeights: DEFAULT_MENTOR_WEIGHTS,
    hardRules: {
      excludeReportingLine: true,
      excludeSameDepartment: false,
      requireSharedLanguage: true,
      maxTimezoneGapHours: undefined,
    },
    matchingQuestionIds: [],
    targetOverlapMinutes: 120,
    topK: 50,
    referenceDate: '2026-01-15T12:00:00Z',
    ...overrides,
  };
}

export interface FactorContribution {
  name: FactorName;
  weight: number;
  /** Factor value in [0,1]. */
  value: number;
  /** weight × value / Σ weights: the factor's share of the score. */
  contribution: number;
}

export interface ScoredPair {
  score: number;
  factors: FactorContribution[];
}

export interface ExcludedPair {
  excluded: ExclusionReason;
}
