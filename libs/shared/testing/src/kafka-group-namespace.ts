import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { testInfrastructure, uniqueName } from './infrastructure';

/** `node -r` this into a service process (with TRELLIS_E2E_GROUP_PREFIX) to give its consumer groups a namespace. */
export const GROUP_NAMESPACE_PRELOAD = path.join(__dirname, 'kafka-group-namespace.cjs');
const SERVICE_GROUP = /^(profiles|matching|sessions|notifications)\./;
const NAMESPACED_GROUP = /^e2e_[A-Za-z0-9_]+\.(.+)$/;

/**
 * This stack's consumer groups (namespaced, see kafka-group-namespace.cjs) start at the end of each topic:
 * its databases are new and it needs only the events it produces itself, while reading every earlier test's events
 * from the beginning would cost minutes. The group names and their topics come from the groups on the broker (the
 * services' own or an earlier stack's); a group never seen before reads from the beginning, as it would anyway.
 */
export async function startGroupsAtEnd(prefix: string): Promise<void> {
  const kafka = new Kafka({
    clientId: uniqueName('e2e-offsets'),
    brokers: testInfrastructure.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const plan = new Map<string, Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>>();
  try {
    const known = new Map<string, string>();
    for (const { groupId } of (await admin.listGroups()).groups) {
      const handler = NAMESPACED_GROUP.exec(groupId)?.[1] ?? groupId;
      if (!SERVICE_GROUP.test(handler) || /\.(dlq-replay|rebuild-)/.test(handler)) continue;
      if (!known.has(handler) || handler === groupId) known.set(handler, groupId);
    }
    const ends = new Map<string, Array<{ partition: number; offset: string }> | null>();
    for (const [handler, source] of known) {
      const topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }> = [];
      for (const { topic } of await admin.fetchOffsets({ groupId: source })) {
        if (!ends.has(topic)) {
          const offsets = await admin.fetchTopicOffsets(topic).catch(() => null);
          ends.set(topic, offsets?.map((p) => ({ partition: p.partition, offset: p.high })) ?? null);
        }
        const partitions = ends.get(topic);
        if (partitions?.length) topics.push({ topic, partitions });
      }
      if (topics.length) plan.set(`${prefix}.${handler}`, topics);
    }
  } finally {
    await admin.disconnect();
  }
  // One short-lived member per group, all at once: admin.setOffsets joins a group per topic and then waits out a
  // five-second fetch, which made a stack's start wait over a minute for a dozen groups.
  await Promise.all([...plan].map(([groupId, topics]) => commitOffsets(kafka, groupId, topics)));
}

/** Commits `topics`' offsets for a group nobody has joined yet, as admin.setOffsets does, in one join. */
async function commitOffsets(
  kafka: Kafka,
  groupId: string,
  topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>,
): Promise<void> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: topics.map((t) => t.topic), fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      // The seeks are committed when the group is joined, before the first fetch reports.
      const stopListening = consumer.on(consumer.events.FETCH, () => {
        stopListening();
        resolve();
      });
      consumer.run({ eachBatchAutoResolve: false, eachBatch: () => Promise.resolve() }).catch(reject);
      consumer.pause(topics.map(({ topic }) => ({ topic })));
      for (const { topic, partitions } of topics) {
        for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
      }
    });
  } finally {
    await consumer.disconnect();
  }
}
