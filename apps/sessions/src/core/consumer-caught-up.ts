import type { Kafka } from 'kafkajs';

/**
 * Whether a consumer group has applied everything its topic held when first asked; once it has, it stays true. A
 * process that acts on a read model (rather than on an event) waits for this, so a read model still being built from
 * the topic — the first deployment of a projection, a group far behind after an outage — is not taken for the truth.
 */
export function consumerCaughtUp(kafka: Kafka, topic: string, groupId: string): () => Promise<boolean> {
  let targets: Map<number, bigint> | undefined;
  let caughtUp = false;
  return async () => {
    if (caughtUp) return true;
    const admin = kafka.admin();
    await admin.connect();
    try {
      targets ??= new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      // A committed offset is the next one to read; -1 when the group committed nothing on that partition.
      const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
      caughtUp = [...targets].every(([partition, high]) => high === 0n || (at.get(partition) ?? -1n) >= high);
      return caughtUp;
    } finally {
      await admin.disconnect();
    }
  };
}
