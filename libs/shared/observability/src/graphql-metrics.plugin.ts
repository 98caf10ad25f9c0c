import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context, trace } from '@opentelemetry/api';
import type { ServiceMetrics } from './metrics';

/**
 * Apollo Server plugin: GraphQL latency by operation (`trellis_graphql_duration_seconds`) and the operation's name
 * and type on the active (HTTP) span. Operation names are client-chosen, so unnamed and unparsable operations share
 * one label each and the label set stays bounded by the operations a client actually ships.
 */
export function graphqlMetricsPlugin<TContext extends BaseContext = BaseContext>(
  metrics: ServiceMetrics,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      const span = trace.getSpan(context.active());
      let failed = false;
      return Promise.resolve({
        didResolveOperation(requestContext) {
          span?.setAttribute('graphql.operation.name', requestContext.operationName ?? '(anonymous)');
          if (requestContext.operation)
            span?.setAttribute('graphql.operation.type', requestContext.operation.operation);
          return Promise.resolve();
        },
        didEncounterErrors() {
          failed = true;
          return Promise.resolve();
        },
        willSendResponse(requestContext) {
          const operation = requestContext.operationName ?? (requestContext.operation ? '(anonymous)' : '(invalid)');
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlLatency.observe({ operation, outcome: failed ? 'error' : 'ok' }, seconds);
          return Promise.resolve();
        },
      });
    },
  };
}
