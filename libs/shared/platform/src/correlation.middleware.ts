import { Inject, Injectable, type NestMiddleware, Optional } from '@nestjs/common';
import {
  extractTraceContext,
  newCorrelationId,
  runInSpan,
  runWithCorrelation,
  SpanKind,
  SpanStatusCode,
  tracer,
  type ServiceMetrics,
} from '@trellis/shared/observability';
import type { NextFunction, Request, Response } from 'express';
import { SERVICE_METRICS } from './tokens';

export const CORRELATION_HEADER = 'x-correlation-id';

const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;
// Probes and scrapes arrive every few seconds: they would drown the traces and latency figures that matter.
const unobserved = /^\/(health\/|metrics$)/;

/**
 * Carries the caller's correlation id (or a new one) through the request so logs and appended events share it; opens
 * the request's server span (continuing a W3C `traceparent` from the caller) and counts latency and errors.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  constructor(@Optional() @Inject(SERVICE_METRICS) private readonly metrics?: ServiceMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const incoming = req.headers[CORRELATION_HEADER];
    const correlationId = typeof incoming === 'string' && acceptable.test(incoming) ? incoming : newCorrelationId();
    res.setHeader(CORRELATION_HEADER, correlationId);
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
    if (unobserved.test(path)) {
      runWithCorrelation({ correlationId }, next);
      return;
    }
    const started = process.hrtime.bigint();
    const parent = extractTraceContext(req.headers);
    const span = tracer().startSpan(
      `${req.method} ${path}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method, 'url.path': path, 'trellis.correlation_id': correlationId },
      },
      parent,
    );
    res.once('finish', () => {
      const status = res.statusCode;
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics?.httpDuration.observe(
        { method: req.method, status_class: `${Math.floor(status / 100)}xx` },
        seconds,
      );
      if (status >= 400) this.metrics?.httpErrors.inc({ method: req.method, status: String(status) });
    });
    runInSpan(parent, span, () => runWithCorrelation({ correlationId }, next));
  }
}
