export interface SubgraphTarget {
  /** Base URL of one instance, e.g. http://10.0.0.7:4001 */
  base: string;
  graphqlUrl: URL;
  ready: boolean;
}

export interface SubgraphPoolOptions {
  /** How often each instance's /health/ready is asked (only when there is more than one instance). */
  probeIntervalMs: number;
  probeTimeoutMs?: number;
  onChange?: (target: SubgraphTarget, ready: boolean, reason: string) => void;
}

/**
 * The instances of one subgraph, as the gateway sees them. In Kubernetes a subgraph is one URL (its Service), and
 * the cluster routes to ready pods; outside it (and in the rolling-restart drill) the gateway may be given several
 * instances: it spreads fetches round-robin over those whose readiness answers 200, follows readiness (a draining
 * instance answers 503 before it closes), and takes an instance that refused a connection out of rotation until its
 * readiness answers 200 again.
 */
export class SubgraphPool {
  readonly targets: SubgraphTarget[];
  private cursor = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    bases: readonly string[],
    private readonly options: SubgraphPoolOptions,
  ) {
    if (bases.length === 0) throw new Error(`Subgraph ${name} has no URL`);
    this.targets = bases.map((base) => ({
      base: base.replace(/\/+$/, ''),
      graphqlUrl: new URL(`${base.replace(/\/+$/, '')}/graphql`),
      ready: true,
    }));
  }

  get replicated(): boolean {
    return this.targets.length > 1;
  }

  start(): void {
    if (!this.replicated || this.timer) return;
    const tick = () => {
      void Promise.all(this.targets.map((t) => this.probe(t))).finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.options.probeIntervalMs).unref();
      });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * The ready instances, from the round-robin cursor on; none when no instance is ready. An unready instance gets
   * nothing, as behind a Kubernetes Service: one that is unready because its database is slow to come back would
   * otherwise take every retry of every client, queue them behind its database and never catch up (the MongoDB
   * fault drill: both profiles instances stayed unready for minutes under the load the gateway kept sending).
   */
  order(): SubgraphTarget[] {
    if (!this.replicated) return this.targets;
    const start = this.cursor++ % this.targets.length;
    const rotated = [...this.targets.slice(start), ...this.targets.slice(0, start)];
    return rotated.filter((t) => t.ready);
  }

  markDown(target: SubgraphTarget, reason: string): void {
    this.set(target, false, reason);
  }

  private set(target: SubgraphTarget, ready: boolean, reason: string): void {
    if (target.ready === ready) return;
    target.ready = ready;
    this.options.onChange?.(target, ready, reason);
  }

  private async probe(target: SubgraphTarget): Promise<void> {
    try {
      const response = await fetch(`${target.base}/health/ready`, {
        signal: AbortSignal.timeout(this.options.probeTimeoutMs ?? 2000),
      });
      await response.arrayBuffer();
      this.set(target, response.ok, `readiness ${response.status}`);
    } catch (error) {
      this.set(target, false, `readiness: ${(error as Error).message}`);
    }
  }
}
