import type { Kafka } from 'kafkajs';

export interface TopicSettings {
  partitions: number;
  replication: number;
}

/**
 * Creates missing topics with unlimited retention (they can rebuild any read model). Broker-side auto-creation is
 * off, so a typo in a topic name fails loudly instead of creating a stray topic.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], settings: TopicSettings): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: settings.partitions,
        replicationFactor: settings.replication,
        configEntries: [
          { name: 'retention.ms', value: '-1' },
          { name: 'retention.bytes', value: '-1' },
          { name: 'cleanup.policy', value: 'delete' },
          { name: 'min.insync.replicas', value: String(Math.min(2, settings.replication)) },
        ],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}

export const deadLetterTopic = (group: string): string => `${group}.dlq`;
