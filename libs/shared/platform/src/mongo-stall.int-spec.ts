// MongoDB that stops answering the requests in flight on some connections (FerretDB stalled on its PostgreSQL pool
// after a restart, a half-open connection) while it still answers the driver's heartbeats. Without a socket timeout
// those requests wait for ever, every later one waits behind them for a pooled connection, readiness's ping times out
// and the service stays unready long after the database is fine again. A proxy in front of the shared FerretDB plays
// the stall; the shared server itself is never touched.
import net from 'node:net';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { testInfrastructure, uniqueName } from '@trellis/shared/testing';
import type { Connection } from 'mongoose';
import { PlatformModule } from './platform.module';
import { MONGO_CONNECTION } from './tokens';

jest.setTimeout(180_000);

interface Link {
  client: net.Socket;
  upstream: net.Socket;
  /** Carried a command other than the driver's handshake or heartbeat (`hello`). */
  data: boolean;
  stalled: boolean;
}

/** Forwards to the database; `stall()` stops the replies on every connection that carried data so far. */
class StallingProxy {
  private readonly links = new Set<Link>();
  private readonly server = net.createServer((client) => this.link(client));

  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  stall(): number {
    let stalled = 0;
    for (const link of this.links) {
      if (!link.data) continue;
      link.stalled = true;
      stalled += 1;
    }
    return stalled;
  }

  async close(): Promise<void> {
    for (const { client, upstream } of this.links) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private link(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    const link: Link = { client, upstream, data: false, stalled: false };
    this.links.add(link);
    client.on('data', (chunk: Buffer) => {
      if (!/hello|ismaster/i.test(chunk.toString('latin1'))) link.data = true;
      if (!link.stalled) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!link.stalled) client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.links.delete(link);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('readiness after MongoDB stalls the requests in flight', () => {
  let proxy: StallingProxy;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const shared = new URL(testInfrastructure.mongoUrl);
    proxy = new StallingProxy({ host: shared.hostname, port: Number(shared.port || 27017) });
    const port = await proxy.listen();

    @Module({
      imports: [
        PlatformModule.forService({
          service: 'profiles',
          mongo: true,
          kafka: false,
          // A small pool, as each of the drill's ten processes has: a few stuck requests take all of it.
          config: {
            mongoUrl: `mongodb://127.0.0.1:${port}/?maxPoolSize=5`,
            mongoDatabase: uniqueName('t_stall').slice(0, 60),
            port: 0,
          },
        }),
      ],
    })
    class ProbeModule {}

    app = await NestFactory.create(ProbeModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.close();
  });

  const readiness = async (): Promise<number> =>
    (await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status ?? 0;

  async function within(ms: number, status: number): Promise<number> {
    const deadline = Date.now() + ms;
    let last = await readiness();
    while (last !== status && Date.now() < deadline) {
      await sleep(500);
      last = await readiness();
    }
    return last;
  }

  it('is ready again once the stalled requests are given up, and requests fail instead of waiting for ever', async () => {
    expect(await readiness()).toBe(200);
    const db = app.get<Connection>(MONGO_CONNECTION).db!;
    let running = true;
    const outcomes = new Map<string, number>();
    const worker = async () => {
      while (running) {
        const outcome = await db
          .collection('probe')
          .findOne({})
          .then(
            () => 'ok',
            (error: Error) => error.name,
          );
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await sleep(1000);
    expect(proxy.stall()).toBeGreaterThan(0);
    // Every pooled connection is now taken by a request that will never be answered.
    expect(await within(15_000, 503)).toBe(503);
    // The database answers new connections as before: the service must find that out by itself.
    expect(await within(90_000, 200)).toBe(200);
    running = false;
    await Promise.race([Promise.all(workers), sleep(45_000)]);
    expect(outcomes.get('ok')).toBeGreaterThan(0);
    // Given up on, not waited for: transient errors the API answers as SERVICE_UNAVAILABLE.
    for (const name of outcomes.keys()) {
      expect(['ok', 'MongoNetworkTimeoutError', 'MongoWaitQueueTimeoutError']).toContain(name);
    }
  });
});
