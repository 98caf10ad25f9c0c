import { z } from 'zod';

export const SUBGRAPH_NAMES = ['profiles', 'matching', 'sessions', 'notifications'] as const;
const defaultPorts: Record<(typeof SUBGRAPH_NAMES)[number], number> = {
  profiles: 4001,
  matching: 4002,
  sessions: 4003,
  notifications: 4004,
};

export interface SubgraphEndpoint {
  name: string;
  /** The subgraph's GraphQL endpoint, where the gateway sends query plans' fetches. */
  url: string;
  /** Where its SDL is published for composition (ADR 0003). */
  sdlUrl: string;
  /**
   * Base URLs of its instances when the gateway is given several (TRELLIS_GATEWAY_<SUBGRAPH>_URLS): fetches are spread
   * over the ready ones and fail over (SubgraphPool). One entry, the Service, in Kubernetes.
   */
  instances?: string[];
}

export interface GatewayLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxBatch: number;
  maxBodyBytes: number;
  /** Sustained operations per minute per person, with a burst of `rateBurst`. */
  ratePerMinute: number;
  rateBurst: number;
  subgraphTimeoutMs: number;
  /** How often each instance of a replicated subgraph is asked for readiness. */
  subgraphProbeMs: number;
  /** What a retryable SERVICE_UNAVAILABLE error tells the client to wait before retrying. */
  retryAfterMs: number;
}

export interface GatewayConfig {
  subgraphs: SubgraphEndpoint[];
  limits: GatewayLimits;
  http: 'express' | 'fastify';
  /** How often subgraph SDLs are polled for changes once every subgraph has answered. */
  pollIntervalMs: number;
  /** How long start-up waits for at least one subgraph. */
  startupTimeoutMs: number;
  introspection: boolean;
  /** Integration topics whose events feed subscriptions. */
  eventTopics: string[];
}

const int = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  TRELLIS_GATEWAY_SUBGRAPHS: z.string().default(SUBGRAPH_NAMES.join(',')),
  TRELLIS_GATEWAY_HTTP: z.enum(['express', 'fastify']).default('fastify'),
  TRELLIS_GATEWAY_MAX_DEPTH: int(12),
  TRELLIS_GATEWAY_MAX_COST: int(20_000),
  TRELLIS_GATEWAY_MAX_ALIASES: int(30, 0),
  TRELLIS_GATEWAY_MAX_BATCH: int(10),
  // A CSV import chunk travels in one request; chunks keep line numbers with blank lines, so they need room.
  TRELLIS_GATEWAY_MAX_BODY_BYTES: int(1_048_576),
  TRELLIS_GATEWAY_RATE_PER_MINUTE: int(1200),
  TRELLIS_GATEWAY_RATE_BURST: int(200),
  TRELLIS_GATEWAY_SUBGRAPH_TIMEOUT_MS: int(15_000),
  TRELLIS_GATEWAY_SUBGRAPH_PROBE_MS: int(1000, 50),
  TRELLIS_GATEWAY_RETRY_AFTER_MS: int(1000, 0),
  TRELLIS_GATEWAY_POLL_INTERVAL_MS: int(10_000, 100),
  TRELLIS_GATEWAY_STARTUP_TIMEOUT_MS: int(180_000, 100),
  TRELLIS_GATEWAY_EVENT_TOPICS: z.string().default(SUBGRAPH_NAMES.map((name) => `${name}.events.v1`).join(',')),
});

/** Reads the gateway's configuration; a bad value stops start-up with a message naming it. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid gateway configuration: ${problems}`);
  }
  const v = parsed.data;
  const host = env['TRELLIS_SUBGRAPH_HOST'] ?? '127.0.0.1';
  const names = v.TRELLIS_GATEWAY_SUBGRAPHS.split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const subgraphs = names.map((name) => {
    const upper = name.toUpperCase();
    const port = env[`TRELLIS_${upper}_PORT`] ?? defaultPorts[name as keyof typeof defaultPorts];
    const base = (env[`TRELLIS_${upper}_URL`] ?? `http://${host}:${port ?? 80}`).replace(/\/+$/, '');
    const instances = (env[`TRELLIS_GATEWAY_${upper}_URLS`] ?? '')
      .split(',')
      .map((u) => u.trim().replace(/\/+$/, ''))
      .filter(Boolean);
    for (const url of instances) {
      if (!/^https?:\/\/[^/]+/.test(url)) {
        throw new Error(`Invalid gateway configuration: TRELLIS_GATEWAY_${upper}_URLS: "${url}" is not an http(s) URL`);
      }
    }
    const first = instances[0] ?? base;
    const endpoint: SubgraphEndpoint = { name, url: `${first}/graphql`, sdlUrl: `${first}/subgraph/sdl` };
    if (instances.length) endpoint.instances = instances;
    return endpoint;
  });
  return {
    subgraphs,
    http: v.TRELLIS_GATEWAY_HTTP,
    limits: {
      maxDepth: v.TRELLIS_GATEWAY_MAX_DEPTH,
      maxCost: v.TRELLIS_GATEWAY_MAX_COST,
      maxAliases: v.TRELLIS_GATEWAY_MAX_ALIASES,
      maxBatch: v.TRELLIS_GATEWAY_MAX_BATCH,
      maxBodyBytes: v.TRELLIS_GATEWAY_MAX_BODY_BYTES,
      ratePerMinute: v.TRELLIS_GATEWAY_RATE_PER_MINUTE,
      rateBurst: v.TRELLIS_GATEWAY_RATE_BURST,
      subgraphTimeoutMs: v.TRELLIS_GATEWAY_SUBGRAPH_TIMEOUT_MS,
      subgraphProbeMs: v.TRELLIS_GATEWAY_SUBGRAPH_PROBE_MS,
      retryAfterMs: v.TRELLIS_GATEWAY_RETRY_AFTER_MS,
    },
    pollIntervalMs: v.TRELLIS_GATEWAY_POLL_INTERVAL_MS,
    startupTimeoutMs: v.TRELLIS_GATEWAY_STARTUP_TIMEOUT_MS,
    introspection: env['NODE_ENV'] !== 'production',
    eventTopics: v.TRELLIS_GATEWAY_EVENT_TOPICS.split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  };
}
