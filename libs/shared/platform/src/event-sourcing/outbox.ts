import {
  type EventStore,
  type IntegrationMapper,
  OutboxRelay,
  type RecordedEvent,
  toEnvelope,
} from '@trellis/shared/event-store';
import { ContractRegistry, type EventContract, EventPublisher } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { StoppableConsumer } from '../managed-consumers';

export interface OutboxOptions {
  /** The service's own integration topic. */
  topic: string;
  /** The contracts every published event is validated against. */
  contracts: ReadonlyArray<EventContract>;
  /** What a commit's event becomes on the topic; `null` keeps it private. Without it the event goes out as stored. */
  integrationMapper?: IntegrationMapper;
  batchSize?: number;
  markConcurrency?: number;
}

export interface OutboxDependencies {
  kafka: Kafka;
  connection: Connection;
  store: EventStore;
  logger: Logger;
  metrics?: ServiceMetrics;
}

/**
 * The check the event store runs before it writes a commit: every event the relay would publish from it maps and
 * passes its contract. Throws with the contract's own message otherwise.
 */
export function integrationCheck(options: OutboxOptions): (events: RecordedEvent[]) => void {
  const contracts = new ContractRegistry(options.contracts);
  return (events) => {
    for (const event of events) {
      const mapped = options.integrationMapper
        ? options.integrationMapper(event)
        : { type: event.type, data: event.data as Record<string, unknown> };
      if (mapped) contracts.validate(toEnvelope(event, mapped), false);
    }
  };
}

/** The outbox relay from a service's event store to its topic, together with the publisher it owns. */
export class Outbox implements StoppableConsumer {
  private readonly publisher: EventPublisher;
  private readonly relay: OutboxRelay;

  constructor(options: OutboxOptions, deps: OutboxDependencies) {
    const contracts = new ContractRegistry(options.contracts);
    this.publisher = new EventPublisher(deps.kafka, contracts);
    this.relay = new OutboxRelay({
      store: deps.store,
      connection: deps.connection,
      topic: options.topic,
      publish: (batches) => this.publisher.publish(batches),
      validate: (envelope) => void contracts.validate(envelope, false),
      ...(options.integrationMapper ? { toIntegrationEvent: options.integrationMapper } : {}),
      ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
      ...(options.markConcurrency !== undefined ? { markConcurrency: options.markConcurrency } : {}),
      logger: deps.logger.child({ component: 'outbox-relay' }),
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
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
