import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import type { Server } from 'node:http';
import { type ContextFunction, expressGraphqlHandler, fastifyGraphqlHandler } from './apollo-http';

interface ExpressApp {
  use(path: string, handler: ReturnType<typeof expressGraphqlHandler>): void;
}
interface FastifyApp {
  server: Server;
  route(options: { url: string; method: string[]; handler: ReturnType<typeof fastifyGraphqlHandler> }): void;
}

/** Closes idle keep-alive connections on shutdown so that Fastify's close does not wait for them. */
export function fastifyDrainPlugin(app: FastifyApp): ApolloServerPlugin {
  return {
    serverWillStart: () =>
      Promise.resolve({
        drainServer: () => {
          app.server.closeIdleConnections();
          return Promise.resolve();
        },
      }),
  };
}

/**
 * Nest's Apollo Federation driver, mounted with our own Express/Fastify glue (see apollo-http.ts) instead of the
 * @as-integrations packages Nest would load.
 */
@Injectable()
export class TrellisFederationDriver extends ApolloFederationDriver {
  protected override registerExpress(
    options: ApolloFederationDriverConfig,
    hooks: { preStartHook?: () => void } = {},
  ): Promise<void> {
    const httpAdapter = this.httpAdapterHost.httpAdapter;
    const drain = ApolloServerPluginDrainHttpServer({ httpServer: httpAdapter.getHttpServer() as Server });
    return this.mount(options, drain, hooks, (server, context) =>
      httpAdapter.getInstance<ExpressApp>().use(options.path ?? '/graphql', expressGraphqlHandler(server, context)),
    );
  }

  protected override registerFastify(
    options: ApolloFederationDriverConfig,
    hooks: { preStartHook?: () => void } = {},
  ): Promise<void> {
    const app = this.httpAdapterHost.httpAdapter.getInstance<FastifyApp>();
    return this.mount(options, fastifyDrainPlugin(app), hooks, (server, context) =>
      app.route({
        url: options.path ?? '/graphql',
        method: ['GET', 'POST', 'OPTIONS'],
        handler: fastifyGraphqlHandler(server, context),
      }),
    );
  }

  private async mount(
    options: ApolloFederationDriverConfig,
    drain: ApolloServerPlugin,
    { preStartHook }: { preStartHook?: () => void },
    attach: (server: ApolloServer<BaseContext>, context: ContextFunction<BaseContext>) => void,
  ): Promise<void> {
    preStartHook?.();
    const server = new ApolloServer<BaseContext>({
      ...(options as unknown as ApolloServerOptions<BaseContext>),
      // Nest owns SIGTERM (drainOnSignals). Apollo's own handler (on unless NODE_ENV=test) stops the server at once,
      // failing requests still in the readiness pause, then re-raises the signal, which cut the drain short.
      stopOnTerminationSignals: false,
      plugins: [...((options.plugins ?? []) as ApolloServerPlugin[]), drain],
    });
    await server.start();
    const context = (options.context ??
      (({ req }: { req: unknown }) => Promise.resolve({ req }))) as ContextFunction<BaseContext>;
    attach(server, context);
    this.apolloServer = server;
  }
}
