/**
 * Group commit: calls made while a flush is in flight are gathered and flushed together by the next one. With many
 * events handled at once, N small inserts (or N Kafka sends, serialised by the idempotent producer) become a few
 * large ones, and a lone call still goes out at once (no timer, no added latency when idle).
 */
export class GroupCommit<I, O> {
  private waiting: Array<{ items: I[]; resolve: (out: O[]) => void; reject: (error: unknown) => void }> = [];
  private flushing = false;

  constructor(
    private readonly flush: (items: I[]) => Promise<O[]>,
    private readonly maxItems = 500,
  ) {}

  /** Resolves with one output per item, in order, once the flush that carried them is done. */
  add(items: I[]): Promise<O[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<O[]>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        const group: typeof this.waiting = [];
        let size = 0;
        while (
          this.waiting.length > 0 &&
          (group.length === 0 || size + this.waiting[0]!.items.length <= this.maxItems)
        ) {
          const next = this.waiting.shift()!;
          group.push(next);
          size += next.items.length;
        }
        try {
          const out = await this.flush(group.flatMap((g) => g.items));
          let at = 0;
          for (const g of group) {
            g.resolve(out.slice(at, at + g.items.length));
            at += g.items.length;
          }
        } catch (error) {
          for (const g of group) g.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
