import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { type AuthConfig, DEFAULT_ORG_CLAIM, DEFAULT_ROLES_CLAIM } from './auth-config';
import { AuthenticationError } from './authentication-error';
import { ORG_ADMIN_ROLE, type Principal } from './principal';

const bearer = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i;

/**
 * Verifies OIDC access tokens (RS256 only: an `alg: none` or HS256 token signed with the public key is refused) against
 * the issuer's JWKS, which jose caches and refetches when an unknown `kid` shows up (key rotation).
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly config: AuthConfig) {
    this.keys = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  }

  async verifyAuthorizationHeader(header: string | undefined): Promise<Principal> {
    if (header === undefined || header.trim() === '') {
      throw new AuthenticationError('missing', 'No access token: send an "Authorization: Bearer <token>" header.');
    }
    const match = bearer.exec(header);
    if (!match?.[1]) {
      throw new AuthenticationError(
        'malformed',
        'The Authorization header is not a bearer token: expected "Bearer <token>".',
      );
    }
    return this.verifyToken(match[1]);
  }

  /** For transports without headers (graphql-ws connection parameters). */
  async verifyToken(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw translate(error);
    }
    return principalFromClaims(payload, this.config);
  }
}

export function principalFromClaims(
  payload: JWTPayload,
  names: Pick<AuthConfig, 'orgClaim' | 'rolesClaim'> = {},
): Principal {
  const orgClaim = names.orgClaim ?? DEFAULT_ORG_CLAIM;
  const rolesClaim = names.rolesClaim ?? DEFAULT_ROLES_CLAIM;
  const { sub } = payload;
  const org = claim(payload, orgClaim);
  const roles = claim(payload, rolesClaim);
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) {
    throw new AuthenticationError('claims', 'The access token names no person (claim "sub").');
  }
  if (typeof org !== 'string' || org.length === 0 || org.length > 200) {
    throw new AuthenticationError('claims', `The access token names no organization (claim "${orgClaim}").`);
  }
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((r) => typeof r === 'string'))) {
    throw new AuthenticationError('claims', `The access token's "${rolesClaim}" claim must be a list of strings.`);
  }
  return { personId: sub, tenantId: org, orgAdmin: (roles ?? []).includes(ORG_ADMIN_ROLE) };
}

/**
 * Some providers name claims with URLs (dots included), others nest them (Keycloak's `realm_access.roles`): a claim
 * by the exact name wins, a dotted path is the fallback.
 */
function claim(payload: JWTPayload, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function translate(error: unknown): Error {
  if (error instanceof errors.JWTExpired) {
    return new AuthenticationError('expired', 'The access token has expired: sign in again or mint a new token.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return new AuthenticationError(
          'issuer',
          'The access token was issued by an issuer this service does not trust.',
        );
      case 'aud':
        return new AuthenticationError('audience', 'The access token is meant for another audience, not Trellis.');
      case 'nbf':
      case 'iat':
        return new AuthenticationError('not-yet-valid', 'The access token is not valid yet: check the clocks.');
      default:
        return new AuthenticationError('claims', `The access token lacks a valid "${error.claim}" claim.`);
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new AuthenticationError('algorithm', 'The access token must be signed with RS256.');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AuthenticationError('signature', "The access token's signature does not match the issuer's keys.");
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  ) {
    return new AuthenticationError('malformed', 'The access token is malformed.');
  }
  // JWKS unreachable or invalid: the caller did nothing wrong, so this surfaces as an internal (masked, logged) error.
  return new Error(`Token verification failed: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}
