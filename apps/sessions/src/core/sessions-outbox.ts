import { sessionsEventContracts } from '@trellis/sessions/contracts';
import { toIntegrationEvent, type EngagementEvent, type SessionEvent } from '@trellis/sessions/domain';
import { type EventStore, OutboxRelay } from '@trellis/shared/event-store';
import { ContractRegistry, type EventContract, EventPublisher } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';

export const sessionsContractRegistry = (): ContractRegistry =>
  new ContractRegistry(sessionsEventContracts as unknown as ReadonlyArray<EventContract>);

/** Publishes the sessions commits to `sessions.events.v1` through the domain's integration mapper (ids, enums, times). */
export class SessionsOutbox {
  readonly relay: OutboxRelay;
  private readonly publisher: EventPublisher;

  constructor(
    kafka: Kafka,
    connection: Connection,
    store: EventStore,
    topic: string,
    logger: Logger,
    metrics: ServiceMetrics,
  ) {
    this.publisher = new EventPublisher(kafka, sessionsContractRegistry());
    this.relay = new OutboxRelay({
      store,
      connection,
      topic,
      publish: (batches) => this.publisher.publish(batches),
      toIntegrationEvent: (event) => {
        const { type, ...data } = toIntegrationEvent({ type: event.type, ...(event.data as object) } as
          | EngagementEvent
          | SessionEvent);
        return { type, data };
      },
      logger: logger.child({ component: 'outbox-relay' }),
      metrics,
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
