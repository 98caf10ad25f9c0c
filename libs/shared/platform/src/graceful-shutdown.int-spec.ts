// SIGTERM during a burst, as a rolling restart does it: two replicas of a service (the real platform: Nest shutdown
// hooks, ManagedConsumers, MongoDB closed last) share a consumer group working through 5,000 events; one is stopped
// mid-burst and started again while the other takes over its partitions, then the other is stopped. Every event's
// effect must be counted exactly once: nothing lost, nothing processed twice, across drains and rebalances.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { ContractRegistry, createKafka, EventPublisher, type EventEnvelope } from '@trellis/shared/messaging';
import { createLogger } from '@trellis/shared/observability';
import {
  createTestDatabase,
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  testInfrastructure,
  uniqueName,
  type TestDatabase,
} from '@trellis/shared/testing';
import type { Kafka } from 'kafkajs';

jest.setTimeout(150_000);

const repoRoot = path.resolve(__dirname, '../../../..');
const harness = path.join(__dirname, 'testing/consumer-drain.harness.ts');
const EVENTS = 5000;

const contracts = new ContractRegistry([
  { type: 'BurstHappened', schemaVersion: 1, data: z.object({ n: z.number().int() }).strict() },
]);

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function startHarness(env: NodeJS.ProcessEnv): { child: ChildProcess; exited: Promise<Exit>; log: string[] } {
  const log: string[] = [];
  const child = spawn(process.execPath, ['-r', path.join(repoRoot, 'tools/run/register.cjs'), harness], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, log };
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, log: string[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; harness output:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('graceful shutdown of a consuming service', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let topic: string;
  let group: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('drain');
    kafka = createTestKafka();
    topic = uniqueName('drain.events');
    group = uniqueName('drain.counter');
    await createTestTopics(kafka, [topic], 3);
    await createTestTopics(kafka, [`${group}.dlq`], 1);
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await deleteTestTopics(kafka, [topic, `${group}.dlq`]).catch(() => undefined);
    await db?.drop();
  });

  it('processes every one of 5,000 events exactly once while each replica is stopped mid-burst in turn', async () => {
    const publisher = new EventPublisher(
      createKafka({
        brokers: testInfrastructure.kafkaBrokers,
        clientId: 'drain-test',
        logger: createLogger('test', { level: 'error' }),
      }),
      contracts,
    );
    const envelopes: EventEnvelope[] = Array.from({ length: EVENTS }, (_, n) => ({
      id: `burst-${n}`,
      type: 'BurstHappened',
      schemaVersion: 1,
      streamId: `stream-${n % 60}`,
      streamType: 'burst',
      revision: Math.floor(n / 60) + 1,
      occurredAt: new Date().toISOString(),
      tenantId: 'org-drain',
      correlationId: `corr-${n}`,
      data: { n },
    }));
    for (let i = 0; i < EVENTS; i += 1000) {
      await publisher.publish([{ topic, envelopes: envelopes.slice(i, i + 1000) }]);
    }
    await publisher.disconnect();

    const effects = db.connection.collection<{ _id: string; count: number }>('drain_effects');
    const env = {
      NODE_ENV: 'test',
      TRELLIS_LOG_LEVEL: 'warn',
      TRELLIS_MONGO_URL: testInfrastructure.mongoUrl,
      TRELLIS_PROFILES_MONGO_DB: db.name,
      TRELLIS_KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
      TRELLIS_PROFILES_PORT: '0',
      OTEL_TRACES_EXPORTER: 'none',
      DRAIN_TOPIC: topic,
      DRAIN_GROUP: group,
    };

    const stop = async (replica: ReturnType<typeof startHarness>): Promise<number> => {
      const signalledAt = Date.now();
      replica.child.kill('SIGTERM');
      const exit = await replica.exited;
      // A drain that finished exits 0; one cut short by TRELLIS_SHUTDOWN_TIMEOUT_MS exits 1.
      expect(exit).toEqual({ code: 0, signal: null });
      return Date.now() - signalledAt;
    };
    const handled = () => effects.countDocuments();

    const first = startHarness(env);
    const other = startHarness(env);
    children.push(first.child, other.child);
    await waitFor('1,000 events to be handled', async () => (await handled()) >= 1000, 60_000, first.log);
    const firstDrainMs = await stop(first);
    const handledAtFirstStop = await handled();
    expect(handledAtFirstStop).toBeLessThan(EVENTS);

    const restarted = startHarness(env);
    children.push(restarted.child);
    await waitFor('3,000 events to be handled', async () => (await handled()) >= 3000, 60_000, other.log);
    const otherDrainMs = await stop(other);
    for (const drainMs of [firstDrainMs, otherDrainMs]) expect(drainMs).toBeLessThan(25_000);

    const second = restarted;
    await waitFor('all events to be handled', async () => (await handled()) >= EVENTS, 90_000, second.log);
    // Committed offsets reach the end of every partition: nothing is left to be redelivered later.
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        'the group to commit the end of every partition',
        async () => {
          const [ends, [committed]] = await Promise.all([
            admin.fetchTopicOffsets(topic),
            admin.fetchOffsets({ groupId: group, topics: [topic] }),
          ]);
          const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, p.offset]));
          return ends.every((p) => at.get(p.partition) === p.high);
        },
        30_000,
        second.log,
      );
      const [dlq] = await admin.fetchTopicOffsets(`${group}.dlq`);
      expect(dlq?.high).toBe('0');
    } finally {
      await admin.disconnect();
    }
    second.child.kill('SIGTERM');
    await second.exited;

    expect(await effects.countDocuments()).toBe(EVENTS);
    const twice = await effects.find({ count: { $ne: 1 } }).toArray();
    expect(twice).toEqual([]);
    process.stdout.write(
      `drain: first replica stopped at ${handledAtFirstStop} events in ${firstDrainMs} ms, the other in ${otherDrainMs} ms\n`,
    );
  });
});
