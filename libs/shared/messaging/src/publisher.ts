import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { ContractRegistry, EventEnvelope } from './envelope';

export interface OutgoingBatch {
  topic: string;
  envelopes: EventEnvelope[];
}

export function headersOf(envelope: EventEnvelope): Record<string, string> {
  return { 'event-id': envelope.id, 'event-type': envelope.type, 'correlation-id': envelope.correlationId };
}

/**
 * Sends envelopes with an idempotent producer, acks from all in-sync replicas and key = streamId, and resolves only
 * when the broker has acknowledged them (PITFALLS: never a fire-and-forget emit).
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly contracts: ContractRegistry,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // kafkajs v2 changed its default partitioner; naming it keeps every key on the partition it always had.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    await this.connected;
  }

  async publish(batches: OutgoingBatch[]): Promise<void> {
    await this.connect();
    const topicMessages = batches.map(({ topic, envelopes }) => ({
      topic,
      messages: envelopes.map(
        (envelope): Message => ({
          key: envelope.streamId,
          value: JSON.stringify(this.contracts.validate(envelope, false)),
          headers: headersOf(envelope),
        }),
      ),
    }));
    await this.producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
