/** `waiting`: a handler keeps failing on a dependency (MongoDB, the broker) and retries until it is back. */
export type ConsumerState = 'starting' | 'connected' | 'rebalancing' | 'waiting' | 'crashed' | 'stopped';

export interface ConsumerStatus {
  group: string;
  state: ConsumerState;
  lastError?: string;
  since: Date;
}

/** Every consumer of a process reports here; readiness reads it so that a pod whose consumer crashed takes no traffic. */
export class ConsumerStatusRegistry {
  private readonly statuses = new Map<string, ConsumerStatus>();

  report(group: string, state: ConsumerState, lastError?: string): void {
    this.statuses.set(group, { group, state, since: new Date(), ...(lastError ? { lastError } : {}) });
  }

  forget(group: string): void {
    this.statuses.delete(group);
  }

  all(): ConsumerStatus[] {
    return [...this.statuses.values()];
  }

  unhealthy(): ConsumerStatus[] {
    return this.all().filter((s) => s.state === 'crashed');
  }
}
