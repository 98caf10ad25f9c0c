import { RateLimiter } from './rate-limiter';

describe('per-person rate limiter', () => {
  it('allows a burst, then refuses with the seconds to wait, and refills over time', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    now += 2000;
    expect(limiter.take('a', 2)).toBe(0);
    expect(limiter.take('a', 3)).toBe(3);
  });
});

describe('per-person rate limiter charged by other instances', () => {
  it('counts what another instance admitted: the person waits for that refill here too', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, () => now);
    limiter.charge('a', 3);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    // More than a burst spent elsewhere is owed, down to one burst below zero.
    limiter.charge('a', 10);
    expect(limiter.remaining('a')).toBe(-3);
    expect(limiter.take('a')).toBe(4);
    now += 4000;
    expect(limiter.take('a')).toBe(0);
  });
});
