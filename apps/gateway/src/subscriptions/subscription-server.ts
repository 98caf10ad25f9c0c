import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { createSubscriptionSchema } from '@trellis/gateway/supergraph';
import { type Principal, type TokenVerifier, AuthenticationError } from '@trellis/shared/auth';
import type { Logger } from '@trellis/shared/observability';
import { type ExecutionArgs, getOperationAST, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer } from 'ws';
import type { GatewayLimits } from '../gateway.config';
import { aliasLimitRule, depthLimitRule } from '../graphql/limits';
import type { EventFeed } from './event-feed';

const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;
/** Close codes of the graphql-ws protocol family: 4401 = the caller could not be authenticated. */
export const CLOSE_UNAUTHENTICATED = 4401;

// A type alias (not an interface): graphql-ws wants it assignable to Record<PropertyKey, unknown>.
type SocketExtra = {
  principal?: Principal;
  expiry?: NodeJS.Timeout;
  subscriptions?: number;
};

function tokenFrom(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.['authorization'] ?? params?.['Authorization'] ?? params?.['token'];
  if (typeof value !== 'string') return undefined;
  return value.replace(/^Bearer\s+/i, '');
}

/**
 * graphql-ws on the gateway's own HTTP server and path: the same public endpoint serves subscriptions. A socket is
 * authenticated once, at `connection_init`, with the same token check as HTTP, and is closed when that token expires.
 */
export function attachSubscriptionServer(options: {
  httpServer: Server;
  path: string;
  feed: EventFeed;
  verifier: TokenVerifier;
  limits: GatewayLimits;
  logger: Logger;
}): { close(): Promise<void> } {
  const { httpServer, path, feed, verifier, limits, logger } = options;
  const schema = createSubscriptionSchema(feed);
  const rules = [...specifiedRules, depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)];
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxBodyBytes });

  const onUpgrade = (req: import('node:http').IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((req.url ?? '').split('?')[0] !== path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  httpServer.on('upgrade', onUpgrade);

  const disposable = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const token = tokenFrom(ctx.connectionParams);
        try {
          if (!token)
            throw new AuthenticationError(
              'missing',
              'No access token: send { authorization: "Bearer <token>" } as connection parameters.',
            );
          ctx.extra.principal = await verifier.verifyToken(token);
          const exp = decodeJwt(token).exp;
          if (exp) {
            const socket = ctx.extra.socket;
            ctx.extra.expiry = setTimeout(
              () => socket.close(CLOSE_UNAUTHENTICATED, 'The access token has expired: reconnect with a new one.'),
              Math.max(0, exp * 1000 - Date.now()),
            );
            ctx.extra.expiry.unref();
          }
          return true;
        } catch (error) {
          const message =
            error instanceof AuthenticationError ? error.message : 'The access token could not be verified.';
          if (!(error instanceof AuthenticationError))
            logger.error({ err: error }, 'subscription authentication failed');
          ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, message.slice(0, 120));
          return false;
        }
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
      },
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const badInput = (message: string) => [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })];
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return badInput((error as Error).message);
        }
        const errors = validate(schema, document, rules);
        if (errors.length)
          return errors.map((e) => new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } }));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return badInput('Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST.');
        }
        ctx.extra.subscriptions = (ctx.extra.subscriptions ?? 0) + 1;
        if (ctx.extra.subscriptions > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return badInput(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions per connection.`);
        }
        return {
          schema,
          document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue: { principal: ctx.extra.principal },
        };
      },
      onComplete: (ctx) => {
        ctx.extra.subscriptions = Math.max(0, (ctx.extra.subscriptions ?? 1) - 1);
      },
    },
    wss,
  );

  return {
    close: async () => {
      httpServer.off('upgrade', onUpgrade);
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
