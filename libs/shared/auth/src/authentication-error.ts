export type AuthenticationFailure =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'not-yet-valid'
  | 'issuer'
  | 'audience'
  | 'signature'
  | 'algorithm'
  | 'claims';

/** The caller could not be identified. The message tells a person what is wrong with the token, never why in code. */
export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED' as const;

  constructor(
    readonly reason: AuthenticationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
