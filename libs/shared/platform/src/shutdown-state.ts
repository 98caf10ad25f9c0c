import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { ServiceConfig } from './service-config';
import { SERVICE_CONFIG } from './tokens';

export interface ShutdownStep {
  name: string;
  startedAt: number;
  ms?: number;
}

/**
 * Readiness turns false first on SIGTERM so that the load balancer stops sending traffic while consumers drain.
 * With TRELLIS_SHUTDOWN_DELAY_MS the app then keeps serving that long before it closes anything — what Kubernetes'
 * preStop pause does, for runs without one (the rolling-restart drill): whoever routes by readiness has time to stop.
 *
 * From then on every response says `Connection: close`, and a connection whose request was already in flight is
 * dropped about a second after its answer (keep-alive timeout cut to 1 ms). Closing the HTTP server only closes the
 * connections idle at that moment; a balancer's or gateway's pooled connection that was carrying a request stayed
 * open after the answer until the keep-alive timeout (72 s in Fastify), far past the grace period. Nothing is
 * tracked per request while serving: the request listener only reads a flag.
 *
 * The drain's steps are recorded so that a drain that outlives TRELLIS_SHUTDOWN_TIMEOUT_MS can say what it was
 * still waiting for (see drainOnSignals).
 */
@Injectable()
export class ShutdownState implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  private shuttingDown = false;
  private readonly steps: ShutdownStep[] = [];
  private server: Server | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(SERVICE_CONFIG) private readonly config?: Pick<ServiceConfig, 'shutdownDelayMs'>,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    this.server = this.adapterHost?.httpAdapter?.getHttpServer() as Server | undefined;
    this.server?.on('request', (_request: IncomingMessage, response: ServerResponse) => {
      if (this.shuttingDown) response.setHeader('connection', 'close');
    });
  }

  // The first hook Nest runs on close, before any module lets go of its connections.
  async onModuleDestroy(): Promise<void> {
    this.shuttingDown = true;
    // Node reads it when a response finishes: in-flight requests' connections then close instead of idling.
    if (this.server) this.server.keepAliveTimeout = 1;
    const delay = this.config?.shutdownDelayMs ?? 0;
    if (delay > 0) await this.step('readiness pause', () => new Promise((resolve) => setTimeout(resolve, delay)));
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  /** Runs one part of the drain and records how long it took. */
  async step<T>(name: string, work: () => Promise<T>): Promise<T> {
    const record: ShutdownStep = { name, startedAt: Date.now() };
    this.steps.push(record);
    try {
      return await work();
    } finally {
      record.ms = Date.now() - record.startedAt;
    }
  }

  /** Finished steps with their durations, then the ones still running with how long they have run so far. */
  report(now = Date.now()): { finished: Record<string, number>; pending: Record<string, number> } {
    const finished: Record<string, number> = {};
    const pending: Record<string, number> = {};
    for (const s of this.steps) {
      if (s.ms === undefined) pending[s.name] = now - s.startedAt;
      else finished[s.name] = s.ms;
    }
    return { finished, pending };
  }

  indicator(): HealthIndicatorResult {
    const check = this.indicators.check('lifecycle');
    return this.shuttingDown ? check.down({ message: 'shutting down' }) : check.up();
  }
}
