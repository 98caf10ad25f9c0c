import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuthenticationError, TokenVerifier } from '@trellis/shared/auth';
import { createErrorFormatter, headerValue, publicError } from '@trellis/shared/graphql';
import {
  type Logger,
  newCorrelationId,
  runWithCorrelation,
  type ServiceMetrics,
  graphqlMetricsPlugin,
} from '@trellis/shared/observability';
import {
  KAFKA,
  ROOT_LOGGER,
  SERVICE_CONFIG,
  SERVICE_METRICS,
  type ServiceConfig,
  ShutdownState,
} from '@trellis/shared/platform';
import { GraphQLError } from 'graphql';
import type { Kafka } from 'kafkajs';
import { type GatewayConfig } from '../gateway.config';
import { SubgraphPoller } from '../supergraph/subgraph-poller';
import { GATEWAY_CONFIG } from '../tokens';
import type { GatewayContext } from './gateway-context';
import { readJsonBody } from './json-body';
import { aliasLimitRule, costLimitPlugin, depthLimitRule } from './limits';
import { RateLimiter } from './rate-limiter';
import { RateUsageExchange } from './rate-usage-exchange';
import { retryAfterPlugin, serviceUnavailable, withRetryableErrors } from './retryable-errors';
import { SubgraphDataSource } from './subgraph-data-source';
import { SubgraphPool } from './subgraph-pool';

export const GRAPHQL_PATH = '/graphql';
const acceptableCorrelationId = /^[A-Za-z0-9._:-]{8,128}$/;

type RawRequest = IncomingMessage & { body?: unknown };

interface FastifyLike {
  route(options: Record<string, unknown>): void;
}
interface FastifyRequestLike {
  raw: RawRequest;
  body?: unknown;
}
interface FastifyReplyLike {
  raw: ServerResponse;
  hijack(): void;
}

/**
 * The public GraphQL endpoint: Apollo Gateway over the composed supergraph, behind authentication, per-person rate
 * limits, batch/body/depth/alias/cost limits and CSRF prevention; errors leave only with public codes.
 */
@Injectable()
export class GatewayGraphqlService implements OnModuleInit, OnApplicationShutdown {
  readonly poller: SubgraphPoller;
  private server: ApolloServer<GatewayContext> | undefined;
  private readonly limiter: RateLimiter;
  readonly rateUsage: RateUsageExchange;
  private readonly formatError: ReturnType<typeof createErrorFormatter>;
  private readonly pools = new Map<string, SubgraphPool>();
  private readonly logger: Logger;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: TokenVerifier,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    @Inject(ROOT_LOGGER) root: Logger,
    private readonly shutdown: ShutdownState,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(SERVICE_CONFIG) service: ServiceConfig,
  ) {
    const logger = root.child({ component: 'graphql' });
    this.logger = logger;
    this.poller = new SubgraphPoller(config, logger);
    this.limiter = new RateLimiter(config.limits.ratePerMinute, config.limits.rateBurst);
    this.rateUsage = new RateUsageExchange(kafka, this.limiter, logger.child({ component: 'rate-usage' }), {
      topicSettings: { partitions: 1, replication: service.kafkaReplication },
    });
    this.formatError = withRetryableErrors(createErrorFormatter(logger));
  }

  async onModuleInit(): Promise<void> {
    const { limits } = this.config;
    // Not awaited: without the broker the gateway still serves, each instance limiting on its own.
    void this.rateUsage
      .start()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'rate usage exchange not started'));
    const httpAdapter = this.adapterHost.httpAdapter;
    const gateway = new ApolloGateway({
      supergraphSdl: this.poller,
      buildService: ({ name, url }) =>
        new SubgraphDataSource(name, this.poolOf(name, url ?? ''), limits.subgraphTimeoutMs, limits.retryAfterMs),
    });
    const server = new ApolloServer<GatewayContext>({
      gateway,
      // Nest owns SIGTERM (drainOnSignals): Apollo's own handler would stop serving at once and re-raise the signal.
      stopOnTerminationSignals: false,
      allowBatchedHttpRequests: true,
      csrfPrevention: true,
      introspection: this.config.introspection,
      includeStacktraceInErrorResponses: false,
      formatError: this.formatError,
      validationRules: [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)],
      plugins: [
        costLimitPlugin(limits.maxCost),
        graphqlMetricsPlugin(this.metrics),
        retryAfterPlugin(),
        ApolloServerPluginDrainHttpServer({ httpServer: httpAdapter.getHttpServer() as import('node:http').Server }),
      ],
    });
    await server.start();
    this.server = server;

    if (httpAdapter.getType() === 'fastify') {
      httpAdapter.getInstance<FastifyLike>().route({
        url: GRAPHQL_PATH,
        method: ['GET', 'POST', 'OPTIONS'],
        bodyLimit: limits.maxBodyBytes,
        handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => {
          reply.hijack();
          request.raw.body = request.body;
          return this.serve(request.raw, reply.raw);
        },
        errorHandler: (error: { statusCode?: number; message: string }, _request: unknown, reply: FastifyReplyLike) => {
          const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
          const message =
            status === 413 ? `The request body is larger than ${limits.maxBodyBytes} bytes.` : error.message;
          reply.hijack();
          this.writeErrors(reply.raw, status, [publicError('BAD_USER_INPUT', message, { reason: 'HTTP' })]);
        },
      });
    } else {
      httpAdapter
        .getInstance<{ use(path: string, handler: (req: RawRequest, res: ServerResponse) => void): void }>()
        .use(GRAPHQL_PATH, (req, res) => void this.serve(req, res));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const pool of this.pools.values()) pool.stop();
    await this.shutdown.step('stop rate usage exchange', () => this.rateUsage.stop());
    await this.shutdown.step('stop apollo gateway', async () => this.server?.stop());
  }

  /** One pool per subgraph, kept across supergraph updates (Apollo builds its data sources again on each). */
  private poolOf(name: string, url: string): SubgraphPool {
    const existing = this.pools.get(name);
    if (existing) return existing;
    const endpoint = this.config.subgraphs.find((s) => s.name === name);
    const instances = endpoint?.instances ?? [url.replace(/\/graphql\/?$/, '')];
    const pool = new SubgraphPool(name, instances, {
      probeIntervalMs: this.config.limits.subgraphProbeMs,
      onChange: (target, ready, reason) =>
        this.logger.warn({ subgraph: name, instance: target.base, ready, reason }, 'subgraph instance readiness'),
    });
    pool.start();
    this.pools.set(name, pool);
    return pool;
  }

  /** Verifies the caller and applies the per-request limits; becomes the context of every operation. */
  async createContext(req: RawRequest, correlationId: string): Promise<GatewayContext> {
    const operations = Array.isArray(req.body) ? req.body.length : 1;
    if (operations > this.config.limits.maxBatch) {
      throw new GraphQLError(`A batch may hold at most ${this.config.limits.maxBatch} operations.`, {
        extensions: { code: 'BAD_USER_INPUT', reason: 'LIMIT', limit: 'batch', http: { status: 400 } },
      });
    }
    const authorization = headerValue(req, 'authorization');
    let principal;
    try {
      principal = await this.verifier.verifyAuthorizationHeader(authorization);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      throw publicError('UNAUTHENTICATED', error.message, {
        reason: error.reason,
        http: { status: 401, headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]) },
      });
    }
    const rateKey = `${principal.tenantId}/${principal.personId}`;
    const retryAfter = this.limiter.take(rateKey, operations);
    if (retryAfter === 0) this.rateUsage.note(rateKey, operations);
    if (retryAfter > 0) {
      throw publicError('RATE_LIMITED', `Too many requests: try again in ${retryAfter} s.`, {
        retryAfterSeconds: retryAfter,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
      });
    }
    return { req, principal, authorization: authorization ?? '', correlationId };
  }

  private async serve(req: RawRequest, res: ServerResponse): Promise<void> {
    const server = this.server;
    if (!server) {
      res.setHeader('retry-after', String(Math.max(1, Math.ceil(this.config.limits.retryAfterMs / 1000))));
      this.writeErrors(res, 503, [serviceUnavailable('gateway', this.config.limits.retryAfterMs)]);
      return;
    }
    const fromMiddleware = res.getHeader('x-correlation-id');
    const incoming = headerValue(req, 'x-correlation-id');
    const correlationId =
      typeof fromMiddleware === 'string'
        ? fromMiddleware
        : incoming && acceptableCorrelationId.test(incoming)
          ? incoming
          : newCorrelationId();
    if (!res.hasHeader('x-correlation-id')) res.setHeader('x-correlation-id', correlationId);
    await runWithCorrelation({ correlationId }, async () => {
      try {
        req.body = await readJsonBody(req, this.config.limits.maxBodyBytes);
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        const url = req.url ?? '';
        const response = await server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: (req.method ?? 'GET').toUpperCase(),
            headers,
            search: url.includes('?') ? url.slice(url.indexOf('?')) : '',
            body: req.body ?? {},
          },
          context: () => this.createContext(req, correlationId),
        });
        for (const [key, value] of response.headers) res.setHeader(key, value);
        res.statusCode = response.status ?? 200;
        if (response.body.kind === 'complete') {
          res.end(response.body.string);
          return;
        }
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      } catch (error) {
        const status = (error as GraphQLError).extensions?.['http'] as { status?: number } | undefined;
        this.writeErrors(res, status?.status ?? 500, [error]);
      }
    });
  }

  private writeErrors(res: ServerResponse, status: number, errors: unknown[]): void {
    if (res.headersSent) {
      res.end();
      return;
    }
    const formatted = errors.map((error) => {
      const graphqlError =
        error instanceof GraphQLError ? error : new GraphQLError('failed', { originalError: error as Error });
      const { http: _http, ...extensions } = graphqlError.extensions;
      return this.formatError({ message: graphqlError.message, extensions }, graphqlError);
    });
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ errors: formatted }));
  }
}
