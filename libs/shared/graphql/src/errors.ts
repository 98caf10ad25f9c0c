import { HttpException } from '@nestjs/common';
import { AuthenticationError } from '@trellis/shared/auth';
import { ConcurrencyError, DomainError, IdempotencyConflictError } from '@trellis/shared/event-store';
import { isTransientFailure } from '@trellis/shared/messaging';
import { currentCorrelation, type Logger, newCorrelationId } from '@trellis/shared/observability';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ZodError } from 'zod';

/** The only codes a client ever sees (docs/architecture.md §8); anything else is logged and answered as INTERNAL. */
export const PUBLIC_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type PublicErrorCode = (typeof PUBLIC_ERROR_CODES)[number];

const publicCodes = new Set<string>(PUBLIC_ERROR_CODES);
const domainCodes = new Set<string>(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']);

// Apollo's and graphql-js's own request errors are the client's doing and their messages name only the query.
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

// Extensions that may travel from a subgraph through the gateway to the client; everything else is dropped.
/**
 * Details of a domain refusal that help the person fix it and name only what they already know: the field, the
 * session their new time overlaps, the attendees whose stated availability it misses, the agreement version to sign,
 * the question of a survey whose answer was refused.
 */
const publishedDomainDetails = [
  'field',
  'clashingSessionId',
  'outsideAvailabilityPersonIds',
  'version',
  'latestVersion',
  'questionId',
] as const;

const safeExtensions = [
  'issues',
  'correlationId',
  'retryAfterSeconds',
  'retryable',
  'retryAfterMs',
  'reason',
  'limit',
  ...publishedDomainDetails,
] as const;

const httpStatusCodes: Record<number, PublicErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  422: 'BAD_USER_INPUT',
  429: 'RATE_LIMITED',
};

/** How long a client waits before it repeats an operation that met a dependency away for a moment. */
export const DEPENDENCY_RETRY_AFTER_MS = 1000;

/** An error whose message is meant for the caller, with one of the public codes. */
export function publicError(
  code: PublicErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

function innermost(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    // The gateway wraps a subgraph's error around the plain JSON object it received: that one is not descended into.
    if (!(current instanceof GraphQLError) || !(current.originalError instanceof Error)) break;
    if (current.originalError === current) break;
    current = current.originalError;
  }
  return current;
}

function isDomainError(error: unknown): error is DomainError {
  if (error instanceof DomainError) return true;
  // Domain libraries define their own error class with the same shape (they may not import the event store).
  const candidate = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.name === 'string' &&
    /DomainError$/.test(candidate.name) &&
    typeof candidate.code === 'string' &&
    domainCodes.has(candidate.code)
  );
}

function pickSafe(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of safeExtensions) if (extensions?.[key] !== undefined) kept[key] = extensions[key];
  return kept;
}

export interface ClassifiedError {
  code: PublicErrorCode;
  message: string;
  extensions?: Record<string, unknown>;
}

/** Turns anything thrown while serving a request into what the client may see, or `undefined` if it must be masked. */
export function classifyError(error: unknown): ClassifiedError | undefined {
  const original = innermost(error);
  if (original instanceof AuthenticationError) return { code: 'UNAUTHENTICATED', message: original.message };
  if (isDomainError(original)) {
    const details = original.details ?? {};
    const published = publishedDomainDetails.filter((key) => details[key] !== undefined);
    return {
      code: original.code,
      message: original.message,
      extensions: published.length ? Object.fromEntries(published.map((key) => [key, details[key]])) : undefined,
    };
  }
  if (original instanceof ZodError) {
    const issues = original.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
    const first = issues[0];
    return {
      code: 'BAD_USER_INPUT',
      message: first ? `${first.field || 'input'}: ${first.message}` : 'Invalid input',
      extensions: { field: first?.field, issues },
    };
  }
  // MongoDB or the broker away (stopped, restarting, unreachable): nothing was stored, or what was is safe to repeat
  // (mutations carry a commandId), so the client is told to retry, as the gateway tells it when a subgraph is away.
  if (isTransientFailure(original)) {
    return {
      code: 'SERVICE_UNAVAILABLE',
      message: 'A service this needs is unavailable for a moment; retry the operation.',
      extensions: { retryable: true, retryAfterMs: DEPENDENCY_RETRY_AFTER_MS },
    };
  }
  if (original instanceof ConcurrencyError || original instanceof IdempotencyConflictError) {
    return { code: 'CONFLICT', message: 'Someone else changed this at the same time; reload and try again.' };
  }
  if (original instanceof HttpException) {
    const code = httpStatusCodes[original.getStatus()];
    return code && code !== 'INTERNAL' ? { code, message: original.message } : undefined;
  }
  if (original instanceof GraphQLError) {
    const code = original.extensions?.['code'];
    if (typeof code === 'string' && publicCodes.has(code)) {
      // An INTERNAL error is already masked only if it carries the correlation id of the service that masked it.
      if (code === 'INTERNAL' && typeof original.extensions['correlationId'] !== 'string') return undefined;
      return { code: code as PublicErrorCode, message: original.message, extensions: pickSafe(original.extensions) };
    }
    if (typeof code === 'string' && requestErrorCodes.has(code)) {
      return { code: 'BAD_USER_INPUT', message: original.message, extensions: { reason: code } };
    }
    // graphql-js's own execution errors without a code (e.g. a non-null field resolved to null) are bugs.
    if (code === undefined && original.originalError === undefined && !original.path) {
      return { code: 'BAD_USER_INPUT', message: original.message, extensions: { reason: 'GRAPHQL_VALIDATION_FAILED' } };
    }
  }
  return undefined;
}

/**
 * Apollo `formatError`: public errors keep their message and code; anything else becomes INTERNAL with the request's
 * correlation id and is logged in full, so no stack trace, MongoDB text or upstream URL reaches the client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const classified = classifyError(error);
    const base: GraphQLFormattedError = {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (classified) {
      return {
        ...base,
        message: classified.message,
        extensions: { ...(classified.extensions ?? {}), code: classified.code },
      };
    }
    const correlationId = currentCorrelation()?.correlationId ?? newCorrelationId();
    const original = innermost(error);
    logger.error(
      { err: original instanceof Error ? original : new Error(String(original)), correlationId, path: formatted.path },
      'GraphQL operation failed with an internal error',
    );
    return {
      ...base,
      message: `Internal error; quote correlation id ${correlationId} when reporting it.`,
      extensions: { code: 'INTERNAL', correlationId },
    };
  };
}
