import { Injectable, NestMiddleware } from '@nestjs/common';
import { newCorrelationId, runWithCorrelation } from '@trellis/shared/observability';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';

const acceptable = /^[A-Za-z0-9._:-]{8,128}$/;

/** Carries the caller's correlation id (or a new one) through the request so logs and appended events share it. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const incoming = req.headers[CORRELATION_HEADER];
    const correlationId = typeof incoming === 'string' && acceptable.test(incoming) ? incoming : newCorrelationId();
    res.setHeader(CORRELATION_HEADER, correlationId);
    runWithCorrelation({ correlationId }, next);
  }
}
