import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ServiceMetrics } from '@trellis/shared/observability';

const MAX_OPERATION_NAMES = 200;
const operationName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Records `trellis_graphql_duration_seconds{operation,outcome}`. Operation names come from clients, so only well-formed
 * names are kept, and at most a bounded number of them: the label set cannot grow without limit.
 */
export function graphqlMetricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin<BaseContext> {
  const seen = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name || !operationName.test(name)) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(name);
    return name;
  };
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      return Promise.resolve({
        willSendResponse({ operationName: resolved, request, response, errors }) {
          const body = response.body;
          const failed =
            (errors?.length ?? 0) > 0 || (body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0);
          metrics.graphqlLatency.observe(
            { operation: label(resolved ?? request.operationName), outcome: failed ? 'error' : 'ok' },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
          return Promise.resolve();
        },
      });
    },
  };
}
