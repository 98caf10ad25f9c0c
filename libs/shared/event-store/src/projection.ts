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
 * Replays the projection's topics from the beginning into a fresh collection, then swaps it in for the live one,
 * while the live group keeps consuming. Whatever the live group applied to the old collection after the replay's
 * snapshot is lost with it, so the replay does not stop at the swap: it goes on, into the swapped-in collection, up
 * to the topics' ends as they are after the swap. Until it gets there the live group may meet a revision it cannot
 * apply yet (RevisionGapError, transient: it retries, it is never dead-lettered) — the rebuild then fills the gap.
 *
 * FerretDB has no atomic `renameCollection(dropTarget)`, so the swap drops the old collection and renames the new
 * one: readers may see an empty result for the milliseconds in between, and a live write in between (which creates
 * the collection again) is dropped once more — the catch-up re-applies it.
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
  const live = new RevisionGuardedCollection<Row>(connection, projection.collection);
  let destination = scratch;
  let events = 0;

  const groupId = `${projection.name}.rebuild-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  // Offset of the next message to apply, per `topic:partition`: how far the rebuild has come.
  const next = new Map<string, bigint>();
  let phase: Phase = await phaseTo(kafka, projection.topics, next);
  let failed: Error | undefined;
  let finished = false;
  let failure: (error: Error) => void = () => undefined;
  const failedPromise = new Promise<never>((_, reject) => (failure = reject));
  failedPromise.catch(() => undefined);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: projection.topics, fromBeginning: true });
    await consumer.run({
      // A partition waiting for the next phase must not hold up the others.
      partitionsConsumedConcurrently: 64,
      eachMessage: async ({ topic, partition, message }) => {
        const key = `${topic}:${partition}`;
        const offset = BigInt(message.offset);
        // Past this phase's end: wait for the swap, then this message belongs to the catch-up.
        while (!failed && !finished && offset >= (phase.targets.get(key) ?? 0n)) await phase.ended;
        if (failed || finished) return;
        try {
          await projection.apply(
            contracts.validate(JSON.parse(message.value?.toString() ?? 'null'), true),
            destination,
          );
          events += 1;
        } catch (error) {
          failed = error instanceof Error ? error : new Error(`projection ${projection.name} failed on an event`);
          failure(failed);
          phase.end();
          return;
        }
        next.set(key, offset + 1n);
        phase.check(next);
      },
    });

    await Promise.race([phase.reached, failedPromise]);
    const rows = await scratch.collection.countDocuments();
    await swap(connection, scratchName, projection.collection, rows);
    destination = live;
    const catchUp = await phaseTo(kafka, projection.topics, next);
    const replay = phase;
    phase = catchUp;
    replay.end();
    catchUp.check(next);
    await Promise.race([catchUp.reached, failedPromise]);
    return { events, rows: await live.collection.countDocuments(), seconds: (Date.now() - started) / 1000 };
  } finally {
    finished = true;
    phase.end();
    await consumer.disconnect();
    // The throwaway group would otherwise stay listed forever.
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteGroups([groupId]).catch(() => undefined);
    await cleanup.disconnect();
  }
}

interface Phase {
  /** End offset (exclusive) per `topic:partition` that this phase applies up to. */
  targets: Map<string, bigint>;
  /** Resolves once every partition got to its target. */
  reached: Promise<void>;
  /** Resolves when the next phase takes over. */
  ended: Promise<void>;
  check(next: Map<string, bigint>): void;
  end(): void;
}

/** The topics' current ends, and the promises a phase of the rebuild waits on. */
async function phaseTo(kafka: Kafka, topics: string[], next: Map<string, bigint>): Promise<Phase> {
  const admin = kafka.admin();
  await admin.connect();
  const targets = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) targets.set(`${topic}:${p.partition}`, BigInt(p.high));
    }
  } finally {
    await admin.disconnect();
  }
  let reach: () => void = () => undefined;
  let end: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const ended = new Promise<void>((resolve) => (end = resolve));
  const phase: Phase = {
    targets,
    reached,
    ended,
    check: (progress) => {
      if ([...targets].every(([key, high]) => (progress.get(key) ?? 0n) >= high)) reach();
    },
    end,
  };
  phase.check(next);
  return phase;
}

async function swap(connection: Connection, scratchName: string, target: string, rows: number): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error('MongoDB connection is not open');
  for (let attempt = 1; ; attempt++) {
    const existing = await db.listCollections({ name: target }).toArray();
    if (existing.length) await db.dropCollection(target).catch(() => undefined);
    if (rows === 0) return;
    try {
      await db.renameCollection(scratchName, target);
      return;
    } catch (error) {
      // The live group wrote in between and created the collection again: drop that too, its events are replayed.
      if (attempt >= 10) throw error;
    }
  }
}
