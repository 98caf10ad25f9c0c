import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The one error a client is told to retry: a subgraph could not be reached (restarting, draining, overloaded). The
 * operation had no effect, or its effect is safe to repeat because mutations carry a `commandId`. Clients wait
 * `retryAfterMs` and send the same operation again (same variables, same `commandId`); the HTTP response also
 * carries `Retry-After` (seconds). Every other error code means "do not retry".
 */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const DEFAULT_RETRY_AFTER_MS = 1000;

export interface RetryableExtensions {
  code: typeof SERVICE_UNAVAILABLE;
  retryable: true;
  retryAfterMs: number;
}

export function serviceUnavailable(subgraph: string, retryAfterMs = DEFAULT_RETRY_AFTER_MS): GraphQLError {
  const extensions: Record<string, unknown> & RetryableExtensions & { subgraph: string } = {
    code: SERVICE_UNAVAILABLE,
    retryable: true,
    retryAfterMs,
    subgraph,
  };
  return new GraphQLError(`The ${subgraph} service is unavailable for a moment; retry the operation.`, {
    extensions,
  });
}

/** The retryable error somewhere in what Apollo hands to `formatError` (it may wrap what the data source threw). */
export function findRetryable(error: unknown): GraphQLError | undefined {
  // The innermost one: a wrapper copies the extensions but may have its own message.
  let found: GraphQLError | undefined;
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof GraphQLError && current.extensions?.['code'] === SERVICE_UNAVAILABLE) found = current;
    current = (current as GraphQLError).originalError;
  }
  return found;
}

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Lets the retryable error through with its code and hints; everything else goes to the shared (masking) formatter. */
export function withRetryableErrors(format: Formatter): Formatter {
  return (formatted, error) => {
    const retryable = findRetryable(error);
    if (!retryable) return format(formatted, error);
    const {
      code,
      retryable: flag,
      retryAfterMs,
      subgraph,
      serviceName,
    } = retryable.extensions as unknown as RetryableExtensions & {
      subgraph?: string;
      serviceName?: string;
    };
    // A subgraph whose own dependency is away (MongoDB, the broker) says so itself; Apollo names it serviceName.
    return {
      message: retryable.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code,
        retryable: flag,
        retryAfterMs: Number(retryAfterMs) || DEFAULT_RETRY_AFTER_MS,
        subgraph: subgraph ?? serviceName,
      },
    };
  };
}

/** Adds `Retry-After` to a response that holds a retryable error, for clients that look at HTTP only. */
export function retryAfterPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ response }) => {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const waits = errors
            .filter((e) => e.extensions?.['code'] === SERVICE_UNAVAILABLE)
            .map((e) => Number(e.extensions?.['retryAfterMs']) || DEFAULT_RETRY_AFTER_MS);
          if (waits.length) {
            response.http.headers.set('retry-after', String(Math.max(1, Math.ceil(Math.max(...waits) / 1000))));
          }
          return Promise.resolve();
        },
      }),
  };
}
