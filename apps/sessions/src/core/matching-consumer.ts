import { matchingContracts } from '@trellis/matching/contracts';
import {
  ConsumerRunner,
  ContractRegistry,
  type ConsumerStatusRegistry,
  type EnvelopeHandler,
  type TopicSettings,
} from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';

/** What a reactor to matching's topic is built with. */
export interface MatchingConsumerOptions {
  kafka: Kafka;
  topic: string;
  group: string;
  logger: Logger;
  metrics?: ServiceMetrics;
  status?: ConsumerStatusRegistry;
  /** Where `<group>.dlq` is created when missing. */
  topicSettings: TopicSettings;
  retryBaseDelayMs?: number;
}

/**
 * A consumer of matching's events under its own group. An event the domain refuses (say, a person paired with
 * themselves) ends in the DLQ after the bounded retries instead of blocking the partition; `npm run dlq:replay`
 * applies it once the cause is fixed.
 */
export function matchingConsumer(options: MatchingConsumerOptions, handler: EnvelopeHandler): ConsumerRunner {
  return new ConsumerRunner(options.kafka, {
    group: options.group,
    topics: [options.topic],
    contracts: new ContractRegistry(matchingContracts),
    handler,
    deadLetterTopic: options.topicSettings,
    ...(options.retryBaseDelayMs ? { retryBaseDelayMs: options.retryBaseDelayMs } : {}),
    logger: options.logger.child({ component: options.group }),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.status ? { status: options.status } : {}),
  });
}
