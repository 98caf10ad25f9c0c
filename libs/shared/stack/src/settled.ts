import { createTestKafka, testInfrastructure } from '@trellis/shared/testing';
import type { Admin } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';

interface Backlog {
  unpublished: Record<string, number>;
  lagging: Record<string, number>;
}

async function unpublishedCommits(connections: readonly Connection[]): Promise<Record<string, number>> {
  const waiting: Record<string, number> = {};
  for (const connection of connections) {
    const count = await connection.collection('commits').countDocuments({ published: false });
    if (count > 0) waiting[connection.name] = count;
  }
  return waiting;
}

async function laggingGroups(admin: Admin, groupPrefix: string): Promise<Record<string, number>> {
  const lagging: Record<string, number> = {};
  const ends = new Map<string, Map<number, { low: bigint; high: bigint }>>();
  const { groups } = await admin.listGroups();
  const ours = groups.filter((g) => g.groupId.startsWith(`${groupPrefix}.`)).map((g) => g.groupId);
  // A group no process of this stack joined was only positioned by startGroupsAtEnd, for a handler that another
  // checkout's services have (the broker is shared with other worktrees): nothing here will ever read it.
  const joined = ours.length ? (await admin.describeGroups(ours)).groups : [];
  const consumed = new Set(joined.filter((g) => g.members.length > 0).map((g) => g.groupId));
  for (const groupId of ours.filter((id) => consumed.has(id))) {
    let lag = 0n;
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      if (!ends.has(topic)) {
        const offsets = await admin.fetchTopicOffsets(topic);
        ends.set(topic, new Map(offsets.map((p) => [p.partition, { low: BigInt(p.low), high: BigInt(p.high) }])));
      }
      for (const { partition, offset } of partitions) {
        const end = ends.get(topic)?.get(partition);
        if (!end) continue;
        const committed = BigInt(offset);
        lag += committed < 0n ? end.high - end.low : end.high - committed;
      }
    }
    if (lag > 0n) lagging[groupId.slice(groupPrefix.length + 1)] = Number(lag);
  }
  return lagging;
}

const isEmpty = (backlog: Backlog) =>
  Object.keys(backlog.unpublished).length === 0 && Object.keys(backlog.lagging).length === 0;

/**
 * Waits until what the stack has written so far has reached every service: no commit waits in an outbox and every
 * consumer group of the stack has read its topics to the end, twice in a row (a consumer's own effects may produce
 * new events). A process answers ready before the events it wrote at start-up — the demo seed above all — are
 * through the other services, and a test's first request would then meet "There is no such program" in matching.
 */
export async function waitUntilSettled(
  databases: readonly string[],
  groupPrefix: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // One connection per database and one admin client for the whole wait: opening them on every round cost more than
  // the checks themselves.
  const connections = databases.map((dbName) => mongoose.createConnection(testInfrastructure.mongoUrl, { dbName }));
  const admin = createTestKafka().admin();
  try {
    await Promise.all(connections.map((connection) => connection.asPromise()));
    await admin.connect();
    let calm = 0;
    let last: Backlog = { unpublished: {}, lagging: {} };
    while (calm < 2) {
      last = { unpublished: await unpublishedCommits(connections), lagging: await laggingGroups(admin, groupPrefix) };
      calm = isEmpty(last) ? calm + 1 : 0;
      if (calm >= 2) return;
      if (Date.now() > deadline) {
        throw new Error(
          `the stack did not settle within ${timeoutMs / 1000} s: unpublished commits ${JSON.stringify(last.unpublished)}, ` +
            `consumer lag ${JSON.stringify(last.lagging)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
    await Promise.all(connections.map((connection) => connection.close().catch(() => undefined)));
  }
}
