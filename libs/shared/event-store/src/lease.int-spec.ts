import { createTestDatabase, type TestDatabase } from '@trellis/shared/testing';
import { Lease } from './lease';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Lease on the real MongoDB-protocol server', () => {
  let db: TestDatabase;
  const lease = (name: string, ttlMs = 1000) => new Lease(db.connection, { collection: 'test_leases', name, ttlMs });

  beforeAll(async () => {
    db = await createTestDatabase('lease');
  });
  afterAll(() => db.drop());

  it('grants exactly one of 20 instances racing for a free lease', async () => {
    const racers = Array.from({ length: 20 }, () => lease('race'));
    const outcomes = await Promise.all(racers.map((r) => r.hold()));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(racers.filter((r) => r.held)).toHaveLength(1);
  });

  it('keeps the lease with its holder while it renews', async () => {
    const a = lease('renew', 600);
    const b = lease('renew', 600);
    expect(await a.hold()).toBe(true);
    for (let i = 0; i < 6; i += 1) {
      await sleep(200);
      expect(await a.hold()).toBe(true);
      expect(await b.hold()).toBe(false);
    }
    expect(b.held).toBe(false);
  });

  it('lets another instance take over once the holder stops renewing', async () => {
    const a = lease('expire', 500);
    const b = lease('expire', 500);
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    await sleep(700);
    expect(a.held).toBe(false);
    expect(await b.hold()).toBe(true);
    // The old holder comes back: the lease is not its any more.
    expect(await a.hold()).toBe(false);
  });

  it('hands over at once on release, and a late release of the old holder leaves the new lease alone', async () => {
    const a = lease('release', 60_000);
    const b = lease('release', 60_000);
    expect(await a.hold()).toBe(true);
    await a.release();
    expect(a.held).toBe(false);
    expect(await b.hold()).toBe(true);
    await a.release();
    const c = lease('release', 60_000);
    expect(await c.hold()).toBe(false);
    expect(b.held).toBe(true);
  });

  it('keeps separate jobs apart', async () => {
    const relay = lease('job-a');
    const sender = lease('job-b');
    expect(await relay.hold()).toBe(true);
    expect(await sender.hold()).toBe(true);
  });
});
