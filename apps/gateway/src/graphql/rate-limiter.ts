interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token bucket per person: `burst` operations at once, refilled at `perMinute`. The buckets live in the process; what
 * other gateway instances admitted arrives through `charge` (RateUsageExchange), so the limit holds across instances
 * up to the exchange's delay.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private sweeps = 0;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes `cost` tokens; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string, cost = 1): number {
    const bucket = this.refilled(key);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / this.refillPerMs / 1000));
  }

  /**
   * Tokens another instance admitted for this key. The bucket may go below zero (down to minus one burst), so this
   * instance waits for the refill of what was spent elsewhere too.
   */
  charge(key: string, cost: number): void {
    const bucket = this.refilled(key);
    bucket.tokens = Math.max(-this.burst, bucket.tokens - cost);
  }

  /** Tokens the key could take now. */
  remaining(key: string): number {
    return this.refilled(key).tokens;
  }

  private refilled(key: string): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if ((this.sweeps += 1) % 10_000 === 0) this.sweep(now);
    return bucket;
  }

  private sweep(now: number): void {
    // A bucket refilled to full says nothing a new one would not; a charged one below zero stays until it is.
    const full = (2 * this.burst) / this.refillPerMs;
    for (const [key, bucket] of this.buckets) if (now - bucket.updatedAt > full) this.buckets.delete(key);
  }
}
