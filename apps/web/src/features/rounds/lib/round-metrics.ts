import type { MatchingObjective } from '../../../gql/graphql';

export interface PairLike {
  menteePersonId: string;
  mentorPersonId: string;
  score: number;
}

/** How evenly the round spreads mentees over the mentors it uses: fewest and most mentees per mentor. */
export interface MentorLoad {
  mentors: number;
  fewest: number;
  most: number;
  /** most − fewest: 0 when every mentor in the round has as many mentees as the others. */
  spread: number;
}

export function mentorLoad(pairs: readonly PairLike[]): MentorLoad {
  const load = new Map<string, number>();
  for (const p of pairs) load.set(p.mentorPersonId, (load.get(p.mentorPersonId) ?? 0) + 1);
  if (load.size === 0) return { mentors: 0, fewest: 0, most: 0, spread: 0 };
  const counts = [...load.values()];
  const fewest = Math.min(...counts);
  const most = Math.max(...counts);
  return { mentors: load.size, fewest, most, spread: most - fewest };
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
