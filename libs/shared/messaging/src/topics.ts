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
  // for a moment after creation; waitForLeaders below waits that out.
  try {
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
  } catch (error) {
    // kafkajs returns normally when the topics exist already (another service created them a moment ago); what
    // arrives here is a real refusal, and kafkajs logs its answer below error level (kafkaLogLevel): name each topic.
    throw new Error(`Kafka did not create the topics ${missing.join(', ')}: ${creationErrors(error)}`, {
      cause: error,
    });
  }
}

function creationErrors(error: unknown): string {
  const { errors, message } = error as {
    errors?: Array<{ topic?: string; type?: string; message?: string }>;
    message?: string;
  };
  if (!Array.isArray(errors)) return message ?? String(error);
  return errors.map((e) => `${e.topic ?? '?'}: ${e.type ?? e.message ?? 'unknown error'}`).join('; ');
}

/**
 * Asks for every topic rather than for the wanted ones by name: by name, a topic whose metadata has not reached the
 * broker yet is answered "does not host this topic-partition", an error answer kafkajs logs at error level; the
 * whole list simply does not hold it yet.
 */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const { topics: described } = await admin.fetchTopicMetadata();
      const known = new Map(described.map((t) => [t.name, t.partitions]));
      const pending = topics.filter((topic) => {
        const partitions = known.get(topic);
        return !partitions || partitions.length === 0 || partitions.some((p) => p.leader < 0);
      });
      if (pending.length === 0) return;
      last = `not yet known to the broker or without a leader: ${pending.join(', ')}`;
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
