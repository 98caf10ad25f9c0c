// Wires a real event store, relay, topic and projection together on the shared test infrastructure.
import { ConsumerStatusRegistry, EventPublisher, type EventEnvelope } from '@trellis/shared/messaging';
import { createLogger, createServiceMetrics } from '@trellis/shared/observability';
import {
  createTestDatabase,
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  uniqueName,
  type TestDatabase,
} from '@trellis/shared/testing';
import type { Kafka } from 'kafkajs';
import { EventStore, type CommitMeta, type StreamHead } from '../event-store';
import { OutboxRelay, type OutboxRelayOptions } from '../outbox-relay';
import { projectionRunner } from '../projection';
import { RevisionGuardedCollection } from '../read-model';
import { tallyContracts, tallyProjection, tallyRegistry, type TallyRow } from './tally.fixture';

export const testLogger = createLogger('test', { level: process.env['TRELLIS_LOG_LEVEL'] ?? 'error' });
export const testMeta: CommitMeta = { tenantId: 'org-test', correlationId: 'corr-test', actor: 'system:test' };

export interface Pipeline {
  db: TestDatabase;
  kafka: Kafka;
  topic: string;
  store: EventStore;
  publisher: EventPublisher;
  status: ConsumerStatusRegistry;
  metrics: ReturnType<typeof createServiceMetrics>;
  relay(overrides?: Partial<OutboxRelayOptions>): OutboxRelay;
  projection(name?: string, collection?: string): ReturnType<typeof tallyProjection>;
  startProjection(
    name?: string,
    collection?: string,
    onApplied?: (envelope: EventEnvelope) => void,
  ): Promise<{ stop(): Promise<void> }>;
  rows(collection?: string): RevisionGuardedCollection<TallyRow>;
  appendTallies(streams: number, commitsPerStream: number, concurrency?: number): Promise<void>;
  close(): Promise<void>;
}

export async function createPipeline(label: string, kafka: Kafka = createTestKafka()): Promise<Pipeline> {
  const db = await createTestDatabase(label);
  const topic = uniqueName(`${label}.events`);
  await createTestTopics(kafka, [topic], 3);
  const store = new EventStore(db.connection);
  await store.ensureIndexes();
  const publisher = new EventPublisher(kafka, tallyRegistry);
  const status = new ConsumerStatusRegistry();
  const metrics = createServiceMetrics(label);
  const relays: OutboxRelay[] = [];
  const runners: Array<{ stop(): Promise<void> }> = [];
  const dlqTopics: string[] = [];
  const defaultProjectionName = uniqueName(`${label}.tally`);

  const pipeline: Pipeline = {
    db,
    kafka,
    topic,
    store,
    publisher,
    status,
    metrics,
    relay: (overrides = {}) => {
      const relay = new OutboxRelay({
        store,
        connection: db.connection,
        topic,
        publish: (batches) => publisher.publish(batches),
        logger: testLogger,
        metrics,
        leaseTtlMs: 4000,
        idlePollMs: 200,
        ...overrides,
      });
      relays.push(relay);
      return relay;
    },
    projection: (name = defaultProjectionName, collection = 'tally_rows') => tallyProjection(name, topic, collection),
    startProjection: async (name = defaultProjectionName, collection = 'tally_rows', onApplied) => {
      const projection = tallyProjection(name, topic, collection);
      const observed: typeof projection = {
        ...projection,
        apply: async (envelope, rows) => {
          await projection.apply(envelope, rows);
          onApplied?.(envelope);
        },
      };
      const runner = projectionRunner(kafka, db.connection, observed, {
        contracts: tallyRegistry,
        logger: testLogger,
        metrics,
        status,
        partitionsConcurrently: 3,
        retryBaseDelayMs: 50,
      });
      dlqTopics.push(`${name}.dlq`);
      await createTestTopics(kafka, [`${name}.dlq`], 1);
      await runner.start();
      runners.push(runner);
      return runner;
    },
    rows: (collection = 'tally_rows') => new RevisionGuardedCollection<TallyRow>(db.connection, collection),
    appendTallies: async (streams, commitsPerStream, concurrency = 20) => {
      const queue = Array.from({ length: streams }, (_, s) => s);
      const worker = async () => {
        for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
          let knownHead: StreamHead | null = null;
          for (let c = 1; c <= commitsPerStream; c++) {
            const result = await store.append({
              streamId: `tally-${s}`,
              streamType: 'tally',
              expected: c === 1 ? 'no-stream' : c - 1,
              events: [{ type: 'Tallied', data: { by: c } }],
              meta: testMeta,
              commitId: `tally-${s}-${c}`,
              knownHead,
            });
            knownHead = { commitSeq: result.commitSeq, revision: result.revision, committedAt: new Date() };
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    },
    close: async () => {
      for (const runner of runners) await runner.stop().catch(() => undefined);
      for (const relay of relays) await relay.stop().catch(() => undefined);
      await publisher.disconnect();
      await deleteTestTopics(kafka, [topic, ...dlqTopics]).catch(() => undefined);
      await db.drop();
    },
  };
  return pipeline;
}

export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value)) {
    if (Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
    value = await probe();
  }
  return value;
}

/**
 * Waits while the probed value keeps changing, until `accept` takes it: a slow machine gets all the time it needs,
 * and only a stall (no change for `stallMs`) fails. Tests wait on progress this way, never on a throughput the
 * machine may not have — throughput is what the benchmarks measure.
 */
export async function whileProgressing<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  stallMs = 30_000,
): Promise<T> {
  let value = await probe();
  let last = JSON.stringify(value);
  let changedAt = Date.now();
  while (!accept(value)) {
    if (Date.now() - changedAt > stallMs) {
      throw new Error(`no progress for ${stallMs} ms; stuck at ${last.slice(0, 200)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
    value = await probe();
    const now = JSON.stringify(value);
    if (now !== last) {
      last = now;
      changedAt = Date.now();
    }
  }
  return value;
}

/** How many messages a topic holds (its partitions' high minus low watermarks). */
export async function messagesOn(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

export { tallyContracts };
