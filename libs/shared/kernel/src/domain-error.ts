/** The codes the API layer turns into GraphQL error codes; a domain decision never leaks anything else. */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

/**
 * A decision a person can act on ("enrollment is closed"), thrown by pure deciders and shown to the user as is.
 * It lives in the kernel so that domain libraries (which import no infrastructure) and the command handler agree
 * on one type.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
