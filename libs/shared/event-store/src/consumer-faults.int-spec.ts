import {
  ConsumerRunner,
  EventPublisher,
  deadLetterTopic,
  replayDeadLetters,
  type EventEnvelope,
} from '@trellis/shared/messaging';
import { createTestKafka, createTestTopics, deleteTestTopics, uniqueName } from '@trellis/shared/testing';
import { ReactorInbox } from './reactor-inbox';
import { createPipeline, eventually, messagesOn, testLogger, type Pipeline } from './testing/pipeline.fixture';
import { tallyRegistry } from './testing/tally.fixture';

function envelope(streamId: string, revision: number, by: number): EventEnvelope {
  return {
    id: `${streamId}:${revision}`,
    type: 'Tallied',
    schemaVersion: 1,
    streamId,
    streamType: 'tally',
    revision,
    occurredAt: new Date().toISOString(),
    tenantId: 'org-test',
    correlationId: uniqueName('corr'),
    data: { by },
  };
}

describe('consumer runner under faults (real broker, real FerretDB)', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await createPipeline('faults');
  });
  afterAll(() => pipeline.close());

  it('moves a poison message to the DLQ after bounded retries, keeps the partition moving, and replays it once when fixed', async () => {
    const group = uniqueName('faults.reactor');
    await createTestTopics(pipeline.kafka, [deadLetterTopic(group)], 1);
    const inbox = new ReactorInbox(pipeline.db.connection, group);
    const effects = pipeline.db.connection.collection<{ _id: string; by: number }>('effects');
    let fixed = false;
    let poisonAttempts = 0;
    const handler = async (e: EventEnvelope) => {
      await inbox.once(e.id, async () => {
        if (e.data['by'] === 13 && !fixed) {
          poisonAttempts += 1;
          throw new Error('cannot handle thirteen');
        }
        await effects.insertOne({ _id: e.id, by: Number(e.data['by']) });
      });
    };
    const runner = new ConsumerRunner(pipeline.kafka, {
      group,
      topics: [pipeline.topic],
      handler,
      contracts: tallyRegistry,
      logger: testLogger,
      maxAttempts: 3,
      retryBaseDelayMs: 20,
    });
    await runner.start();

    // Same key, so the same partition: the poison comes first, 20 good messages after it, then an unreadable one.
    const publisher = new EventPublisher(pipeline.kafka, tallyRegistry);
    await publisher.publish([
      {
        topic: pipeline.topic,
        envelopes: [
          envelope('s-poison', 1, 13),
          ...Array.from({ length: 20 }, (_, i) => envelope('s-poison', i + 2, 1)),
        ],
      },
    ]);
    const raw = pipeline.kafka.producer();
    await raw.connect();
    await raw.send({ topic: pipeline.topic, messages: [{ key: 's-poison', value: '{"not":"an envelope"}' }] });
    await raw.disconnect();

    expect(
      await eventually(
        () => effects.countDocuments(),
        (n) => n === 20,
        60_000,
      ),
    ).toBe(20);
    expect(poisonAttempts).toBe(3);

    const dlq = await readTopic(pipeline, deadLetterTopic(group), 2);
    expect(dlq.map((m) => m.headers['dlq-error'])).toEqual([
      'cannot handle thirteen',
      expect.stringMatching(/invalid envelope/) as string,
    ]);
    expect(dlq[0]!.headers['dlq-attempts']).toBe('3');
    await runner.stop();

    fixed = true;
    const first = await replayDeadLetters(pipeline.kafka, {
      group,
      handler,
      contracts: tallyRegistry,
      logger: testLogger,
    });
    // The poison applies; the unreadable message fails again and stays for a human.
    expect(first.replayed).toBe(1);
    expect(first.failed).toHaveLength(1);
    expect(await effects.findOne({ _id: 's-poison:1' })).toMatchObject({ by: 13 });
    const second = await replayDeadLetters(pipeline.kafka, {
      group,
      handler,
      contracts: tallyRegistry,
      logger: testLogger,
    });
    expect(second.replayed).toBe(0);
    expect(await effects.countDocuments()).toBe(21);
    await deleteTestTopics(pipeline.kafka, [deadLetterTopic(group)]);
  });

  it('retries a failure of a dependency past maxAttempts and dead-letters nothing', async () => {
    const group = uniqueName('faults.outage');
    const topic = uniqueName('faults.outage.events');
    await createTestTopics(pipeline.kafka, [topic, deadLetterTopic(group)], 1);
    const effects = pipeline.db.connection.collection<{ _id: string }>('outage_effects');
    let attempts = 0;
    const runner = new ConsumerRunner(pipeline.kafka, {
      group,
      topics: [topic],
      handler: async (e) => {
        attempts += 1;
        // What MongoDB's driver throws while the database is down, eight times in a row: longer than maxAttempts.
        if (attempts <= 8)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { code: 'ECONNREFUSED' });
        await effects.insertOne({ _id: e.id });
      },
      contracts: tallyRegistry,
      logger: testLogger,
      maxAttempts: 3,
      retryBaseDelayMs: 20,
      retryMaxDelayMs: 100,
    });
    await runner.start();
    const publisher = new EventPublisher(pipeline.kafka, tallyRegistry);
    await publisher.publish([{ topic, envelopes: [envelope(uniqueName('s-outage'), 1, 1)] }]);
    await publisher.disconnect();
    expect(
      await eventually(
        () => effects.countDocuments(),
        (n) => n === 1,
        60_000,
      ),
    ).toBe(1);
    await runner.stop();
    expect(attempts).toBe(9);
    expect(await messagesOn(pipeline.kafka, deadLetterTopic(group))).toBe(0);
    await deleteTestTopics(pipeline.kafka, [topic, deadLetterTopic(group)]);
  });

  it('runs an effect whose claim a crashed process left behind, instead of taking it for done', async () => {
    const group = uniqueName('faults.crashed');
    const topic = uniqueName('faults.crashed.events');
    await createTestTopics(pipeline.kafka, [topic, deadLetterTopic(group)], 1);
    const effects = pipeline.db.connection.collection<{ _id: string }>('crash_effects');
    const event = envelope(uniqueName('s-crash'), 1, 1);
    // The process that got this event first claimed it and died before the effect (kill -9): its claim stays.
    await pipeline.db.connection.collection('reactor_inbox').insertOne({
      _id: `${group}:${event.id}` as never,
      group,
      eventId: event.id,
      state: 'claimed',
      claimedAt: new Date(),
    });
    const inbox = new ReactorInbox(pipeline.db.connection, group, { staleClaimMs: 2000 });
    const runner = new ConsumerRunner(pipeline.kafka, {
      group,
      topics: [topic],
      handler: (e) =>
        inbox.once(e.id, () => effects.insertOne({ _id: e.id }).then(() => undefined)).then(() => undefined),
      contracts: tallyRegistry,
      logger: testLogger,
      maxAttempts: 3,
      retryBaseDelayMs: 50,
      retryMaxDelayMs: 500,
    });
    await runner.start();
    const publisher = new EventPublisher(pipeline.kafka, tallyRegistry);
    await publisher.publish([{ topic, envelopes: [event] }]);
    await publisher.disconnect();
    expect(
      await eventually(
        () => effects.countDocuments({ _id: event.id }),
        (n) => n === 1,
        30_000,
      ),
    ).toBe(1);
    await runner.stop();
    expect(await messagesOn(pipeline.kafka, deadLetterTopic(group))).toBe(0);
    await deleteTestTopics(pipeline.kafka, [topic, deadLetterTopic(group)]);
  });

  it('on shutdown mid-batch finishes the handler in flight and commits, so a restart processes nothing twice', async () => {
    const group = uniqueName('faults.slow');
    await createTestTopics(pipeline.kafka, [deadLetterTopic(group)], 1);
    const starts = new Map<string, number>();
    const finishes = new Map<string, number>();
    const handler = async (e: EventEnvelope) => {
      starts.set(e.id, (starts.get(e.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 15));
      finishes.set(e.id, (finishes.get(e.id) ?? 0) + 1);
    };
    const topic = uniqueName('faults.slow.events');
    await createTestTopics(pipeline.kafka, [topic], 2);
    const publisher = new EventPublisher(pipeline.kafka, tallyRegistry);
    const sent = Array.from({ length: 300 }, (_, i) => envelope(`slow-${i % 6}`, Math.floor(i / 6) + 1, 1));
    await publisher.publish([{ topic, envelopes: sent }]);
    await publisher.disconnect();

    const options = {
      group,
      topics: [topic],
      handler,
      contracts: tallyRegistry,
      logger: testLogger,
      partitionsConcurrently: 2,
    };
    const first = new ConsumerRunner(pipeline.kafka, options);
    await first.start();
    await eventually(
      async () => finishes.size,
      (n) => n >= 60,
      30_000,
    );
    await first.stop(); // what SIGTERM triggers through ManagedConsumers
    const handledBeforeStop = finishes.size;
    expect(handledBeforeStop).toBeLessThan(300);
    // Nothing was cut off half-way.
    expect([...starts.keys()].every((id) => finishes.get(id) === starts.get(id))).toBe(true);

    const second = new ConsumerRunner(pipeline.kafka, options);
    await second.start();
    await eventually(
      async () => finishes.size,
      (n) => n === 300,
      60_000,
    );
    await second.stop();
    expect(finishes.size).toBe(300);
    const twice = [...finishes.entries()].filter(([, c]) => c > 1).map(([id]) => id);
    expect({ handledBeforeStop, twice }).toEqual({ handledBeforeStop, twice: [] });
    await deleteTestTopics(pipeline.kafka, [topic, deadLetterTopic(group)]);
  });
});

async function readTopic(pipeline: Pipeline, topic: string, expected: number) {
  const kafka = createTestKafka();
  const consumer = kafka.consumer({ groupId: uniqueName('dlq-reader'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const messages: Array<{ value: string; headers: Record<string, string> }> = [];
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
      messages.push({ value: message.value?.toString() ?? '', headers });
    },
  });
  await eventually(
    async () => messages.length,
    (n) => n >= expected,
    30_000,
  );
  await consumer.disconnect();
  void pipeline;
  return messages;
}
