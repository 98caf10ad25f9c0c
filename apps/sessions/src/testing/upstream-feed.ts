import { matchingContracts } from '@trellis/matching/contracts';
import { profilesContracts } from '@trellis/profiles/contracts';
import { ContractRegistry, type EventContract, type EventEnvelope, EventPublisher } from '@trellis/shared/messaging';
import type { Kafka } from 'kafkajs';
import { UpstreamEvents } from './upstream-events.fixture';

/**
 * Plays the profiles and matching services for one program: their events, checked against their contracts, on the
 * test's own topics.
 */
export class UpstreamFeed extends UpstreamEvents {
  private readonly publisher: EventPublisher;

  constructor(kafka: Kafka, tenantId: string, programId: string) {
    super(tenantId, programId);
    this.publisher = new EventPublisher(
      kafka,
      new ContractRegistry([...profilesContracts, ...(matchingContracts as unknown as EventContract[])]),
    );
  }

  publish(topic: string, ...envelopes: EventEnvelope[]): Promise<void> {
    return this.publisher.publish([{ topic, envelopes }]);
  }

  disconnect(): Promise<void> {
    return this.publisher.disconnect();
  }
}
