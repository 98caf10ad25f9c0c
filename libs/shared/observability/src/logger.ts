import pino, { type Logger, type LoggerOptions } from 'pino';
import { currentCorrelation } from './correlation';
import { currentTraceId } from './tracing';

export type { Logger } from 'pino';

export function loggerOptions(service: string): LoggerOptions {
  return {
    level: process.env['TRELLIS_LOG_LEVEL'] ?? (process.env['NODE_ENV'] === 'test' ? 'warn' : 'info'),
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = currentCorrelation();
      const traceId = currentTraceId();
      return { ...(context ? { correlationId: context.correlationId } : {}), ...(traceId ? { traceId } : {}) };
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
  };
}

export function createLogger(service: string, options: Partial<LoggerOptions> = {}): Logger {
  return pino({ ...loggerOptions(service), ...options });
}
