import { createLogger } from '@trellis/shared/observability';
import { createTestKafka, deleteTestTopics, uniqueName, waitUntil } from '@trellis/shared/testing';
import { RateLimiter } from './rate-limiter';
import { RateUsageExchange } from './rate-usage-exchange';

const logger = createLogger('gateway-test', { level: 'error' });

/** Two gateway instances' limiters, 60 per minute with a burst of 10, sharing usage over the real broker. */
describe('the per-person rate limit across gateway instances (real Kafka)', () => {
  const kafka = createTestKafka();
  const topic = uniqueName('gateway.rate-usage');
  const instances = [0, 1].map(() => {
    const limiter = new RateLimiter(60, 10);
    const exchange = new RateUsageExchange(kafka, limiter, logger, {
      topic,
      syncMs: 200,
      topicSettings: { partitions: 1, replication: 1 },
    });
    return { limiter, exchange };
  });
  const [a, b] = instances as [(typeof instances)[number], (typeof instances)[number]];

  /** As the gateway admits: take from the local bucket, and tell the others what was admitted. */
  const request = (instance: typeof a, person: string): boolean => {
    const wait = instance.limiter.take(person);
    if (wait === 0) instance.exchange.note(person, 1);
    return wait === 0;
  };

  beforeAll(async () => {
    for (const { exchange } of instances) await exchange.start();
    await Promise.all(instances.map(({ exchange }) => exchange.whenJoined()));
  }, 120_000);

  afterAll(async () => {
    for (const { exchange } of instances) await exchange.stop();
    await deleteTestTopics(kafka, [topic]);
  });

  it('refuses at the second instance what the person already spent at the first, and nobody else', async () => {
    const admittedAtA = Array.from({ length: 10 }, () => request(a, 'org/ana'));
    expect(admittedAtA.every(Boolean)).toBe(true);
    expect(request(a, 'org/ana')).toBe(false);

    await waitUntil(() => Promise.resolve(b.limiter.remaining('org/ana') < 1), {
      timeoutMs: 20_000,
      what: "instance B to learn of Ana's requests at A",
    });
    expect(request(b, 'org/ana')).toBe(false);
    expect(b.limiter.take('org/ana')).toBeGreaterThanOrEqual(1);
    expect(request(b, 'org/ben')).toBe(true);

    // Ben's request at B reaches A too, but one of ten leaves him room there.
    await waitUntil(() => Promise.resolve(a.limiter.remaining('org/ben') < 10), {
      timeoutMs: 20_000,
      what: "instance A to learn of Ben's request at B",
    });
    expect(request(a, 'org/ben')).toBe(true);
  }, 60_000);
});
