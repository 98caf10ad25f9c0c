// A consumer group that is told its dead-letter topic's settings creates `<group>.dlq` itself, as Compose and
// `npm start` need (broker auto-creation is off); a dead letter then lands there.
import { ConfigResourceTypes } from 'kafkajs';
import { z } from 'zod';
import { createLogger } from '@trellis/shared/observability';
import { createTestKafka, createTestTopics, deleteTestTopics, uniqueName } from '@trellis/shared/testing';
import { ConsumerRunner } from './consumer-runner';
import { ContractRegistry } from './envelope';
import { EventPublisher } from './publisher';
import { deadLetterTopic } from './topics';

jest.setTimeout(60_000);

const contracts = new ContractRegistry([{ type: 'Pinged', schemaVersion: 1, data: z.object({}).strict() }]);

describe('dead-letter topic creation', () => {
  const kafka = createTestKafka();
  const topic = uniqueName('dlqtopic.events');
  const group = uniqueName('dlqtopic.failing');

  afterAll(async () => {
    await deleteTestTopics(kafka, [topic, deadLetterTopic(group)]).catch(() => undefined);
  });

  it('creates <group>.dlq with unlimited retention and dead-letters into it', async () => {
    await createTestTopics(kafka, [topic], 1);
    const runner = new ConsumerRunner(kafka, {
      group,
      topics: [topic],
      contracts,
      logger: createLogger('test', { level: 'silent' }),
      maxAttempts: 1,
      deadLetterTopic: { partitions: 1, replication: 1 },
      handler: () => Promise.reject(new Error('always fails')),
    });
    await runner.start();
    const publisher = new EventPublisher(kafka, contracts);
    try {
      await publisher.publish([
        {
          topic,
          envelopes: [
            {
              id: 'ping-1',
              type: 'Pinged',
              schemaVersion: 1,
              streamId: 's-1',
              streamType: 'ping',
              revision: 1,
              occurredAt: new Date().toISOString(),
              tenantId: 'org-1',
              correlationId: 'c-1',
              data: {},
            },
          ],
        },
      ]);
      const admin = kafka.admin();
      await admin.connect();
      try {
        const deadline = Date.now() + 30_000;
        let high = '0';
        while (high === '0' && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 200));
          high = (await admin.fetchTopicOffsets(deadLetterTopic(group)))[0]?.high ?? '0';
        }
        expect(high).toBe('1');
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: deadLetterTopic(group), configNames: ['retention.ms'] }],
        });
        expect(resources[0]?.configEntries[0]?.configValue).toBe('-1');
      } finally {
        await admin.disconnect();
      }
    } finally {
      await publisher.disconnect();
      await runner.stop();
    }
  });
});
