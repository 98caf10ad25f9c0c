import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '@trellis/shared/testing';
import { CommandHandler, type Decider } from './decider';
import { ConcurrencyError, IdempotencyConflictError } from './errors';
import { EventStore, type CommitMeta } from './event-store';
import { EventTypeRegistry } from './event-type-registry';
import { tallyDecider, type TallyCommand, type TallyEvent, type TallyState } from './testing/tally.fixture';

const meta: CommitMeta = { tenantId: 'org-1', correlationId: 'corr-1', actor: 'person-1' };
const tallied = (by: number) => ({ type: 'Tallied', data: { by } });

describe('EventStore on the real MongoDB-protocol server', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase('event_store');
    store = new EventStore(db.connection);
    await store.ensureIndexes();
  });
  afterAll(() => db.drop());

  it('lets exactly one of 50 concurrent appends at the same expected revision win', async () => {
    await store.append({
      streamId: 'race-1',
      streamType: 'tally',
      expected: 'no-stream',
      events: [tallied(1)],
      meta,
      commitId: 'race-seed',
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        store.append({
          streamId: 'race-1',
          streamType: 'tally',
          expected: 1,
          events: [tallied(i + 1)],
          meta,
          commitId: `race-${i}`,
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(ConcurrencyError);
      // The raw duplicate-key text never reaches a caller.
      expect(String((failure.reason as Error).message)).not.toMatch(/E11000|duplicate key/);
      expect((failure.reason as Error).message).toMatch(/race-1/);
    }
    const events = await store.readStream('race-1');
    expect(events.map((e) => e.revision)).toEqual([1, 2]);
  });

  it('keeps commitSeq contiguous per stream under random interleavings of 20 streams', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ stream: fc.integer({ min: 0, max: 19 }), size: fc.integer({ min: 1, max: 3 }) }), {
          minLength: 20,
          maxLength: 60,
        }),
        async (writes) => {
          run += 1;
          const prefix = `prop-${run}-`;
          // Every writer uses 'any' and races the others; the store must serialise them per stream.
          await Promise.all(
            writes.map((w, i) =>
              store.append({
                streamId: `${prefix}${w.stream}`,
                streamType: 'tally',
                expected: 'any',
                events: Array.from({ length: w.size }, () => tallied(1)),
                meta,
                commitId: `${prefix}c${i}`,
              }),
            ),
          );
          const commits = await store.commits.find({ streamId: { $regex: `^${prefix}` } }).toArray();
          const byStream = new Map<string, number[]>();
          for (const c of commits) byStream.set(c.streamId, [...(byStream.get(c.streamId) ?? []), c.commitSeq]);
          for (const [streamId, seqs] of byStream) {
            const expected = writes.filter((w) => `${prefix}${w.stream}` === streamId).length;
            expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
            const revisions = (await store.readStream(streamId)).map((e) => e.revision);
            expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, i) => i + 1));
          }
          expect(commits).toHaveLength(writes.length);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('returns the original result for a retried command, even from a new store instance', async () => {
    const first = await store.append({
      streamId: 'idem-1',
      streamType: 'tally',
      expected: 'no-stream',
      events: [tallied(5)],
      meta,
      commitId: 'cmd-42',
    });
    await store.append({
      streamId: 'idem-1',
      streamType: 'tally',
      expected: 1,
      events: [tallied(6)],
      meta,
      commitId: 'cmd-43',
    });

    const restarted = new EventStore(db.connection);
    const retried = await restarted.append({
      streamId: 'idem-1',
      streamType: 'tally',
      expected: 'no-stream',
      events: [tallied(5)],
      meta,
      commitId: 'cmd-42',
    });
    expect(retried).toEqual({ ...first, duplicate: true });
    expect(await restarted.readStream('idem-1')).toHaveLength(2);

    await expect(
      restarted.append({
        streamId: 'idem-1',
        streamType: 'tally',
        expected: 'no-stream',
        events: [tallied(999)],
        meta,
        commitId: 'cmd-42',
      }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect((await restarted.readStream('idem-1')).map((e) => (e.data as { by: number }).by)).toEqual([5, 6]);
  });

  it('upcasts old event versions on read', async () => {
    const registry = new EventTypeRegistry([
      { type: 'Tallied', schemaVersion: 2, upcasters: { 1: (d) => ({ ...(d as object), unit: 'sessions' }) } },
    ]);
    const versioned = new EventStore(db.connection, { registry });
    await store.append({
      streamId: 'upcast-1',
      streamType: 'tally',
      expected: 'no-stream',
      events: [{ type: 'Tallied', data: { by: 1 }, schemaVersion: 1 }],
      meta,
      commitId: 'up-1',
    });
    const [event] = await versioned.readStream('upcast-1');
    expect(event).toMatchObject({ schemaVersion: 2, data: { by: 1, unit: 'sessions' } });
  });

  it('handles commands through the decider: retries lost races, reports domain errors as typed results', async () => {
    const handler = new CommandHandler(store, tallyDecider, { streamType: 'tally', maxAttempts: 60 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        handler.handle({ streamId: 'decider-1', command: { type: 'Tally', by: 1 }, commitId: `d-${i}`, meta }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await handler.load('decider-1')).state.total).toBe(10);

    const rejected = await handler.handle({
      streamId: 'decider-1',
      command: { type: 'Tally', by: -2 },
      commitId: 'd-bad',
      meta,
    });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    expect((await handler.load('decider-1')).revision).toBe(10);

    const again = await handler.handle({
      streamId: 'decider-1',
      command: { type: 'Tally', by: 1 },
      commitId: 'd-3',
      meta,
    });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect((await handler.load('decider-1')).state.total).toBe(10);
  });

  it('answers a retried command with its first result even when the decider would now refuse it', async () => {
    const handler = new CommandHandler(store, tallyDecider, { streamType: 'tally' });
    const close = { streamId: 'decider-2', command: { type: 'Close' as const }, meta };
    expect(await handler.handle({ ...close, commitId: 'close-1' })).toMatchObject({ ok: true, duplicate: false });

    // The answer was lost and the client retries with the same command id: the tally is closed, by this very command.
    expect(await handler.handle({ ...close, commitId: 'close-1' })).toMatchObject({ ok: true, duplicate: true });
    // Anyone else closing it again is refused, and nothing more is stored.
    expect(await handler.handle({ ...close, commitId: 'close-2' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await handler.load('decider-2')).revision).toBe(1);
  });

  it('answers a retry of a command with sealed fields once, even when it overtakes the first attempt', async () => {
    // Sealed fields come out as new ciphertext on every attempt (random IV): the same command, other bytes.
    const sealing: Decider<TallyCommand, TallyEvent & { sealed?: string }, TallyState> = {
      ...tallyDecider,
      decide: (command, state) =>
        tallyDecider.decide(command, state).map((event) => ({ ...event, sealed: randomUUID() })),
    };
    const handler = new CommandHandler(store, sealing, { streamType: 'tally' });
    const tally = (by: number, commitId: string) =>
      handler.handle({ streamId: 'decider-3', command: { type: 'Tally', by }, commitId, meta });

    expect(await tally(5, 'seal-1')).toMatchObject({ ok: true, duplicate: false });
    expect(await tally(5, 'seal-1')).toMatchObject({ ok: true, duplicate: true, state: { total: 5 } });

    // The client was told to retry while its first attempt was still running: four attempts at once.
    const attempts = await Promise.all([1, 2, 3, 4].map(() => tally(3, 'seal-2')));
    expect(attempts.map((a) => a.ok)).toEqual([true, true, true, true]);
    expect(attempts.filter((a) => a.ok && !a.duplicate)).toHaveLength(1);
    const { state, revision } = await handler.load('decider-3');
    expect({ total: state.total, revision }).toEqual({ total: 8, revision: 2 });
  });
});
