import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { ServiceMetrics } from '@trellis/shared/observability';
import { SERVICE_METRICS } from './tokens';

@Controller()
export class MetricsController {
  constructor(@Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
