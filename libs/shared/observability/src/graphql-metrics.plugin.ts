import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { context, trace } from '@opentelemetry/api';
import type { ServiceMetrics } from './metrics';

const MAX_OPERATION_NAMES = 200;
const wellFormed = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Apollo Server plugin: GraphQL latency by operation (`trellis_graphql_duration_seconds`) and the operation's name
 * and type on the active (HTTP) span. Operation names are client-chosen: unnamed or malformed ones share one label,
 * invalid documents another, and past a bounded number of names the rest share `(other)`, so the series stay few.
 */
export function graphqlMetricsPlugin<TContext extends BaseContext = BaseContext>(
  metrics: ServiceMetrics,
): ApolloServerPlugin<TContext> {
  const seen = new Set<string>();
  const label = (name: string | null | undefined, parsed: boolean): string => {
    if (!parsed) return '(invalid)';
    if (!name || !wellFormed.test(name)) return '(anonymous)';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return '(other)';
    seen.add(name);
    return name;
  };
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
          const operation = label(requestContext.operationName, Boolean(requestContext.operation));
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlLatency.observe({ operation, outcome: failed ? 'error' : 'ok' }, seconds);
          return Promise.resolve();
        },
      });
    },
  };
}
