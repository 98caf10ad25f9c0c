import { type ArgumentsHost, Catch, Inject, Optional } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import { ROOT_LOGGER } from '@trellis/shared/platform';
import type { Logger } from '@trellis/shared/observability';
import { classifyError } from './errors';

/**
 * Without this, Nest logs every error a resolver throws at error level with its stack — a typo in a form, a date in
 * the past, an "already accepted" — and operators' error rates and alerts fill with what people do every day. A
 * refusal with a public code is logged at debug with that code; anything else goes on to `formatError`, which logs it
 * once at error level with the correlation id it answers. HTTP routes keep Nest's own handling.
 */
@Catch()
export class RefusalLoggingFilter extends BaseExceptionFilter {
  constructor(@Optional() @Inject(ROOT_LOGGER) private readonly root?: Logger) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);
    const refusal = classifyError(exception);
    if (refusal) this.root?.debug({ code: refusal.code, refusal: refusal.message }, 'request refused');
    return exception;
  }
}
