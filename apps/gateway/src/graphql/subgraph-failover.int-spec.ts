// The gateway's fetches to a subgraph with several instances, against real sockets: spread over the ready ones,
// moved to another instance when one refuses or answers 503 while draining, and a retryable SERVICE_UNAVAILABLE
// (never INTERNAL) when none can take it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './gateway-context';
import { SubgraphDataSource } from './subgraph-data-source';
import { SubgraphPool } from './subgraph-pool';

interface FakeInstance {
  base: string;
  hits: number;
  ready: boolean;
  /** Answer /graphql with 503 and no GraphQL body, as a draining server or a proxy without backend does. */
  draining: boolean;
  close(): Promise<void>;
}

async function fakeInstance(name: string): Promise<FakeInstance> {
  const state = { hits: 0, ready: true, draining: false };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/health/ready') {
        res.statusCode = state.ready ? 200 : 503;
        res.end('{}');
        return;
      }
      if (state.draining) {
        res.statusCode = 503;
        res.end('Service Unavailable');
        return;
      }
      state.hits += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { instance: name } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeInstance;
}

const fetchOnce = (source: SubgraphDataSource) =>
  source.process({
    request: { query: '{ instance }' },
    context: {},
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);

describe('a subgraph with several instances', () => {
  let a: FakeInstance;
  let b: FakeInstance;
  const pools: SubgraphPool[] = [];

  function source(instances: FakeInstance[], probeIntervalMs = 60_000): SubgraphDataSource {
    const pool = new SubgraphPool(
      'matching',
      instances.map((i) => i.base),
      { probeIntervalMs },
    );
    pools.push(pool);
    return new SubgraphDataSource('matching', pool, 2000, 700);
  }

  beforeEach(async () => {
    a = await fakeInstance('a');
    b = await fakeInstance('b');
  });

  afterEach(async () => {
    for (const pool of pools.splice(0)) pool.stop();
    await a.close();
    await b.close();
  });

  it('spreads fetches over the instances', async () => {
    const s = source([a, b]);
    for (let i = 0; i < 6; i += 1) await fetchOnce(s);
    expect([a.hits, b.hits]).toEqual([3, 3]);
  });

  it('sends a fetch to the other instance when one refuses the connection, and stops choosing it first', async () => {
    const s = source([a, b]);
    await a.close();
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await fetchOnce(s));
    expect(answers.map((r) => r.data)).toEqual(Array.from({ length: 4 }, () => ({ instance: 'b' })));
    expect(s.pool.targets.map((t) => t.ready)).toEqual([false, true]);
  });

  it('moves on from an instance that answers 503 while draining', async () => {
    const s = source([a, b]);
    a.draining = true;
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await fetchOnce(s));
    expect(answers.map((r) => r.data)).toEqual(Array.from({ length: 3 }, () => ({ instance: 'b' })));
    expect(a.hits).toBe(0);
  });

  it('follows readiness: an instance whose /health/ready answers 503 gets nothing until it answers 200', async () => {
    const s = source([a, b], 50);
    s.pool.start();
    a.ready = false;
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 4; i += 1) await fetchOnce(s);
    expect([a.hits, b.hits]).toEqual([0, 4]);
    a.ready = true;
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 4; i += 1) await fetchOnce(s);
    expect(a.hits).toBe(2);
  });

  it('sends nothing to instances that are all unready: the caller is told to retry, until one is ready again', async () => {
    const s = source([a, b], 50);
    s.pool.start();
    a.ready = false;
    b.ready = false;
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 3; i += 1) {
      await expect(fetchOnce(s)).rejects.toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterMs: 700 },
      });
    }
    expect([a.hits, b.hits]).toEqual([0, 0]);
    b.ready = true;
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetchOnce(s)).data).toEqual({ instance: 'b' });
  });

  it('answers a retryable SERVICE_UNAVAILABLE when no instance can take the fetch', async () => {
    const s = source([a, b]);
    await a.close();
    b.draining = true;
    const error = await fetchOnce(s).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
      retryAfterMs: 700,
      subgraph: 'matching',
    });
  });

  it('with a single URL (a Kubernetes Service) a refused connection is retryable too', async () => {
    const single = new SubgraphDataSource('profiles', `${a.base}/graphql`, 2000);
    pools.push(single.pool);
    expect((await fetchOnce(single)).data).toEqual({ instance: 'a' });
    await a.close();
    await expect(fetchOnce(single)).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
  });
});
