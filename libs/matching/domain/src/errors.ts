import { DomainError, type DomainErrorCode } from '@trellis/shared/kernel';

/**
 * A decision the person who sent the command can act on. It is the kernel's DomainError (shared with the command
 * runtime, which turns it into a failed result), so the messages are written for people, never for log readers.
 */
export class MatchingError extends DomainError {
  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = 'MatchingError';
  }
}

export type MatchingErrorCode = DomainErrorCode;

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new MatchingError('BAD_USER_INPUT', message, details);
export const notFound = (message: string, details?: Record<string, unknown>) =>
  new MatchingError('NOT_FOUND', message, details);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new MatchingError('CONFLICT', message, details);
export const forbidden = (message: string, details?: Record<string, unknown>) =>
  new MatchingError('FORBIDDEN', message, details);
