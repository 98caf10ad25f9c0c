import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { graphqlMetricsPlugin } from './graphql-metrics.plugin';
import { createServiceMetrics } from './metrics';

describe('service metrics', () => {
  it('exposes what operators alert on, in Prometheus text format', async () => {
    const metrics = createServiceMetrics('unit');
    metrics.consumerLag.set({ group: 'profiles.x', topic: 't', partition: '0' }, 3);
    metrics.handlerLatency.observe({ group: 'profiles.x', topic: 't', outcome: 'ok' }, 0.01);
    metrics.deadLettered.inc({ group: 'profiles.x', topic: 't' });
    metrics.relayBacklog.set(2);
    metrics.relayOldestUnpublishedAge.set(1.5);
    metrics.relayQuarantined.inc();
    metrics.relayHeld.set(3);
    metrics.graphqlLatency.observe({ operation: 'Me', outcome: 'ok' }, 0.02);
    metrics.httpDuration.observe({ method: 'POST', status_class: '5xx' }, 0.1);
    metrics.httpErrors.inc({ method: 'POST', status: '500' });
    const text = await metrics.registry.metrics();
    for (const line of [
      'trellis_consumer_lag_messages{group="profiles.x",topic="t",partition="0",service="unit"} 3',
      'trellis_handler_duration_seconds_count{service="unit",group="profiles.x",topic="t",outcome="ok"} 1',
      'trellis_dead_lettered_total{group="profiles.x",topic="t",service="unit"} 1',
      'trellis_outbox_backlog_commits{service="unit"} 2',
      'trellis_outbox_oldest_unpublished_age_seconds{service="unit"} 1.5',
      'trellis_outbox_quarantined_commits_total{service="unit"} 1',
      'trellis_outbox_held_streams{service="unit"} 3',
      'trellis_graphql_duration_seconds_count{service="unit",operation="Me",outcome="ok"} 1',
      'trellis_http_request_duration_seconds_count{service="unit",method="POST",status_class="5xx"} 1',
      'trellis_http_errors_total{method="POST",status="500",service="unit"} 1',
    ]) {
      expect(text).toContain(line);
    }
  });
});

describe('graphqlMetricsPlugin', () => {
  async function run(plugin: ApolloServerPlugin<BaseContext>, operationName: string | undefined, parsed = true) {
    const listener = await plugin.requestDidStart!({} as never);
    const context = {
      operationName,
      operation: parsed ? { operation: 'query' } : undefined,
    } as unknown as GraphQLRequestContextWillSendResponse<BaseContext>;
    await listener!.willSendResponse!(context);
  }

  it('labels latency by operation, keeping the label set bounded', async () => {
    const metrics = createServiceMetrics('unit');
    const plugin = graphqlMetricsPlugin(metrics);
    await run(plugin, 'MyPrograms');
    await run(plugin, undefined);
    await run(plugin, 'bad name; drop', true);
    await run(plugin, undefined, false);
    for (let i = 0; i < 250; i++) await run(plugin, `Op${i}`);
    const values = (await metrics.graphqlLatency.get()).values.filter((v) => v.metricName?.endsWith('_count'));
    const operations = new Set(values.map((v) => String(v.labels['operation'])));
    expect(operations.has('MyPrograms')).toBe(true);
    expect(operations.has('(anonymous)')).toBe(true);
    expect(operations.has('(invalid)')).toBe(true);
    expect(operations.has('(other)')).toBe(true);
    expect(operations.size).toBeLessThanOrEqual(203);
  });
});
