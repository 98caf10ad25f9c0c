import { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';

// Apollo Server 5 moved its Express and Fastify integrations into separate packages (@as-integrations/*), which
// Trellis does not install; both are a thin mapping onto `executeHTTPGraphQLRequest`, done here once.

export type ContextFunction<TContext> = (args: { req: unknown; res: unknown }) => Promise<TContext>;

interface ExpressLikeRequest {
  method: string;
  url: string;
  originalUrl?: string;
  headers: IncomingHttpHeaders;
  body?: unknown;
}
interface ExpressLikeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  write(chunk: string): unknown;
  end(chunk?: string): unknown;
}

function headerMap(headers: IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}

function searchOf(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? '' : url.slice(index);
}

async function execute<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  req: ExpressLikeRequest,
  res: unknown,
  context: ContextFunction<TContext>,
): Promise<HTTPGraphQLResponse> {
  return server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: req.method.toUpperCase(),
      headers: headerMap(req.headers),
      search: searchOf(req.originalUrl ?? req.url),
      // A GET has no body; Apollo then reads the query from the search string.
      body: req.body ?? {},
    },
    context: () => context({ req, res }),
  });
}

/** Express (and Nest's Express adapter) handler for an Apollo Server. */
export function expressGraphqlHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: ContextFunction<TContext>,
) {
  return (req: ExpressLikeRequest, res: ExpressLikeResponse, next: (error?: unknown) => void): void => {
    execute(server, req, res, context)
      .then(async (response) => {
        for (const [key, value] of response.headers) res.setHeader(key, value);
        res.statusCode = response.status ?? 200;
        if (response.body.kind === 'complete') {
          res.end(response.body.string);
          return;
        }
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      })
      .catch(next);
  };
}

interface FastifyLikeReply {
  code(status: number): FastifyLikeReply;
  header(name: string, value: string): FastifyLikeReply;
  send(payload: unknown): FastifyLikeReply;
}

/** Fastify (and Nest's Fastify adapter) route handler for an Apollo Server. */
export function fastifyGraphqlHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: ContextFunction<TContext>,
) {
  return async (request: ExpressLikeRequest, reply: FastifyLikeReply): Promise<FastifyLikeReply> => {
    const response = await execute(server, request, reply, context);
    for (const [key, value] of response.headers) reply.header(key, value);
    reply.code(response.status ?? 200);
    if (response.body.kind === 'complete') return reply.send(response.body.string);
    return reply.send(Readable.from(response.body.asyncIterator));
  };
}
