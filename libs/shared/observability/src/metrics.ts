import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  handlerLatency: Histogram<'group' | 'topic' | 'outcome'>;
  consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  deadLettered: Counter<'group' | 'topic'>;
  graphqlLatency: Histogram<'operation' | 'outcome'>;
  relayPublished: Counter;
  /** Unpublished commits the outbox relay read at its last poll: exact below one batch, else the batch size. */
  relayBacklog: Gauge;
  /** Age of the oldest unpublished commit at the relay's last poll: the relay's lag in time. */
  relayOldestUnpublishedAge: Gauge;
  /** Commits the relay moved to quarantine because their event fails its contract: each one an operator's task. */
  relayQuarantined: Counter;
  /** Streams the relay holds back behind a quarantined commit (their later commits wait in the outbox). */
  relayHeld: Gauge;
  httpDuration: Histogram<'method' | 'status_class'>;
  /** Responses with status >= 400, by status code: the HTTP error rate is this over `httpDuration`'s count. */
  httpErrors: Counter<'method' | 'status'>;
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
    relayBacklog: new Gauge({
      name: 'trellis_outbox_backlog_commits',
      help: 'Commits waiting for the outbox relay at its last poll (capped at one batch)',
      registers: [registry],
    }),
    relayOldestUnpublishedAge: new Gauge({
      name: 'trellis_outbox_oldest_unpublished_age_seconds',
      help: 'Age of the oldest commit not yet published to Kafka at the relay last poll',
      registers: [registry],
    }),
    relayQuarantined: new Counter({
      name: 'trellis_outbox_quarantined_commits_total',
      help: 'Commits the outbox relay quarantined because an event failed its integration contract',
      registers: [registry],
    }),
    relayHeld: new Gauge({
      name: 'trellis_outbox_held_streams',
      help: 'Streams whose commits the outbox relay holds back behind a quarantined commit',
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'trellis_http_request_duration_seconds',
      help: 'HTTP request latency (health and metrics endpoints excluded)',
      labelNames: ['method', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    httpErrors: new Counter({
      name: 'trellis_http_errors_total',
      help: 'HTTP responses with a status of 400 or more',
      labelNames: ['method', 'status'],
      registers: [registry],
    }),
  };
}
