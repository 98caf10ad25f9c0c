/**
 * Email and digest retries: `baseMs * 2^attempts`, at most `capMs`. An outage longer than the ramp is retried every
 * `capMs` until it ends; tests scale both (and the outage) by one factor, which keeps the sequence of attempts.
 */
export interface RetryBackoff {
  baseMs: number;
  capMs: number;
}

export function retryDelayMs(backoff: RetryBackoff, attempts: number): number {
  return Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(attempts, 20));
}
