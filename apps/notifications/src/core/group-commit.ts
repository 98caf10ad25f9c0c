import DataLoader from 'dataloader';

/**
 * Group commit: calls made while a flush is in flight are gathered and flushed together by the next one. With many
 * events handled at once, N small inserts (or N Kafka sends, serialised by the idempotent producer) become a few
 * large ones, and a lone call still goes out at once (no timer, no added latency when idle).
 *
 * DataLoader does the gathering: each call is one key, so a call is never split. Its batches are dispatched one at a
 * time here instead of on the next tick, which is what makes a lone call go out at once and keeps flushes serial.
 */
export class GroupCommit<I, O> {
  private readonly loader: DataLoader<I[], O[]>;
  private readonly scheduled: Array<() => void> = [];
  private flushing = false;

  constructor(
    private readonly flush: (items: I[]) => Promise<O[]>,
    private readonly maxItems = 500,
  ) {
    this.loader = new DataLoader<I[], O[]>((calls) => this.flushCalls(calls), {
      cache: false,
      batchScheduleFn: (dispatch) => this.scheduled.push(dispatch),
    });
  }

  /** Resolves with one output per item, in order, once the flush that carried them is done. */
  add(items: I[]): Promise<O[]> {
    if (items.length === 0) return Promise.resolve([]);
    const outputs = this.loader.load(items);
    this.dispatchNext();
    return outputs;
  }

  private dispatchNext(): void {
    if (this.flushing) return;
    const dispatch = this.scheduled.shift();
    if (!dispatch) return;
    this.flushing = true;
    dispatch();
  }

  /** Flushes the gathered calls in groups of at most maxItems items; a failed group fails only its own calls. */
  private async flushCalls(calls: readonly I[][]): Promise<Array<O[] | Error>> {
    try {
      const results: Array<O[] | Error> = [];
      for (const group of groupsOf(calls, this.maxItems)) {
        try {
          const out = await this.flush(group.flat());
          let at = 0;
          for (const call of group) {
            results.push(out.slice(at, at + call.length));
            at += call.length;
          }
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          for (let i = 0; i < group.length; i++) results.push(failure);
        }
      }
      return results;
    } finally {
      this.flushing = false;
      this.dispatchNext();
    }
  }
}

function groupsOf<I>(calls: readonly I[][], maxItems: number): I[][][] {
  const groups: I[][][] = [];
  let size = 0;
  for (const call of calls) {
    const last = groups.at(-1);
    if (last && size + call.length <= maxItems) {
      last.push(call);
      size += call.length;
    } else {
      groups.push([call]);
      size = call.length;
    }
  }
  return groups;
}
