import { matchingContracts } from '@trellis/matching/contracts';
import { OutboxRelay, type EventStore } from '@trellis/shared/event-store';
import { ContractRegistry, EventPublisher } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { matchingIntegrationMapper } from '../messaging/integration-events';

/** The outbox relay from the matching event store to matching.events.v1, with its publisher. */
export class MatchingOutbox {
  private readonly publisher: EventPublisher;
  private readonly relay: OutboxRelay;

  constructor(
    kafka: Kafka,
    connection: Connection,
    store: EventStore,
    topic: string,
    logger: Logger,
    metrics?: ServiceMetrics,
  ) {
    this.publisher = new EventPublisher(kafka, new ContractRegistry(matchingContracts));
    this.relay = new OutboxRelay({
      store,
      connection,
      topic,
      publish: (batches) => this.publisher.publish(batches),
      toIntegrationEvent: matchingIntegrationMapper,
      // A published round starts thousands of proposal streams at once: fewer, larger batches keep the relay's
      // unpublished-commits query (sorted in FerretDB's Go layer) from being repeated per 500 commits.
      batchSize: 2000,
      markConcurrency: 16,
      logger: logger.child({ component: 'outbox-relay' }),
      ...(metrics ? { metrics } : {}),
    });
  }

  async start(): Promise<void> {
    await this.publisher.connect();
    this.relay.start();
  }

  async stop(): Promise<void> {
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}
