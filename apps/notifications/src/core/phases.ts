/**
 * Where the time of an event goes, per step (the benchmark turns it on and prints the table). Off by default: a
 * disabled timer costs one branch per step.
 */
export class PhaseTimer {
  enabled = false;
  private readonly totals = new Map<string, { count: number; ms: number; max: number }>();

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    if (!this.enabled) return work();
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.record(phase, performance.now() - started);
    }
  }

  timeSync<T>(phase: string, work: () => T): T {
    if (!this.enabled) return work();
    const started = performance.now();
    try {
      return work();
    } finally {
      this.record(phase, performance.now() - started);
    }
  }

  record(phase: string, ms: number): void {
    if (!this.enabled) return;
    const total = this.totals.get(phase) ?? { count: 0, ms: 0, max: 0 };
    total.count += 1;
    total.ms += ms;
    total.max = Math.max(total.max, ms);
    this.totals.set(phase, total);
  }

  report(): Array<{ phase: string; count: number; meanMs: number; maxMs: number; totalS: number }> {
    return [...this.totals.entries()].map(([phase, t]) => ({
      phase,
      count: t.count,
      meanMs: Math.round((t.ms / t.count) * 10) / 10,
      maxMs: Math.round(t.max),
      totalS: Math.round(t.ms / 100) / 10,
    }));
  }
}

export const phases = new PhaseTimer();
