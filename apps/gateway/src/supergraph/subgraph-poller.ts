import type { SupergraphManager } from '@apollo/gateway';
import { composeSupergraph, fetchSubgraphSdl, type SubgraphSdl } from '@trellis/gateway/supergraph';
import type { Logger } from '@trellis/shared/observability';
import type { GatewayConfig, SubgraphEndpoint } from '../gateway.config';

const FAST_POLL_MS = 1000;

/**
 * Feeds @apollo/gateway a supergraph composed from the SDLs the subgraphs publish (ADR 0003). Start-up waits until at
 * least one subgraph answers; subgraphs that come up later (or change their schema) are composed in by polling. A
 * composition that fails is logged and the last good supergraph stays in service; a subgraph that goes away keeps its
 * last SDL, so only fields it serves fail meanwhile.
 */
export class SubgraphPoller implements SupergraphManager {
  private readonly known = new Map<string, SubgraphSdl>();
  private supergraphSdl: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  lastErrors: string[] = [];

  constructor(
    private readonly config: Pick<GatewayConfig, 'subgraphs' | 'pollIntervalMs' | 'startupTimeoutMs'>,
    private readonly logger: Logger,
  ) {}

  get composedSubgraphs(): string[] {
    return [...this.known.keys()];
  }

  async initialize({ update }: { update: (supergraphSdl: string) => void }) {
    const deadline = Date.now() + this.config.startupTimeoutMs;
    await this.refresh();
    while (!this.supergraphSdl) {
      if (Date.now() > deadline) {
        const where = this.config.subgraphs.map((s) => s.sdlUrl).join(', ');
        const why = this.lastErrors.length ? `; composition: ${this.lastErrors.join('; ')}` : '';
        throw new Error(`No subgraph could be composed within ${this.config.startupTimeoutMs} ms (${where})${why}`);
      }
      await new Promise((resolve) => setTimeout(resolve, FAST_POLL_MS));
      await this.refresh();
    }
    this.schedule(update);
    return {
      supergraphSdl: this.supergraphSdl,
      cleanup: () => {
        this.stopped = true;
        clearTimeout(this.timer);
        return Promise.resolve();
      },
    };
  }

  private schedule(update: (supergraphSdl: string) => void): void {
    if (this.stopped) return;
    const everyoneSeen = this.known.size === this.config.subgraphs.length;
    this.timer = setTimeout(
      () => {
        void this.refresh()
          .then((changed) => {
            if (changed && this.supergraphSdl && !this.stopped) update(this.supergraphSdl);
          })
          .catch((error: unknown) => this.logger.error({ err: error }, 'supergraph refresh failed'))
          .finally(() => this.schedule(update));
      },
      everyoneSeen ? this.config.pollIntervalMs : FAST_POLL_MS,
    );
    this.timer.unref();
  }

  /** The SDL from the first instance that answers (any instance of a subgraph publishes the same one). */
  private async fetchSdl(endpoint: SubgraphEndpoint): Promise<string | undefined> {
    const urls = endpoint.instances?.map((base) => `${base}/subgraph/sdl`) ?? [endpoint.sdlUrl];
    for (const url of urls) {
      const sdl = await fetchSubgraphSdl(url);
      if (sdl !== undefined) return sdl;
    }
    return undefined;
  }

  /** Fetches every SDL; recomposes when one changed. True when a new supergraph is in service. */
  async refresh(): Promise<boolean> {
    const fetched = await Promise.all(
      this.config.subgraphs.map(async (s) => ({ endpoint: s, sdl: await this.fetchSdl(s) })),
    );
    const candidate = new Map(this.known);
    let changed = false;
    for (const { endpoint, sdl } of fetched) {
      if (sdl !== undefined && candidate.get(endpoint.name)?.sdl !== sdl) {
        candidate.set(endpoint.name, { name: endpoint.name, url: endpoint.url, sdl });
        changed = true;
      }
    }
    if (!changed) return false;
    const result = composeSupergraph([...candidate.values()]);
    if (!result.ok) {
      if (result.errors.join() !== this.lastErrors.join()) {
        this.logger.error({ errors: result.errors }, 'supergraph composition failed; the last good one stays');
      }
      this.lastErrors = result.errors;
      return false;
    }
    this.lastErrors = [];
    this.known.clear();
    for (const [name, sdl] of candidate) this.known.set(name, sdl);
    this.supergraphSdl = result.supergraphSdl;
    this.logger.info({ subgraphs: this.composedSubgraphs }, 'supergraph composed');
    return true;
  }
}
