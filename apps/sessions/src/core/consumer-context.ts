import type { ConsumerStatusRegistry, TopicSettings } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';

/** What every sessions projection and reactor is built with: clients, telemetry, dead-letter topics, retry backoff. */
export interface ConsumerContext {
  kafka: Kafka;
  connection: Connection;
  logger: Logger;
  metrics: ServiceMetrics;
  status: ConsumerStatusRegistry;
  topicSettings: TopicSettings;
  /** The reactors' bounded-retry backoff, only when the wiring shortens it. */
  retry: { retryBaseDelayMs?: number };
}

export const CONSUMER_CONTEXT = Symbol('SESSIONS_CONSUMER_CONTEXT');
