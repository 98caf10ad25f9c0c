import { describe, expect, it } from 'vitest';
import { objectiveColumns } from './round-metrics';

describe('objectiveColumns', () => {
  const round = {
    objective: 'FAIREST' as const,
    coverage: 0.9,
    meanScore: 0.6,
    minScore: 0.3,
    matched: 9,
    blockingPairs: 2,
  };
  const outcome = { coverage: 1, meanScore: 0.7, minScore: 0.2, matched: 10, blockingPairs: 4 };
  const stable = { coverage: 1, meanScore: 0.65, minScore: 0.2, matched: 10, blockingPairs: 0 };

  it('puts the round first and leaves out a re-solve under its own objective', () => {
    const others = new Map([
      ['BEST_TOTAL', outcome],
      ['FAIREST', outcome],
      ['MOST_MATCHED', outcome],
      ['STABLE', stable],
    ] as const);
    const columns = objectiveColumns(round, others);
    expect(columns.map((c) => [c.objective, c.current])).toEqual([
      ['FAIREST', true],
      ['BEST_TOTAL', false],
      ['MOST_MATCHED', false],
      ['STABLE', false],
    ]);
    expect(columns[0]).toMatchObject({ coverage: 0.9, matched: 9, blockingPairs: 2 });
    expect(columns[3]).toMatchObject({ meanScore: 0.65, blockingPairs: 0 });
  });

  it('shows the round alone until the comparison has answered', () => {
    expect(objectiveColumns(round, new Map())).toHaveLength(1);
  });
});
