/**
 * The matching domain's own error: domain code may not import the event store (type:infra), so the app maps this to
 * the shared DomainError. Messages are written for the person who sent the command, never for a log reader.
 */
export type MatchingErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

export class MatchingError extends Error {
  constructor(
    readonly code: MatchingErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'MatchingError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new MatchingError('BAD_USER_INPUT', message, details);
export const notFound = (message: string, details?: Record<string, unknown>) =>
  new MatchingError('NOT_FOUND', message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new MatchingError('CONFLICT', message, details);
export const forbidden = (message: string, details?: Record<string, unknown>) =>
  new MatchingError('FORBIDDEN', message, details);
