import type { EventEnvelope } from '@trellis/shared/messaging';
import { uniqueName } from '@trellis/shared/testing';
import type { Consumer, Kafka } from 'kafkajs';
import { sessionsContractRegistry } from '../core/sessions-outbox';

/**
 * Everything the app publishes on its sessions topic, from the beginning, each envelope validated against the
 * sessions contracts as a consumer would. `events` exists from the start, so a suite can name it when declared.
 */
export class SessionsTopicReader {
  readonly events: EventEnvelope[] = [];
  private consumer: Consumer | undefined;

  async start(kafka: Kafka, topic: string, label: string): Promise<void> {
    const consumer = kafka.consumer({ groupId: uniqueName(label) });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const registry = sessionsContractRegistry();
    await consumer.run({
      eachMessage: ({ message }) => {
        this.events.push(registry.validate(JSON.parse(message.value?.toString() ?? 'null'), false));
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }
}
