// The drain is bounded: an app whose shutdown finishes exits 0 and says how long each step took; one whose shutdown
// hangs is cut short after TRELLIS_SHUTDOWN_DELAY_MS + TRELLIS_SHUTDOWN_TIMEOUT_MS with exit 1, and the log names
// the step it was still waiting for. No Kafka or MongoDB: the platform module runs without them.
import { Agent, get, type Server } from 'node:http';
import { type BeforeApplicationShutdown, Controller, Get, Injectable, Module } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { drainOnSignals } from './drain-on-signals';
import { PlatformModule } from './platform.module';
import { ShutdownState } from './shutdown-state';

const SIGNAL: NodeJS.Signals = 'SIGUSR2';

function moduleWith(stepMs: number | 'never', shutdownTimeoutMs: number) {
  @Injectable()
  class SlowDependency implements BeforeApplicationShutdown {
    constructor(private readonly shutdown: ShutdownState) {}

    async beforeApplicationShutdown(): Promise<void> {
      await this.shutdown.step('flush the widget queue', () =>
        stepMs === 'never' ? new Promise<void>(() => undefined) : new Promise((r) => setTimeout(r, stepMs)),
      );
    }
  }

  @Controller('slow')
  class SlowController {
    @Get()
    async answerSlowly(): Promise<{ ok: true }> {
      await new Promise((r) => setTimeout(r, 400));
      return { ok: true };
    }
  }

  @Module({
    controllers: [SlowController],
    imports: [
      PlatformModule.forService({
        service: 'profiles',
        mongo: false,
        kafka: false,
        config: { shutdownTimeoutMs, shutdownDelayMs: 200 },
      }),
    ],
    providers: [SlowDependency],
  })
  class DrainTestModule {}
  return DrainTestModule;
}

interface DrainScenario {
  /** A client that starts its request right after the signal (during the readiness pause). */
  duringPause?: (port: number) => Promise<unknown>;
  /** A client whose request is already running when the signal comes. */
  inFlight?: (port: number) => Promise<unknown>;
  http?: 'express' | 'fastify';
  shutdownTimeoutMs?: number;
}

async function drainWith(stepMs: number | 'never', scenario: DrainScenario = {}) {
  const { duringPause, inFlight, http = 'express', shutdownTimeoutMs = 1000 } = scenario;
  const ref = await Test.createTestingModule({ imports: [moduleWith(stepMs, shutdownTimeoutMs)] }).compile();
  const app =
    http === 'fastify'
      ? ref.createNestApplication(new FastifyAdapter(), { logger: false })
      : ref.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer() as Server).address() as { port: number };
  const state = app.get(ShutdownState);
  const exited = new Promise<{ code: number; ms: number; report: ReturnType<ShutdownState['report']> }>((resolve) => {
    const startedAt = Date.now();
    drainOnSignals(app, {
      signals: [SIGNAL],
      exit: (code) => resolve({ code, ms: Date.now() - startedAt, report: state.report() }),
    });
  });
  const earlyClient = inFlight?.(port.port);
  if (earlyClient) await new Promise((r) => setTimeout(r, 100));
  process.emit(SIGNAL, SIGNAL);
  const client = duringPause?.(port.port) ?? earlyClient;
  const result = await exited;
  await client;
  process.removeAllListeners(SIGNAL);
  return { ...result, state, app };
}

describe('drainOnSignals', () => {
  it('exits 0 once every step has finished, after the readiness pause, with each step timed', async () => {
    const { code, ms, report } = await drainWith(100);
    expect(code).toBe(0);
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(report.pending).toEqual({});
    expect(report.finished['readiness pause']).toBeGreaterThanOrEqual(190);
    expect(report.finished['flush the widget queue']).toBeGreaterThanOrEqual(90);
  });

  it.each(['express', 'fastify'] as const)(
    'closes a kept-alive connection once the request it carried during the drain is answered (%s)',
    async (adapter) => {
      // A balancer's pooled connection: the request arrives during the readiness pause and is still running when
      // the HTTP server closes; the client keeps the connection open afterwards, as pools do.
      const agent = new Agent({ keepAlive: true });
      const answers: Array<{ status?: number; connection?: string }> = [];
      const { code, ms } = await drainWith(0, {
        duringPause: (port) =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              get({ host: '127.0.0.1', port, path: '/slow', agent }, (res) => {
                res.resume();
                answers.push({ status: res.statusCode, connection: res.headers.connection });
                resolve();
              }).on('error', () => (answers.push({}), resolve()));
            }, 100),
          ),
        http: adapter,
      });
      agent.destroy();
      expect({ code, drainedWithinBudget: ms < 1200 }).toEqual({ code: 0, drainedWithinBudget: true });
      expect(answers).toEqual([{ status: 200, connection: 'close' }]);
    },
  );

  it.each(['express', 'fastify'] as const)(
    'drops a kept-alive connection whose request was already running when the signal came (%s)',
    async (adapter) => {
      // Its answer went out before anyone could say Connection: close; the connection must not idle for the
      // 72 s keep-alive timeout. A generous budget: the assertion is "seconds, not a minute".
      const agent = new Agent({ keepAlive: true });
      const statuses: Array<number | undefined> = [];
      const { code, ms } = await drainWith(0, {
        inFlight: (port) =>
          new Promise<void>((resolve) => {
            get({ host: '127.0.0.1', port, path: '/slow', agent }, (res) => {
              res.resume();
              statuses.push(res.statusCode);
              resolve();
            }).on('error', () => (statuses.push(undefined), resolve()));
          }),
        http: adapter,
        shutdownTimeoutMs: 10_000,
      });
      agent.destroy();
      expect(statuses).toEqual([200]);
      expect({ code, drainedInSeconds: ms < 3000 }).toEqual({ code: 0, drainedInSeconds: true });
    },
  );

  it('cuts a hanging drain short at delay + timeout with exit 1 and names the step that hangs', async () => {
    const { code, ms, report, state, app } = await drainWith('never');
    // The drain never ends by itself here: let go of the listening socket the process would have taken along.
    (app.getHttpServer() as Server).close();
    expect(code).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(1200);
    expect(ms).toBeLessThan(5000);
    expect(Object.keys(report.pending)).toEqual(['flush the widget queue']);
    expect(report.finished['readiness pause']).toBeGreaterThanOrEqual(190);
    expect(state.isShuttingDown).toBe(true);
  });
});
