/** One factor of the engine's fit score, as the API reports it (FactorScore). */
export interface FactorLike {
  name: string;
  value: number;
  weight: number;
  contribution: number;
}

export type FitStrength = 'strong' | 'some';

/** A reason in words: the catalogue key `match.reason.<factor>.<strength>` says it in the viewer's language. */
export interface FitReason {
  factor: ExplainedFactor;
  strength: FitStrength;
  /** The factor's share of the whole score, to order reasons by what mattered most. */
  contribution: number;
}

// Values are in [0, 1]; below a quarter a factor says too little to be given as a reason.
const STRONG = 0.7;
const SOME = 0.25;

export const EXPLAINED_FACTORS = [
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
export type ExplainedFactor = (typeof EXPLAINED_FACTORS)[number];

const isExplained = (name: string): name is ExplainedFactor => (EXPLAINED_FACTORS as readonly string[]).includes(name);

/**
 * The reasons a mentor fits, most important first: every factor the program weighs that this pair meets at least
 * in part. Factors the program does not weigh, or the pair does not meet, are not reasons.
 */
export function fitReasons(factors: readonly FactorLike[]): FitReason[] {
  return factors
    .flatMap((f) => (f.weight > 0 && f.value >= SOME && isExplained(f.name) ? [{ ...f, name: f.name }] : []))
    .map((f) => ({
      factor: f.name,
      strength: f.value >= STRONG ? ('strong' as const) : ('some' as const),
      contribution: f.contribution,
    }))
    .sort((a, b) => b.contribution - a.contribution || a.factor.localeCompare(b.factor));
}
