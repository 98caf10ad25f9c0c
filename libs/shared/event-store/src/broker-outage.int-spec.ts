import { createTestKafka, PrivateInfrastructure } from '@trellis/shared/testing';
import { CommandHandler } from './decider';
import { createPipeline, eventually, testMeta, type Pipeline } from './testing/pipeline.fixture';
import { tallyDecider } from './testing/tally.fixture';

// The broker is stopped while commands keep arriving; nothing acknowledged may be lost, and the read model must
// converge to what the event store says — the state a fault-free run reaches.
describe('Kafka broker outage', () => {
  let infra: PrivateInfrastructure;
  let pipeline: Pipeline;

  beforeAll(async () => {
    const kafka = await PrivateInfrastructure.kafka();
    infra = kafka.infra;
    await infra.up('kafka');
    pipeline = await createPipeline('outage', createTestKafka(undefined, kafka.brokers));
  });
  afterAll(async () => {
    await pipeline?.close().catch(() => undefined);
    await infra?.destroy();
  });

  it('loses nothing when the broker is down for 20 s while commands keep being appended', async () => {
    const handler = new CommandHandler(pipeline.store, tallyDecider, { streamType: 'tally' });
    pipeline.relay().start();
    await pipeline.startProjection();

    let accepted = 0;
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const result = await handler.handle({
          streamId: `tally-${i % 25}`,
          command: { type: 'Tally', by: (i % 7) + 1 },
          commitId: `outage-${i}`,
          meta: testMeta,
        });
        if (result.ok) accepted += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    await eventually(
      async () => accepted,
      (n) => n >= 50,
      30_000,
    );
    await infra.down('kafka');
    const acceptedAtOutage = accepted;
    await new Promise((r) => setTimeout(r, 20_000));
    expect(accepted).toBeGreaterThan(acceptedAtOutage + 50); // commands were still accepted during the outage
    await infra.up('kafka');
    await new Promise((r) => setTimeout(r, 3000));
    stop = true;
    await writer;

    // The truth, from the event store: per stream, how many events and their sum.
    const expected = new Map<string, { events: number; total: number }>();
    for (const commit of await pipeline.store.commits.find({}).toArray()) {
      const row = expected.get(commit.streamId) ?? { events: 0, total: 0 };
      for (const e of commit.events) {
        row.events += 1;
        row.total += (e.data as { by: number }).by;
      }
      expected.set(commit.streamId, row);
    }
    const total = [...expected.values()].reduce((sum, r) => sum + r.events, 0);
    expect(total).toBe(accepted);

    const rows = await eventually(
      () => pipeline.rows().find(),
      (found) => found.reduce((sum, r) => sum + r.events, 0) === total,
      180_000,
    );
    for (const row of await pipeline.rows().collection.find({}).toArray()) {
      const truth = expected.get(row._id);
      expect({ stream: row._id, events: row['events'], total: row['total'] }).toEqual({
        stream: row._id,
        events: truth?.events,
        total: truth?.total,
      });
    }
    expect(rows).toHaveLength(expected.size);
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(await pipeline.store.commits.countDocuments({ published: false })).toBe(0);
  }, 600_000);
});
