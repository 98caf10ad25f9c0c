import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  const backoff = { baseMs: 250, capMs: 10_000 };

  it('doubles from the base with each attempt', () => {
    expect([0, 1, 2, 3].map((n) => retryDelayMs(backoff, n))).toEqual([250, 500, 1000, 2000]);
  });

  it('stays at the cap once the ramp reaches it, however many attempts', () => {
    expect(retryDelayMs(backoff, 6)).toBe(10_000);
    expect(retryDelayMs(backoff, 10_000)).toBe(10_000);
  });

  it('keeps the sequence of attempts when base and cap are scaled by one factor', () => {
    const scaled = { baseMs: 50, capMs: 2000 };
    for (let n = 0; n < 12; n += 1) expect(retryDelayMs(scaled, n) * 5).toBe(retryDelayMs(backoff, n));
  });
});
