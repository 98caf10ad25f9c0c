// A commit whose event fails its integration contract must not wedge the outbox: the store refuses to write one, and
// the relay quarantines one that is there anyway (written before a contract changed) and carries on with the rest.
import type { EventEnvelope } from '@trellis/shared/messaging';
import { createTestKafka, uniqueName } from '@trellis/shared/testing';
import { IntegrationContractError } from './errors';
import { EventStore, type RecordedEvent } from './event-store';
import { toEnvelope } from './outbox-relay';
import { createPipeline, eventually, type Pipeline, testMeta } from './testing/pipeline.fixture';
import { tallyRegistry } from './testing/tally.fixture';

/** The tally contract as the relay checks it: every event mapped as stored and validated strictly. */
const checkTallies = (events: RecordedEvent[]) => {
  for (const event of events) {
    tallyRegistry.validate(toEnvelope(event, { type: event.type, data: event.data as Record<string, unknown> }), false);
  }
};

async function readTopic(pipeline: Pipeline, until: (received: EventEnvelope[]) => boolean): Promise<EventEnvelope[]> {
  const consumer = createTestKafka().consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: pipeline.topic, fromBeginning: true });
  const received: EventEnvelope[] = [];
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push(JSON.parse(message.value!.toString()) as EventEnvelope);
    },
  });
  try {
    await eventually(
      async () => received.length,
      () => until(received),
      60_000,
    );
  } finally {
    await consumer.disconnect();
  }
  return received;
}

describe('integration contracts at append and in the outbox (real broker, real FerretDB)', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await createPipeline('contract');
  });
  afterAll(() => pipeline.close());

  it('refuses to write a commit whose event fails its contract, with one or many streams', async () => {
    const checked = new EventStore(pipeline.db.connection, { checkIntegration: checkTallies });
    const append = checked.append({
      streamId: 'refused-1',
      streamType: 'tally',
      expected: 'no-stream',
      events: [{ type: 'Tallied', data: { by: 'three' } }],
      meta: testMeta,
      commitId: 'refused-1-1',
    });
    await expect(append).rejects.toBeInstanceOf(IntegrationContractError);
    await expect(append).rejects.toThrow(/refused-1-1 does not satisfy its integration contract: invalid Tallied data/);
    const bulk = checked.appendNewStreams([
      {
        streamId: 'refused-2',
        streamType: 'tally',
        events: [{ type: 'Tallied', data: { by: 1 } }],
        meta: testMeta,
        commitId: 'refused-2-1',
      },
      {
        streamId: 'refused-3',
        streamType: 'tally',
        events: [{ type: 'Nope', data: {} }],
        meta: testMeta,
        commitId: 'refused-3-1',
      },
    ]);
    await expect(bulk).rejects.toBeInstanceOf(IntegrationContractError);
    expect(await pipeline.store.commits.countDocuments({ streamId: /^refused-/ })).toBe(0);
    // A valid commit still goes through the checked store.
    await checked.append({
      streamId: 'accepted-1',
      streamType: 'tally',
      expected: 'no-stream',
      events: [{ type: 'Tallied', data: { by: 2 } }],
      meta: testMeta,
      commitId: 'accepted-1-1',
    });
    expect(await pipeline.store.commits.countDocuments({ streamId: 'accepted-1' })).toBe(1);
  });

  it('quarantines a commit that fails its contract, publishes every other stream, holds the later commits of its stream, and releases them in order once a fixed mapper is deployed', async () => {
    // Written without the check, as by an older version before the contract changed.
    const append = (streamId: string, revision: number, by: unknown) =>
      pipeline.store.append({
        streamId,
        streamType: 'tally',
        expected: revision === 1 ? 'no-stream' : revision - 1,
        events: [{ type: 'Tallied', data: { by } }],
        meta: testMeta,
        commitId: `${streamId}-${revision}`,
      });
    await append('bad', 1, 1);
    await append('bad', 2, '2');
    await append('bad', 3, 3);
    await append('good', 1, 1);
    await append('good', 2, 2);

    // The fix deployed later: a mapper that writes the number the contract wants.
    let mapperFixed = false;
    const relay = pipeline.relay({
      toIntegrationEvent: (event) => {
        const data = event.data as Record<string, unknown>;
        return { type: event.type, data: mapperFixed ? { ...data, by: Number(data['by']) } : data };
      },
      validate: (envelope) => void tallyRegistry.validate(envelope, false),
      quarantineRecheckMs: 500,
    });
    relay.start();
    // Everything but the quarantined commit and the one behind it; the accepted commits go out.
    expect(
      await eventually(
        () => pipeline.store.commits.countDocuments({ published: false }),
        (n) => n === 2,
        30_000,
      ),
    ).toBe(2);
    const quarantined = await pipeline.store.commits.findOne({ _id: 'bad-2' });
    expect(quarantined?.published).toBe(false);
    expect(quarantined?.quarantined?.reason).toMatch(/invalid Tallied data/);
    expect((await pipeline.store.commits.findOne({ _id: 'bad-3' }))?.published).toBe(false);
    expect((await pipeline.store.commits.findOne({ _id: 'bad-3' }))?.quarantined).toBeUndefined();
    expect(await pipeline.metrics.registry.getSingleMetricAsString('trellis_outbox_quarantined_commits_total')).toMatch(
      / 1$/m,
    );
    expect(await pipeline.metrics.registry.getSingleMetricAsString('trellis_outbox_held_streams')).toMatch(/ 1$/m);
    // Later commits of other streams keep flowing past the quarantine.
    await append('good', 3, 3);
    expect(
      await eventually(
        async () => (await pipeline.store.commits.findOne({ _id: 'good-3' }))?.published,
        (published) => published === true,
        30_000,
      ),
    ).toBe(true);

    mapperFixed = true;
    expect(
      await eventually(
        () => pipeline.store.commits.countDocuments({ published: false }),
        (n) => n === 0,
        30_000,
      ),
    ).toBe(0);
    const received = await readTopic(pipeline, (r) => r.filter((e) => e.streamId === 'bad').length >= 3);
    const bad = received.filter((e) => e.streamId === 'bad').map((e) => e.revision);
    expect(bad).toEqual([1, 2, 3]);
    expect(received.filter((e) => e.streamId === 'good').map((e) => e.revision)).toEqual([1, 2, 3]);
    expect((await pipeline.store.commits.findOne({ _id: 'bad-2' }))?.quarantined).toBeUndefined();
    await relay.stop();
  });
});
