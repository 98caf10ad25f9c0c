import { z } from 'zod';

export interface AuthConfig {
  /** Expected `iss` claim. */
  issuer: string;
  /** Expected `aud` claim. */
  audience: string;
  /** Where the issuer publishes its signing keys. */
  jwksUrl: string;
  /** Accepted clock difference between the issuer and this process for `exp`/`nbf`. */
  clockToleranceSeconds: number;
  /**
   * Claim naming the organization (tenant). Default `org`; Microsoft Entra ID puts its directory in `tid`. A name
   * with dots that is not itself a claim is read as a path into nested claims.
   */
  orgClaim?: string;
  /** Claim listing the roles, `org_admin` among them. Default `roles`; Keycloak's realm roles: `realm_access.roles`. */
  rolesClaim?: string;
}

export const DEFAULT_ORG_CLAIM = 'org';
export const DEFAULT_ROLES_CLAIM = 'roles';

export const DEFAULT_DEV_ISSUER_PORT = 4010;

const schema = z.object({
  TRELLIS_AUTH_ISSUER: z.string().url().default(`http://127.0.0.1:${DEFAULT_DEV_ISSUER_PORT}`),
  TRELLIS_AUTH_AUDIENCE: z.string().min(1).default('trellis'),
  TRELLIS_AUTH_JWKS_URL: z.string().url().optional(),
  TRELLIS_AUTH_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(600).default(30),
  TRELLIS_AUTH_ORG_CLAIM: z.string().min(1).default(DEFAULT_ORG_CLAIM),
  TRELLIS_AUTH_ROLES_CLAIM: z.string().min(1).default(DEFAULT_ROLES_CLAIM),
});

/** Reads the token-verification settings; a bad value stops start-up with a message naming the variable. */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid authentication configuration: ${problems}`);
  }
  const values = parsed.data;
  const issuer = values.TRELLIS_AUTH_ISSUER.replace(/\/+$/, '');
  return {
    issuer,
    audience: values.TRELLIS_AUTH_AUDIENCE,
    jwksUrl: values.TRELLIS_AUTH_JWKS_URL ?? `${issuer}/.well-known/jwks.json`,
    clockToleranceSeconds: values.TRELLIS_AUTH_CLOCK_TOLERANCE_S,
    orgClaim: values.TRELLIS_AUTH_ORG_CLAIM,
    rolesClaim: values.TRELLIS_AUTH_ROLES_CLAIM,
  };
}
