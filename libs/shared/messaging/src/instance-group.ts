import type { Consumer, Kafka } from 'kafkajs';

// A group of one process instance (a live feed, not a service's durable consumer): it starts at the latest offset,
// commits nothing anyone resumes from, and goes with its instance.

/** Resolves when the consumer first joins its group: from then on it receives what is published to its topics. */
export function groupJoined(consumer: Consumer): Promise<void> {
  return new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.GROUP_JOIN, () => {
      off();
      resolve();
    });
  });
}

/** Removes an instance's group from the broker when the instance stops, so such groups do not pile up. */
export async function deleteInstanceGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // A group that never joined does not exist; nothing to clean.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
