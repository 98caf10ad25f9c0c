import type { OutgoingBatch } from '@trellis/shared/messaging';
import { ConcurrencyError, IdempotencyConflictError } from './errors';
import type { CommitDocument } from './event-store';
import { createPipeline, eventually, testMeta, type Pipeline } from './testing/pipeline.fixture';

const tally = (stream: string, by = 1) => ({
  streamId: stream,
  streamType: 'tally',
  events: [{ type: 'Tallied', data: { by } }],
  meta: testMeta,
  commitId: `${stream}-start`,
});

describe('EventStore.appendNewStreams and the relay marking whole batches, on the real broker and FerretDB', () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await createPipeline('bulk_append');
  }, 120_000);
  afterAll(() => pipeline.close());

  it('starts many streams in one call; a retry with the same commit ids writes nothing twice', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => tally(`bulk-a-${i}`, i));
    const first = await pipeline.store.appendNewStreams(requests.slice(0, 25));
    expect(first.map((r) => [r.streamId, r.revision, r.duplicate])).toEqual(
      requests.slice(0, 25).map((r) => [r.streamId, 1, false]),
    );

    // The retry of a call that stopped after 25: those come back as duplicates, the other 15 are written.
    const retry = await pipeline.store.appendNewStreams(requests);
    expect(retry.filter((r) => r.duplicate).map((r) => r.streamId)).toEqual(first.map((r) => r.streamId));
    expect(retry.filter((r) => !r.duplicate)).toHaveLength(15);
    expect(await pipeline.store.commits.countDocuments({ streamId: { $regex: '^bulk-a-' } })).toBe(40);

    // Each stream is an ordinary stream afterwards: read back at revision 1, appendable with optimistic concurrency.
    const events = await pipeline.store.readStream('bulk-a-7');
    expect(events.map((e) => [e.revision, e.type, e.data])).toEqual([[1, 'Tallied', { by: 7 }]]);
    await pipeline.store.append({ ...tally('bulk-a-7'), expected: 1, commitId: 'bulk-a-7-second' });
    await expect(
      pipeline.store.append({ ...tally('bulk-a-7'), expected: 1, commitId: 'bulk-a-7-third' }),
    ).rejects.toBeInstanceOf(ConcurrencyError);

    // The retried batch holds only what it inserted, so the relay can still recognise it as whole.
    const retried = await pipeline.store.commits.findOne({ streamId: 'bulk-a-30' });
    expect(retried?.batchCount).toBe(15);
    expect(await pipeline.store.commits.countDocuments({ batchId: retried!.batchId })).toBe(15);
  });

  it('answers ConcurrencyError for a stream that exists under another commit, and writes the rest', async () => {
    await pipeline.store.append({ ...tally('bulk-b-taken'), expected: 'no-stream', commitId: 'someone-else' });
    const requests = [tally('bulk-b-1'), tally('bulk-b-taken'), tally('bulk-b-2')];
    await expect(pipeline.store.appendNewStreams(requests)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await pipeline.store.readStream('bulk-b-taken')).map((e) => e.commitId)).toEqual(['someone-else']);
    const again = await pipeline.store.appendNewStreams([tally('bulk-b-1'), tally('bulk-b-2')]);
    expect(again.map((r) => r.duplicate)).toEqual([true, true]);

    // The same commit id with other content is not a retry.
    await expect(pipeline.store.appendNewStreams([tally('bulk-b-1', 99)])).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
  });

  it('publishes every commit before marking it, marks whole batches by batch id, and republishes after a crash', async () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => tally(`${prefix}-${i}`));
    await pipeline.store.appendNewStreams(ids('bulk-c', 30));
    await pipeline.store.appendNewStreams(ids('bulk-d', 12));
    await pipeline.store.append({ ...tally('bulk-single'), expected: 'no-stream' });

    const sent = new Map<string, number>();
    const reads: CommitDocument[][] = [];
    const markedBeforeSent: string[] = [];
    let crashed = false;
    const relay = pipeline.relay({
      batchSize: 20,
      publish: async (batches: OutgoingBatch[]) => {
        // Nothing may be marked published before it was sent.
        for (const envelope of batches.flatMap((b) => b.envelopes)) {
          sent.set(envelope.streamId, (sent.get(envelope.streamId) ?? 0) + 1);
        }
        await pipeline.publisher.publish(batches);
      },
      afterPublish: async (commits) => {
        const marked = await pipeline.store.commits
          .find({ published: true, streamId: { $regex: '^bulk-[cd]' } })
          .toArray();
        markedBeforeSent.push(...marked.filter((c) => !sent.has(c.streamId)).map((c) => c.streamId));
        reads.push(commits);
        // A crash after the broker acknowledged the whole batch d and before marking it: it goes out again.
        if (!crashed && commits.some((c) => c.streamId.startsWith('bulk-d-'))) {
          crashed = true;
          throw new Error('simulated crash between send and mark');
        }
      },
    });
    relay.start();
    try {
      await eventually(
        () => pipeline.store.commits.countDocuments({ published: false }),
        (n) => n === 0,
        120_000,
      );
    } finally {
      await relay.stop();
    }
    expect(markedBeforeSent).toEqual([]);
    for (const prefix of ['bulk-c', 'bulk-d']) {
      for (let i = 0; i < (prefix === 'bulk-c' ? 30 : 12); i++) expect(sent.get(`${prefix}-${i}`)).toBeGreaterThan(0);
    }
    // Batch c (30) is larger than a read (20): sent in parts. Batch d (12) never split: the read that would have cut
    // it stopped before it, so it was sent whole, twice (the crash), each time all 12 together.
    const dReads = reads.map((r) => r.filter((c) => c.streamId.startsWith('bulk-d-')).length).filter((n) => n > 0);
    expect(dReads).toEqual([12, 12]);
    expect([...sent.entries()].filter(([s]) => s.startsWith('bulk-d-')).every(([, n]) => n === 2)).toBe(true);
  }, 300_000);
  it('holds back a batch still incomplete in the store, and publishes what a dead writer left after the grace period', async () => {
    const written = await pipeline.store.appendNewStreams([tally('bulk-e-0'), tally('bulk-e-1'), tally('bulk-e-2')]);
    // As if the writer died after two of its three inserts.
    await pipeline.store.commits.deleteOne({ _id: written[2]!.commitId });
    const sentAt = new Map<string, number>();
    const relay = pipeline.relay({
      batchGraceMs: 4000,
      afterPublish: (commits) => {
        for (const c of commits) if (!sentAt.has(c.streamId)) sentAt.set(c.streamId, Date.now());
        return Promise.resolve();
      },
    });
    const startedAt = Date.now();
    relay.start();
    try {
      await eventually(
        () => pipeline.store.commits.countDocuments({ published: false }),
        (n) => n === 0,
        60_000,
      );
    } finally {
      await relay.stop();
    }
    const committedAt = (await pipeline.store.commits.findOne({ _id: written[0]!.commitId }))!.committedAt.getTime();
    for (const stream of ['bulk-e-0', 'bulk-e-1']) {
      expect(sentAt.get(stream)).toBeGreaterThanOrEqual(Math.max(startedAt, committedAt + 4000));
    }
  }, 120_000);
  it('publishes a batch this process appended by its batch id, ahead of older commits of other streams', async () => {
    const calls: string[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const relay = pipeline.relay({
      publish: async (batches: OutgoingBatch[]) => {
        calls.push(batches.flatMap((b) => b.envelopes.map((e) => e.streamId)));
        if (calls.length === 1) await gate;
        await pipeline.publisher.publish(batches);
      },
    });
    // What other tests left unpublished is out of the way; then the relay is held inside the send of commit A.
    await pipeline.store.commits.updateMany({ published: false }, { $set: { published: true } });
    relay.start();
    try {
      await pipeline.store.append({ ...tally('bulk-f-a'), expected: 'no-stream' });
      await eventually(
        async () => calls.length,
        (n) => n === 1,
        30_000,
      );
      // C is older than batch B, so the ordered read would send C first; the batch path sends B first.
      await pipeline.store.append({ ...tally('bulk-f-c'), expected: 'no-stream' });
      await pipeline.store.appendNewStreams([0, 1, 2, 3, 4].map((i) => tally(`bulk-f-b-${i}`)));
      release();
      await eventually(
        () => pipeline.store.commits.countDocuments({ published: false }),
        (n) => n === 0,
        60_000,
      );
    } finally {
      release();
      await relay.stop();
    }
    expect(calls).toEqual([
      ['bulk-f-a'],
      ['bulk-f-b-0', 'bulk-f-b-1', 'bulk-f-b-2', 'bulk-f-b-3', 'bulk-f-b-4'],
      ['bulk-f-c'],
    ]);
  }, 120_000);
});
