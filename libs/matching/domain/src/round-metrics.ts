import type { RoundMetricsRecord } from './matching-round.decider';

/** Scores and metrics are recorded to four decimals, so re-solving the same input records the same numbers. */
export const roundScore = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * What a computation achieved: mean and lowest score of its pairs, and the share of the mentees it considered
 * (eligible ones plus locked ones) that got a pair. Zero across the board when there is nothing to measure. The
 * engine's blocking-pair count is recorded beside them when given.
 */
export function roundMetrics(
  pairs: readonly { score: number }[],
  considered: number,
  blockingPairs?: number,
): RoundMetricsRecord {
  const scores = pairs.map((p) => p.score);
  return {
    meanScore: scores.length ? roundScore(scores.reduce((a, b) => a + b, 0) / scores.length) : 0,
    minScore: scores.length ? roundScore(Math.min(...scores)) : 0,
    coverage: considered ? roundScore(pairs.length / considered) : 0,
    ...(blockingPairs !== undefined ? { blockingPairs } : {}),
  };
}
