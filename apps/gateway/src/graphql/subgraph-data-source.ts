import { injectTraceContext } from '@trellis/shared/observability';
import http from 'node:http';
import https from 'node:https';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GatewayContext } from './gateway-context';
import { serviceUnavailable } from './retryable-errors';
import { SubgraphPool, type SubgraphTarget } from './subgraph-pool';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 }),
};

export class SubgraphRequestError extends Error {
  constructor(subgraph: string, reason: string) {
    super(`Subgraph ${subgraph}: ${reason}`);
    this.name = 'SubgraphRequestError';
  }
}

/** The instance cannot have seen the request: nothing was delivered, so another instance may be asked. */
class NotDelivered extends Error {}
/** The request may or may not have been applied (the connection broke after it was sent, or no answer in time). */
class Unanswered extends Error {}

// Gateways and ingresses between here and the subgraph answer these without a GraphQL body when it is not there.
const unavailableStatuses = new Set([502, 503, 504]);

/**
 * Sends a query plan's fetch to a subgraph over a keep-alive connection pool, with the caller's own bearer token and
 * the request's correlation id: the subgraph authenticates the person itself and its logs join the gateway's.
 * (Replaces RemoteGraphQLDataSource, whose make-fetch-happen client costs a lot of throughput; see the benchmark.)
 *
 * When the subgraph cannot be reached the caller gets SERVICE_UNAVAILABLE with `retryable: true` (not INTERNAL):
 * a restart or a drain is the usual cause, and a retry of the same operation (same `commandId`) is safe. With several
 * instances (SubgraphPool) a fetch no instance received — connection refused, a kept-alive connection the instance
 * had just closed, a draining instance's 503 — goes to the next instance first.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  readonly pool: SubgraphPool;

  constructor(
    readonly name: string,
    urlOrPool: string | SubgraphPool,
    private readonly timeoutMs: number,
    private readonly retryAfterMs = 1000,
  ) {
    this.pool =
      typeof urlOrPool === 'string'
        ? new SubgraphPool(name, [urlOrPool.replace(/\/graphql\/?$/, '')], { probeIntervalMs: 1000 })
        : urlOrPool;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    // Health checks and schema loading carry no caller; the SDL comes from /subgraph/sdl instead (ADR 0003).
    const caller = context as Partial<GatewayContext>;
    if (caller.authorization) headers['authorization'] = caller.authorization;
    if (caller.correlationId) headers['x-correlation-id'] = caller.correlationId;
    // W3C trace context, so the subgraph's spans join the gateway's trace (and from there the Kafka hops).
    Object.assign(headers, injectTraceContext());
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
    });
    const candidates = this.pool.order();
    for (const [i, target] of candidates.entries()) {
      const last = i === candidates.length - 1;
      let answer: { status: number; text: string };
      try {
        answer = await this.post(target, body, headers);
      } catch (error) {
        if (error instanceof NotDelivered) {
          this.pool.markDown(target, error.message);
          if (!last) continue;
        }
        if (error instanceof NotDelivered || error instanceof Unanswered)
          throw serviceUnavailable(this.name, this.retryAfterMs);
        throw error;
      }
      const parsed = this.parse(answer);
      if (parsed) return parsed;
      if (unavailableStatuses.has(answer.status)) {
        // A draining instance (or a proxy without a ready backend) answered without executing anything.
        if (answer.status === 503) this.pool.markDown(target, 'HTTP 503');
        if (!last && answer.status === 503) continue;
        throw serviceUnavailable(this.name, this.retryAfterMs);
      }
      throw new SubgraphRequestError(this.name, `HTTP ${answer.status} without a GraphQL response`);
    }
    throw serviceUnavailable(this.name, this.retryAfterMs);
  }

  private parse({ text }: { status: number; text: string }): GatewayGraphQLResponse | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || !('data' in parsed || 'errors' in parsed)) return undefined;
    return parsed as GatewayGraphQLResponse;
  }

  private post(
    target: SubgraphTarget,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; text: string }> {
    const url = target.graphqlUrl;
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      let answered = false;
      const request = transport.request(
        url,
        {
          method: 'POST',
          agent: agents[url.protocol as 'http:' | 'https:'],
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          timeout: this.timeoutMs,
        },
        (response) => {
          answered = true;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', (error) => reject(new Unanswered(`${this.name}: ${error.message}`)));
        },
      );
      request.on('timeout', () =>
        request.destroy(new Unanswered(`${this.name}: no answer within ${this.timeoutMs} ms`)),
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (error instanceof Unanswered) return reject(error);
        const code = error.code ?? '';
        // Node's documented keep-alive race: the server closed an idle connection as this request went out on it.
        const staleConnection = request.reusedSocket && !answered && (code === 'ECONNRESET' || code === 'EPIPE');
        if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || staleConnection) {
          return reject(new NotDelivered(`${this.name} at ${target.base}: ${code}`));
        }
        reject(new Unanswered(`${this.name} at ${target.base}: ${code || error.message}`));
      });
      request.end(body);
    });
  }
}
