import { roundMetrics, roundScore } from './round-metrics';

describe('roundMetrics', () => {
  it('records the mean and lowest score and the share of considered mentees that got a pair', () => {
    expect(roundMetrics([{ score: 0.9 }, { score: 0.6 }, { score: 0.75 }], 4)).toEqual({
      meanScore: 0.75,
      minScore: 0.6,
      coverage: 0.75,
    });
  });

  it('rounds every metric to four decimals', () => {
    expect(roundMetrics([{ score: 0.33333 }, { score: 0.66666 }], 3)).toEqual({
      meanScore: 0.5,
      minScore: 0.3333,
      coverage: 0.6667,
    });
  });

  it('is zero when there are no pairs or nobody was considered', () => {
    expect(roundMetrics([], 5)).toEqual({ meanScore: 0, minScore: 0, coverage: 0 });
    expect(roundMetrics([], 0)).toEqual({ meanScore: 0, minScore: 0, coverage: 0 });
  });

  it("records the engine's blocking-pair count when given, zero included", () => {
    expect(roundMetrics([{ score: 0.5 }], 1, 3)).toEqual({
      meanScore: 0.5,
      minScore: 0.5,
      coverage: 1,
      blockingPairs: 3,
    });
    expect(roundMetrics([{ score: 0.5 }], 1, 0)).toMatchObject({ blockingPairs: 0 });
  });
});

describe('roundScore', () => {
  it('rounds to four decimals', () => {
    expect(roundScore(0.123456)).toBe(0.1235);
    expect(roundScore(1)).toBe(1);
  });
});
