import type { Admin, Kafka } from 'kafkajs';

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
    const wanted = [...new Set(topics)];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length > 0) await createTopics(admin, missing, settings);
    // Another service may have created a topic a moment ago: listed, but its leader not yet known to the broker's
    // metadata, and the first producer or consumer request would fail with "does not host this topic-partition".
    await waitForLeaders(admin, wanted, leaderWaitMs);
  } finally {
    await admin.disconnect();
  }
}

const leaderWaitMs = 60_000;

async function createTopics(admin: Admin, missing: string[], settings: TopicSettings): Promise<void> {
  // kafkajs' own leader wait gives up on "does not host this topic-partition", which a fresh KRaft broker answers
  // for a moment after creation; waitForLeaders below retries it.
  await admin.createTopics({
    waitForLeaders: false,
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
}

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics });
      const leaderless = described
        .filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0))
        .map((t) => t.name);
      if (leaderless.length === 0 && described.length === topics.length) return;
      last = `no leader yet for ${leaderless.join(', ') || 'some topics'}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Kafka topics ${topics.join(', ')} have no partition leaders after ${timeoutMs / 1000} s (${last}); is the broker healthy?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const deadLetterTopic = (group: string): string => `${group}.dlq`;
