import { randomUUID } from 'node:crypto';
import type { ConsumerRunnerOptions, ContractRegistry, EventEnvelope } from '@trellis/shared/messaging';
import { ConsumerRunner } from '@trellis/shared/messaging';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { RevisionGuardedCollection } from './read-model';

/** A read model fed by events: the same `apply` serves the live consumer and a rebuild from the topics. */
export interface ProjectionDefinition<Row extends Record<string, unknown> = Record<string, unknown>> {
  /** Also the consumer group: `<service>.<projection>`. */
  name: string;
  collection: string;
  topics: string[];
  apply: (envelope: EventEnvelope, rows: RevisionGuardedCollection<Row>) => Promise<void>;
}

export function projectionRunner<Row extends Record<string, unknown>>(
  kafka: Kafka,
  connection: Connection,
  projection: ProjectionDefinition<Row>,
  options: Omit<ConsumerRunnerOptions, 'group' | 'topics' | 'handler'>,
): ConsumerRunner {
  const rows = new RevisionGuardedCollection<Row>(connection, projection.collection);
  return new ConsumerRunner(kafka, {
    ...options,
    group: projection.name,
    topics: projection.topics,
    handler: (envelope) => projection.apply(envelope, rows),
  });
}

export interface RebuildReport {
  events: number;
  rows: number;
  seconds: number;
}

/**
 * Replays the projection's topics from the beginning into a fresh collection, then swaps it in for the live one.
 * The live projection keeps serving (and keeps consuming) until the swap. FerretDB has no atomic
 * `renameCollection(dropTarget)`, so the swap drops the old collection and renames the new one: readers may see
 * an empty result for the milliseconds in between.
 */
export async function rebuildProjection<Row extends Record<string, unknown>>(
  kafka: Kafka,
  connection: Connection,
  projection: ProjectionDefinition<Row>,
  contracts: ContractRegistry,
): Promise<RebuildReport> {
  const started = Date.now();
  const scratchName = `${projection.collection}__rebuild_${Date.now()}`;
  const scratch = new RevisionGuardedCollection<Row>(connection, scratchName);
  const admin = kafka.admin();
  await admin.connect();
  const targets = new Map<string, bigint>();
  try {
    for (const topic of projection.topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(p.high) > 0n) targets.set(`${topic}:${p.partition}`, BigInt(p.high));
      }
    }
  } finally {
    await admin.disconnect();
  }

  let events = 0;
  if (targets.size > 0) {
    const groupId = `${projection.name}.rebuild-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: projection.topics, fromBeginning: true });
    let finish: (error?: Error) => void = () => undefined;
    const finished = new Promise<void>((resolve, reject) => (finish = (e) => (e ? reject(e) : resolve())));
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const key = `${topic}:${partition}`;
        const high = targets.get(key);
        if (high === undefined || BigInt(message.offset) >= high) return;
        try {
          await projection.apply(contracts.validate(JSON.parse(message.value?.toString() ?? 'null'), true), scratch);
          events += 1;
        } catch (error) {
          finish(error instanceof Error ? error : new Error(`projection ${projection.name} failed on an event`));
          return;
        }
        if (BigInt(message.offset) + 1n >= high) targets.delete(key);
        if (targets.size === 0) finish();
      },
    });
    try {
      await finished;
    } finally {
      await consumer.disconnect();
      // The throwaway group would otherwise stay listed forever.
      const cleanup = kafka.admin();
      await cleanup.connect();
      await cleanup.deleteGroups([groupId]).catch(() => undefined);
      await cleanup.disconnect();
    }
  }
  const rows = await scratch.collection.countDocuments();
  const db = connection.db;
  if (!db) throw new Error('MongoDB connection is not open');
  const existing = await db.listCollections({ name: projection.collection }).toArray();
  if (existing.length) await db.dropCollection(projection.collection);
  if (rows > 0) await db.renameCollection(scratchName, projection.collection);
  return { events, rows, seconds: (Date.now() - started) / 1000 };
}
