import type { MatchingObjective } from '../../../gql/graphql';

/** How evenly the round spreads mentees over the mentors it uses (the matching service counts them). */
export interface MentorLoad {
  mentors: number;
  fewest: number;
  most: number;
  /** most − fewest: 0 when every mentor in the round has as many mentees as the others. */
  spread: number;
}

/** One objective's outcome, as the metrics table shows it in a column. */
export interface ObjectiveOutcome {
  objective: MatchingObjective;
  coverage: number | null;
  meanScore: number | null;
  minScore: number | null;
  matched: number | null;
  /** Pairs who would both rather be together than with whom they got; null when not known. */
  blockingPairs: number | null;
  /** This round's own result (with the manager's overrides), not a re-solve under another objective. */
  current: boolean;
}

export const OBJECTIVES: readonly MatchingObjective[] = ['BEST_TOTAL', 'FAIREST', 'MOST_MATCHED', 'STABLE'];

/**
 * The columns of the metrics table: the round as it is first, then each other objective re-solved on the same input.
 * A re-solve of the round's own objective says nothing new (the round already shows it), so it is left out.
 */
export function objectiveColumns(
  round: Omit<ObjectiveOutcome, 'current'>,
  others: ReadonlyMap<MatchingObjective, Omit<ObjectiveOutcome, 'current' | 'objective'>>,
): ObjectiveOutcome[] {
  return [
    { ...round, current: true },
    ...OBJECTIVES.filter((o) => o !== round.objective).flatMap((objective) => {
      const outcome = others.get(objective);
      return outcome ? [{ ...outcome, objective, current: false }] : [];
    }),
  ];
}
