import DataLoader from 'dataloader';

export type BatchLoad<K, V> = (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;

/**
 * One registry of DataLoaders per GraphQL request: resolvers of a list's items ask for the same loader by name and
 * their lookups are batched into one query per tick (no N+1). Loaders live only as long as the request, so one
 * caller's cached rows never reach another caller.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown, unknown>>();

  /**
   * The loader named `name`, created with `batch` on first use. Names must be unique per meaning (e.g.
   * `participantById`): a later call with the same name gets the first loader, whatever `batch` it passes.
   */
  get<K, V, C = K>(name: string, batch: BatchLoad<K, V>, options?: DataLoader.Options<K, V, C>): DataLoader<K, V, C> {
    let loader = this.loaders.get(name) as DataLoader<K, V, C> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, C>(batch, { maxBatchSize: 500, ...options });
      this.loaders.set(name, loader as DataLoader<unknown, unknown, unknown>);
    }
    return loader;
  }

  get size(): number {
    return this.loaders.size;
  }
}
