import { stableStringify } from './stable-json';
import { uniqueName } from '@trellis/shared/testing';
import { rebuildProjection } from './projection';
import { createPipeline, eventually, messagesOn, type Pipeline, whileProgressing } from './testing/pipeline.fixture';
import { tallyProjection, tallyRegistry } from './testing/tally.fixture';

async function snapshot(pipeline: Pipeline, collection: string): Promise<string> {
  const rows = await pipeline.db.connection.collection(collection).find({}).sort({ _id: 1 }).toArray();
  return stableStringify(rows);
}

async function replayInto(pipeline: Pipeline, collection: string, expectedEvents: number): Promise<void> {
  let seen = 0;
  const runner = await pipeline.startProjection(uniqueName('replay'), collection, () => (seen += 1));
  await eventually(
    async () => seen,
    (n) => n >= expectedEvents,
    120_000,
  );
  await runner.stop();
}

describe('projections: idempotent replay and rebuild', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await createPipeline('projection');
    await pipeline.appendTallies(30, 10);
    await pipeline.store.append({
      streamId: 'tally-0',
      streamType: 'tally',
      expected: 10,
      events: [{ type: 'TallyClosed', data: {} }],
      meta: { tenantId: 'org-test', correlationId: 'c' },
      commitId: 'close-0',
    });
    pipeline.relay().start();
    await pipeline.startProjection(undefined, 'tally_live');
    await eventually(
      () => pipeline.rows('tally_live').find(),
      (rows) => rows.length === 30 && rows.every((r) => r.events === (r.closed ? 11 : 10)),
      120_000,
    );
  });
  afterAll(() => pipeline.close());

  it('replaying every event a second time leaves the read model byte-identical', async () => {
    await replayInto(pipeline, 'tally_replayed', 301);
    const once = await snapshot(pipeline, 'tally_replayed');
    await replayInto(pipeline, 'tally_replayed', 301);
    const twice = await snapshot(pipeline, 'tally_replayed');
    expect(twice).toBe(once);
    expect(JSON.parse(once)).toHaveLength(30);
  });

  it('a rebuild from zero equals the live read model and replaces it', async () => {
    const live = await snapshot(pipeline, 'tally_live');
    const rebuildName = uniqueName('rebuild');
    const report = await rebuildProjection(
      pipeline.kafka,
      pipeline.db.connection,
      tallyProjection(rebuildName, pipeline.topic, 'tally_live'),
      tallyRegistry,
    );
    // The throwaway consumer group of the rebuild is not left behind in the cluster.
    const admin = pipeline.kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(groups.filter((g) => g.groupId.startsWith(rebuildName))).toEqual([]);
    expect(report).toMatchObject({ events: 301, rows: 30 });
    expect(await snapshot(pipeline, 'tally_live')).toBe(live);
    const closed = (await pipeline.rows('tally_live').find()).filter((r) => r.closed);
    expect(closed).toHaveLength(1);
  });
});

describe('rebuilding a projection while the live group consumes', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await createPipeline('rebuild_live');
    pipeline.relay().start();
  });
  afterAll(() => pipeline.close());

  it('loses no event the live group applied during the rebuild and dead-letters none', async () => {
    const live = uniqueName('tallies');
    await pipeline.startProjection(live, 'tally_live');
    // Ten streams receive commits one after another for the whole rebuild, and a while after it.
    const appended = new Map<string, number>();
    let writing = true;
    const writer = async (streamId: string) => {
      for (let revision = 1; writing; revision++) {
        await pipeline.store.append({
          streamId,
          streamType: 'tally',
          expected: revision === 1 ? 'no-stream' : revision - 1,
          events: [{ type: 'Tallied', data: { by: 1 } }],
          meta: { tenantId: 'org-test', correlationId: 'c' },
          commitId: `${streamId}-${revision}`,
        });
        appended.set(streamId, revision);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const writers = Array.from({ length: 10 }, (_, i) => writer(`load-${i}`));
    await eventually(
      async () => (await pipeline.rows('tally_live').find()).length,
      (n) => n === 10,
      60_000,
    );

    const report = await rebuildProjection(
      pipeline.kafka,
      pipeline.db.connection,
      tallyProjection(live, pipeline.topic, 'tally_live'),
      tallyRegistry,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    writing = false;
    await Promise.all(writers);
    expect(report.events).toBeGreaterThan(0);

    const expected = [...appended].map(([id, events]) => ({ id, events })).sort((a, b) => a.id.localeCompare(b.id));
    const rows = await whileProgressing(
      async () =>
        (await pipeline.rows('tally_live').find())
          .map((row) => ({ id: String(row._id), events: row.events }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      (actual) => JSON.stringify(actual) === JSON.stringify(expected),
    ).catch((error: Error) => error.message);
    expect(rows).toEqual(expected);
    expect(await messagesOn(pipeline.kafka, `${live}.dlq`)).toBe(0);
  }, 300_000);
});
