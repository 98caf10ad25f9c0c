import { BeforeApplicationShutdown, Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { ServiceConfig } from './service-config';
import { SERVICE_CONFIG } from './tokens';

/**
 * Readiness turns false first on SIGTERM so that the load balancer stops sending traffic while consumers drain.
 * With TRELLIS_SHUTDOWN_DELAY_MS the app then keeps serving that long before it closes anything — what Kubernetes'
 * preStop pause does, for runs without one (the rolling-restart drill): whoever routes by readiness has time to stop.
 */
@Injectable()
export class ShutdownState implements OnModuleDestroy, BeforeApplicationShutdown {
  private shuttingDown = false;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(SERVICE_CONFIG) private readonly config?: Pick<ServiceConfig, 'shutdownDelayMs'>,
  ) {}

  // The first hook Nest runs on close, before any module lets go of its connections.
  async onModuleDestroy(): Promise<void> {
    this.shuttingDown = true;
    const delay = this.config?.shutdownDelayMs ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  indicator(): HealthIndicatorResult {
    const check = this.indicators.check('lifecycle');
    return this.shuttingDown ? check.down({ message: 'shutting down' }) : check.up();
  }
}
