import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  handlerLatency: Histogram<'group' | 'topic' | 'outcome'>;
  consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  deadLettered: Counter<'group' | 'topic'>;
  graphqlLatency: Histogram<'operation' | 'outcome'>;
  relayPublished: Counter;
}

// One registry per service process; tests that start several services in one process get one each.
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    handlerLatency: new Histogram({
      name: 'trellis_handler_duration_seconds',
      help: 'Time a Kafka consumer handler takes per message',
      labelNames: ['group', 'topic', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    consumerLag: new Gauge({
      name: 'trellis_consumer_lag_messages',
      help: 'Messages between the high watermark and the last committed offset',
      labelNames: ['group', 'topic', 'partition'],
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: 'trellis_dead_lettered_total',
      help: 'Messages moved to a dead-letter topic after their retries ran out',
      labelNames: ['group', 'topic'],
      registers: [registry],
    }),
    graphqlLatency: new Histogram({
      name: 'trellis_graphql_duration_seconds',
      help: 'GraphQL operation latency',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    relayPublished: new Counter({
      name: 'trellis_outbox_published_events_total',
      help: 'Events the outbox relay has sent to Kafka',
      registers: [registry],
    }),
  };
}
