/**
 * Results of costly solves kept in memory, the oldest dropped first once `limit` are kept. A result is computed once
 * for each key, also when several requests ask for it at the same time.
 */
export class RecentResults<V> {
  private readonly kept = new Map<string, Promise<V>>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => Promise<V>): Promise<V> {
    const found = this.kept.get(key);
    if (found) return found;
    const computed = compute();
    this.kept.set(key, computed);
    // A failed computation is not kept: the next request tries again.
    computed.catch(() => {
      if (this.kept.get(key) === computed) this.kept.delete(key);
    });
    if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
    return computed;
  }
}
