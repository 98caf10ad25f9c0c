import type { Logger } from '@trellis/shared/observability';

/**
 * A run repeated in this process every `intervalMs` (0: never; tests call the run directly), never two at once: a
 * run falling due while the last one is still going is skipped. The service's periodic runs keep their state in the
 * database, so a run missed while the service was down is caught up by the next one.
 */
export class PeriodicRun {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Starts the timer; `first`, when given, runs at once (a catch-up at start-up) without holding up the start. */
  start(run: () => Promise<unknown>, first?: () => Promise<unknown>): Promise<void> {
    if (this.intervalMs <= 0) return Promise.resolve();
    const once = (step: () => Promise<unknown>) => {
      this.running ??= step()
        .catch((error: unknown) => this.logger.error({ err: error }, `${this.name} failed`))
        .finally(() => (this.running = undefined));
    };
    if (first) once(first);
    this.timer = setInterval(() => once(run), this.intervalMs);
    this.timer.unref();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
