import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { ShutdownState } from './shutdown-state';
import { InfrastructureHealthIndicators } from './health.indicators';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly infrastructure: InfrastructureHealthIndicators,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Liveness: the process answers. Dependencies are readiness's business; restarting won't fix a broker outage. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Readiness: MongoDB answers a ping, Kafka describes its cluster, no consumer crashed, not shutting down. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [
      () => this.shutdown.indicator(),
      () => this.infrastructure.consumerGroups(),
    ];
    if (this.infrastructure.checksMongo) checks.push(() => this.infrastructure.mongodb());
    if (this.infrastructure.checksKafka) checks.push(() => this.infrastructure.kafka());
    return this.health.check(checks);
  }
}
