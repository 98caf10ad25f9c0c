import type {
  MatchingFactor,
  MatchingObjective,
  MatchingRulesInput,
  RoundComparisonRulesInput,
} from '../../../gql/graphql';

/** The factors in the order the console shows them, the most telling first. */
export const MATCHING_FACTORS: readonly MatchingFactor[] = [
  'SKILLS',
  'FIELD',
  'AVAILABILITY',
  'LANGUAGES',
  'COMMUNICATION_STYLE',
  'SENIORITY',
  'QUESTIONNAIRE',
  'INTERESTS',
];

export const MATCHING_OBJECTIVES: readonly MatchingObjective[] = ['BEST_TOTAL', 'FAIREST', 'MOST_MATCHED', 'STABLE'];

export const MAX_WEIGHT = 10;
export const WEIGHT_STEP = 0.5;
export const MAX_TIMEZONE_GAP_HOURS = 24;
export const SENIORITY_GAP_BOUND = 10;

// The comparison names factors as the profiles service stores them, the rules mutation by the GraphQL enum.
const FACTOR_NAMES: Readonly<Record<MatchingFactor, string>> = {
  SKILLS: 'skills',
  FIELD: 'field',
  LANGUAGES: 'languages',
  AVAILABILITY: 'availability',
  COMMUNICATION_STYLE: 'communicationStyle',
  SENIORITY: 'seniority',
  QUESTIONNAIRE: 'questionnaire',
  INTERESTS: 'interests',
};

/** The rules as the tab edits them; a gap field holds '' while empty, which means "no such rule". */
export interface RulesDraft {
  weights: Record<MatchingFactor, number>;
  sameDepartmentNotAllowed: boolean;
  reportingLineExcluded: boolean;
  sharedLanguageRequired: boolean;
  maxTimezoneGapHours: number | '';
  minSeniorityGap: number | '';
  objective: MatchingObjective;
}

/** A program's rules as the console query reads them. */
export interface SavedRules {
  objective: MatchingObjective;
  weights: ReadonlyArray<{ factor: MatchingFactor; weight: number }>;
  hardRules: {
    maxTimezoneGapHours?: number | null;
    minSeniorityGap?: number | null;
    reportingLineExcluded: boolean;
    sameDepartmentNotAllowed: boolean;
    sharedLanguageRequired: boolean;
  };
}

export function rulesDraftOf(rules: SavedRules): RulesDraft {
  const weights = Object.fromEntries(MATCHING_FACTORS.map((f) => [f, 0])) as Record<MatchingFactor, number>;
  for (const { factor, weight } of rules.weights) weights[factor] = weight;
  const hard = rules.hardRules;
  return {
    weights,
    sameDepartmentNotAllowed: hard.sameDepartmentNotAllowed,
    reportingLineExcluded: hard.reportingLineExcluded,
    sharedLanguageRequired: hard.sharedLanguageRequired,
    maxTimezoneGapHours: hard.maxTimezoneGapHours ?? '',
    minSeniorityGap: hard.minSeniorityGap ?? '',
    objective: rules.objective,
  };
}

export function sameRules(a: RulesDraft, b: RulesDraft): boolean {
  const { weights: wa, ...ra } = a;
  const { weights: wb, ...rb } = b;
  return (
    MATCHING_FACTORS.every((f) => wa[f] === wb[f]) &&
    (Object.keys(ra) as Array<keyof typeof ra>).every((key) => ra[key] === rb[key])
  );
}

const orNull = (value: number | '') => (value === '' ? null : value);

export function toMatchingRulesInput(draft: RulesDraft): MatchingRulesInput {
  return {
    weights: MATCHING_FACTORS.map((factor) => ({ factor, weight: draft.weights[factor] })),
    hardRules: {
      sameDepartmentNotAllowed: draft.sameDepartmentNotAllowed,
      reportingLineExcluded: draft.reportingLineExcluded,
      sharedLanguageRequired: draft.sharedLanguageRequired,
      maxTimezoneGapHours: orNull(draft.maxTimezoneGapHours),
      minSeniorityGap: orNull(draft.minSeniorityGap),
    },
    objective: draft.objective,
  };
}

/**
 * The rules a comparison can take. It knows no seniority gap and no reporting line: for those the preview keeps the
 * program's current rule, which the tab says rather than pretending to preview them.
 */
export function toComparisonRules(draft: RulesDraft): RoundComparisonRulesInput {
  return {
    weights: MATCHING_FACTORS.map((factor) => ({ factor: FACTOR_NAMES[factor], weight: draft.weights[factor] })),
    sameDepartmentNotAllowed: draft.sameDepartmentNotAllowed,
    sharedLanguageRequired: draft.sharedLanguageRequired,
    maxTimezoneGapHours: orNull(draft.maxTimezoneGapHours),
  };
}

export type RulesField = MatchingFactor | 'weights' | 'maxTimezoneGapHours' | 'minSeniorityGap' | 'objective';
export type RulesProblem = 'noWeight' | 'weightRange' | 'timezoneGap' | 'seniorityGap';

/** What the tab can tell before asking the API (the API checks the same and has the last word). */
export function rulesProblems(draft: RulesDraft): Partial<Record<RulesField, RulesProblem>> {
  const problems: Partial<Record<RulesField, RulesProblem>> = {};
  for (const factor of MATCHING_FACTORS) {
    const weight = draft.weights[factor];
    if (!(weight >= 0 && weight <= MAX_WEIGHT)) problems[factor] = 'weightRange';
  }
  if (MATCHING_FACTORS.every((f) => !(draft.weights[f] > 0))) problems.weights = 'noWeight';
  const gap = draft.maxTimezoneGapHours;
  if (gap !== '' && !(gap >= 0 && gap <= MAX_TIMEZONE_GAP_HOURS)) problems.maxTimezoneGapHours = 'timezoneGap';
  const seniority = draft.minSeniorityGap;
  if (seniority !== '' && !(Number.isInteger(seniority) && Math.abs(seniority) <= SENIORITY_GAP_BOUND)) {
    problems.minSeniorityGap = 'seniorityGap';
  }
  return problems;
}

function factorRefusalNames(): Record<MatchingFactor, readonly string[]> {
  const names = {} as Record<MatchingFactor, readonly string[]>;
  for (const f of MATCHING_FACTORS) names[f] = [`rules.weights.${FACTOR_NAMES[f]}`, `weights.${FACTOR_NAMES[f]}`];
  return names;
}

/**
 * Where the API may name each field in a refusal. A factor's weight comes back under the profiles service's name
 * (`weights.communicationStyle`); the factors are listed before `weights` so that one weight is not taken for all.
 */
export const RULES_REFUSAL_NAMES: Readonly<Record<RulesField, readonly string[]>> = {
  ...factorRefusalNames(),
  weights: ['rules.weights', 'weights'],
  maxTimezoneGapHours: ['rules.hardRules.maxTimezoneGapHours', 'hardRules.maxTimezoneGapHours'],
  minSeniorityGap: ['rules.hardRules.minSeniorityGap', 'hardRules.minSeniorityGap'],
  objective: ['rules.objective', 'objective'],
};
