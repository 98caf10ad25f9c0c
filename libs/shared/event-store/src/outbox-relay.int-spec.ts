import { createTestKafka, uniqueName } from '@trellis/shared/testing';
import type { EventEnvelope } from '@trellis/shared/messaging';
import { createPipeline, eventually, type Pipeline, whileProgressing } from './testing/pipeline.fixture';

async function readAll(pipeline: Pipeline, expected: number): Promise<EventEnvelope[]> {
  const kafka = createTestKafka();
  const consumer = kafka.consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: pipeline.topic, fromBeginning: true });
  const received: EventEnvelope[] = [];
  let lastArrival = Date.now();
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push(JSON.parse(message.value!.toString()) as EventEnvelope);
      lastArrival = Date.now();
    },
  });
  // Stop once everything expected arrived and nothing more (a republished tail) came for a second.
  await whileProgressing(
    async () => received.length,
    (n) => n >= expected && Date.now() - lastArrival > 1000,
  );
  await consumer.disconnect();
  return received;
}

describe('outbox relay on the real broker and FerretDB', () => {
  // Enough commits for several batches on each side of the crash; how fast they go is bench:event-store's question.
  const STREAMS = 100;
  const REVISIONS = 30;
  const TOTAL = STREAMS * REVISIONS;
  const CRASH_AT = TOTAL / 2;
  const BATCH = 250;

  it('delivers 3,000 commits over 100 streams in order, exactly once into the projection, across a relay crash', async () => {
    const pipeline = await createPipeline('relay_crash');
    try {
      await pipeline.appendTallies(STREAMS, REVISIONS);
      expect(await pipeline.store.commits.countDocuments({ published: false })).toBe(TOTAL);
      await pipeline.startProjection();

      let sentBatches = 0;
      let sent = 0;
      const first = pipeline.relay({
        batchSize: BATCH,
        afterPublish: async (commits) => {
          sent += commits.length;
          sentBatches += 1;
          // Crash after the broker acknowledged the batch that crosses half-way, before marking it published.
          if (sent >= CRASH_AT) {
            void first.abandon();
            throw new Error('simulated crash between send and mark');
          }
        },
      });
      first.start();
      // Progress, not speed: a busy machine relays slower, and that is no failure of the relay.
      await whileProgressing(
        async () => sent,
        (n) => n >= CRASH_AT,
      );
      await first.abandon();
      const unpublishedAfterCrash = await pipeline.store.commits.countDocuments({ published: false });
      // The crash came half-way: the batches before it were marked published, the crashed one and the rest were not.
      expect(sentBatches).toBeGreaterThan(1);
      expect(unpublishedAfterCrash).toBeGreaterThan(CRASH_AT - BATCH);
      expect(sent).toBeGreaterThanOrEqual(CRASH_AT);
      expect(sent).toBeLessThan(TOTAL);
      expect(unpublishedAfterCrash).toBeLessThanOrEqual(TOTAL - (sent - BATCH));

      // A restarted relay (new owner) takes over when the crashed one's lease expires and drains the backlog.
      const second = pipeline.relay({ batchSize: BATCH });
      second.start();
      // The takeover waits out the crashed relay's lease: no count changes for that long, hence the longer stall.
      await whileProgressing(
        () => pipeline.store.commits.countDocuments({ published: false }),
        (n) => n === 0,
        60_000,
      );
      expect(await pipeline.store.commits.countDocuments({ published: false })).toBe(0);

      const envelopes = await readAll(pipeline, TOTAL);
      const ids = new Set(envelopes.map((e) => e.id));
      expect(ids.size).toBe(TOTAL);
      expect(envelopes.length).toBeGreaterThan(TOTAL); // the crashed batch went out twice
      const byStream = new Map<string, number[]>();
      for (const e of envelopes) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.revision]);
      for (const revisions of byStream.values()) {
        // In per-stream arrival order, every first sighting is the next revision: order held, nothing skipped.
        const seen = new Set<number>();
        const firstSightings = revisions.filter((r) => (seen.has(r) ? false : (seen.add(r), true)));
        expect(firstSightings).toEqual(Array.from({ length: REVISIONS }, (_, i) => i + 1));
      }

      const rows = await whileProgressing(
        async () => (await pipeline.rows().find()).map((row) => [row.events, row.total]),
        (r) => r.length === STREAMS && r.every(([events]) => events === REVISIONS),
      ).then(() => pipeline.rows().find());
      expect(rows).toHaveLength(STREAMS);
      expect(rows.every((row) => row.events === REVISIONS && row.total === (REVISIONS * (REVISIONS + 1)) / 2)).toBe(
        true,
      );
    } finally {
      await pipeline.close();
    }
  }, 900_000);

  it('lets only one of two relay instances publish, and hands over within 10 s when it dies', async () => {
    const pipeline = await createPipeline('relay_lease');
    try {
      const a = pipeline.relay({ leaseTtlMs: 3000 });
      const b = pipeline.relay({ leaseTtlMs: 3000 });
      a.start();
      b.start();
      await pipeline.appendTallies(10, 5);
      await eventually(
        () => pipeline.store.commits.countDocuments({ published: false }),
        (n) => n === 0,
        30_000,
      );
      const leaders = [a, b].filter((r) => r.isLeader);
      expect(leaders).toHaveLength(1);
      const [leader] = leaders;
      const follower = leader === a ? b : a;

      await leader!.abandon();
      const diedAt = Date.now();
      await pipeline.store.append({
        streamId: 'after-handover',
        streamType: 'tally',
        expected: 'no-stream',
        events: [{ type: 'Tallied', data: { by: 1 } }],
        meta: { tenantId: 'org-test', correlationId: 'c' },
        commitId: 'after-handover-1',
      });
      const remaining = await eventually(
        () => pipeline.store.commits.countDocuments({ published: false }),
        (n) => n === 0,
        15_000,
      );
      expect(remaining).toBe(0);
      expect(follower.isLeader).toBe(true);
      expect(Date.now() - diedAt).toBeLessThan(10_000);
    } finally {
      await pipeline.close();
    }
  });
});
