import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { type BuildSchemaOptions, GraphQLModule } from '@nestjs/graphql';
import { type AuthConfig, AuthenticationError, loadAuthConfig, TokenVerifier } from '@trellis/shared/auth';
import {
  createLogger,
  currentCorrelation,
  type Logger,
  newCorrelationId,
  type ServiceMetrics,
} from '@trellis/shared/observability';
import { ROOT_LOGGER, SERVICE_METRICS } from '@trellis/shared/platform';
import { createErrorFormatter, publicError } from './errors';
import { TrellisFederationDriver } from './federation.driver';
import type { GraphqlContext } from './graphql-context';
import { graphqlMetricsPlugin } from './graphql-metrics.plugin';
import { RefusalLoggingFilter } from './refusal-logging.filter';
import { RequestLoaders } from './request-loaders';
import { SubgraphSdlController } from './subgraph-sdl.controller';
import { SUBGRAPH_SERVICE_NAME } from './tokens';

export interface SubgraphGraphqlOptions {
  /** The service's name (profiles, matching, …): logs and the composition's subgraph name. */
  service: string;
  /** Token verification settings; default from TRELLIS_AUTH_* (loadAuthConfig). */
  auth?: AuthConfig;
  /** Passed to Nest's code-first schema builder (e.g. `orphanedTypes`). */
  buildSchemaOptions?: BuildSchemaOptions;
}

export function headerValue(req: unknown, name: string): string | undefined {
  const value = (req as { headers?: Record<string, string | string[] | undefined> } | undefined)?.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Verifies the caller's bearer token and builds the per-request context; an unverifiable caller gets 401. */
export function createSubgraphContext(verifier: TokenVerifier) {
  return async ({ req }: { req: unknown }): Promise<GraphqlContext> => {
    try {
      const principal = await verifier.verifyAuthorizationHeader(headerValue(req, 'authorization'));
      const correlationId = currentCorrelation()?.correlationId ?? newCorrelationId();
      return { req, principal, loaders: new RequestLoaders(), correlationId };
    } catch (error) {
      if (error instanceof AuthenticationError) {
        throw publicError('UNAUTHENTICATED', error.message, {
          reason: error.reason,
          http: { status: 401, headers: new Map([['www-authenticate', 'Bearer error="invalid_token"']]) },
        });
      }
      throw error;
    }
  };
}

@Module({})
class SubgraphAuthModule {}

/**
 * GraphQL for a Trellis subgraph: code-first, Apollo Federation 2, on /graphql. Every operation needs a valid bearer
 * token, verified here (the subgraph never trusts the gateway); errors leave only with a public code; latency is
 * recorded per operation; resolvers get `{ principal, loaders }` in their context.
 */
@Module({})
export class SubgraphGraphqlModule {
  static forRoot(options: SubgraphGraphqlOptions): DynamicModule {
    const verifierProvider: Provider = {
      provide: TokenVerifier,
      useFactory: () => new TokenVerifier(options.auth ?? loadAuthConfig()),
    };
    const auth: DynamicModule = {
      module: SubgraphAuthModule,
      providers: [verifierProvider],
      exports: [TokenVerifier],
    };
    return {
      module: SubgraphGraphqlModule,
      imports: [
        auth,
        GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
          driver: TrellisFederationDriver,
          imports: [auth],
          inject: [TokenVerifier, { token: SERVICE_METRICS, optional: true }, { token: ROOT_LOGGER, optional: true }],
          useFactory: (verifier: TokenVerifier, metrics?: ServiceMetrics, root?: Logger) => {
            const logger = (root ?? createLogger(options.service)).child({ component: 'graphql' });
            // Inline traces (ftv1) are for Apollo's hosted studio, which Trellis does not use; they cost time per field.
            const plugins: ApolloServerPlugin<BaseContext>[] = [ApolloServerPluginInlineTraceDisabled()];
            if (metrics) plugins.push(graphqlMetricsPlugin(metrics));
            return {
              path: '/graphql',
              autoSchemaFile: { federation: 2 },
              sortSchema: true,
              buildSchemaOptions: options.buildSchemaOptions,
              playground: false,
              introspection: process.env['NODE_ENV'] !== 'production',
              includeStacktraceInErrorResponses: false,
              autoTransformHttpErrors: false,
              csrfPrevention: true,
              context: createSubgraphContext(verifier),
              formatError: createErrorFormatter(logger),
              plugins,
            };
          },
        }),
      ],
      controllers: [SubgraphSdlController],
      providers: [
        { provide: SUBGRAPH_SERVICE_NAME, useValue: options.service },
        { provide: APP_FILTER, useClass: RefusalLoggingFilter },
      ],
      exports: [auth],
    };
  }
}
