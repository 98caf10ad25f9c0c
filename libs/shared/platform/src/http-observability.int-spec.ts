// The platform's HTTP layer on a real server: a request continues the caller's W3C trace in a server span, and
// /metrics counts its latency and errors (probes and scrapes excluded).
import { Controller, Get, InternalServerErrorException, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { initTracing, SpanKind } from '@trellis/shared/observability';
import { PlatformModule } from './platform.module';

@Controller('probe')
class ProbeController {
  @Get('ok')
  ok(): { ok: true } {
    return { ok: true };
  }

  @Get('fail')
  fail(): never {
    throw new InternalServerErrorException('planned failure');
  }
}

describe('HTTP observability', () => {
  const exporter = new InMemorySpanExporter();
  let removeExporter: () => void;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    removeExporter = initTracing({ service: 'http-test', exporter: 'none' }).addExporter(exporter);
    @Module({
      imports: [PlatformModule.forService({ service: 'gateway', mongo: false, kafka: false, config: { port: 0 } })],
      controllers: [ProbeController],
    })
    class HttpTestModule {}
    app = await NestFactory.create(HttpTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    removeExporter();
  });

  it('continues the caller trace in a server span and counts errors and latency', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const ok = await fetch(`${base}/probe/ok`, { headers: { traceparent: `00-${traceId}-${callerSpan}-01` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-correlation-id')).toBeTruthy();
    expect((await fetch(`${base}/probe/fail`)).status).toBe(500);
    expect((await fetch(`${base}/probe/missing`)).status).toBe(404);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    const spans = exporter.getFinishedSpans();
    const okSpan = spans.find((s) => s.name === 'GET /probe/ok');
    expect(okSpan?.kind).toBe(SpanKind.SERVER);
    expect(okSpan?.spanContext().traceId).toBe(traceId);
    expect(okSpan?.parentSpanContext?.spanId).toBe(callerSpan);
    expect(okSpan?.attributes['http.response.status_code']).toBe(200);
    expect(spans.find((s) => s.name === 'GET /probe/fail')?.status.code).toBe(2);
    expect(spans.some((s) => s.name.includes('/health'))).toBe(false);

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('trellis_http_errors_total{method="GET",status="500",service="gateway"} 1');
    expect(metrics).toContain('trellis_http_errors_total{method="GET",status="404",service="gateway"} 1');
    expect(metrics).toMatch(
      /trellis_http_request_duration_seconds_count\{service="gateway",method="GET",status_class="2xx"\} 1\n/,
    );
  });
});
