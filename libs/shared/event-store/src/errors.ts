export { DomainError, type DomainErrorCode } from '@trellis/shared/kernel';

/** Another writer appended to the stream first; reload and decide again. Never carries MongoDB's own text. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number | 'no-stream' | 'any',
    readonly actual: number | undefined,
  ) {
    super(
      `Stream ${streamId} was changed concurrently: expected revision ${String(expected)}, found ${actual ?? 'none'}`,
    );
    this.name = 'ConcurrencyError';
  }
}

/** A command id was reused for a different command: a client bug, not a retry. */
export class IdempotencyConflictError extends Error {
  constructor(readonly commitId: string) {
    super(`Command ${commitId} was already applied with different content`);
    this.name = 'IdempotencyConflictError';
  }
}

/**
 * A commit whose event would not pass the service's integration contract on its topic: a bug in the mapper or the
 * contract, never the user's. Refused at append (nothing is written, the operation answers INTERNAL) so that the
 * outbox never holds a commit it cannot publish.
 */
export class IntegrationContractError extends Error {
  constructor(
    readonly commitId: string,
    readonly reason: string,
  ) {
    super(`Commit ${commitId} does not satisfy its integration contract: ${reason}`);
    this.name = 'IntegrationContractError';
  }
}

export class UnknownEventTypeError extends Error {
  constructor(readonly type: string) {
    super(`No event type "${type}" is registered`);
    this.name = 'UnknownEventTypeError';
  }
}

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
