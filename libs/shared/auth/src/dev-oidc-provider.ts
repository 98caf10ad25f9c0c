import { randomBytes } from 'node:crypto';
import type { Configuration, errors as ProviderErrors, JWK as ProviderJwk, KoaContextWithOIDC } from 'oidc-provider';
import type Provider from 'oidc-provider';
import { renderErrorPage, renderSignedOutPage, renderSignOutPage, type SignInPerson } from './dev-sign-in-page';
import { ORG_ADMIN_ROLE } from './principal';

export const DEV_WEB_CLIENT_ID = 'trellis-web';
/**
 * The resource indicator (RFC 8707) every authorization defaults to. Its access tokens are JWTs whose `aud` is the
 * Trellis audience, which is what makes them the tokens the apps' TokenVerifier accepts; without a resource the
 * provider would issue opaque tokens only good for its userinfo endpoint.
 */
export const DEV_API_RESOURCE = 'urn:trellis:api';

const ACCESS_TOKEN_SECONDS = 5 * 60;
// A working day: long enough not to interrupt a demo, short enough that a forgotten tab does not stay signed in.
const SESSION_SECONDS = 8 * 60 * 60;

/** The people the provider knows; the sign-in page adds whoever is typed in, so it changes while running. */
export class DevPeople {
  private readonly byId = new Map<string, SignInPerson>();

  constructor(readonly listed: readonly SignInPerson[]) {
    for (const person of listed) this.byId.set(person.personId, person);
  }

  find(personId: string): SignInPerson | undefined {
    return this.byId.get(personId);
  }

  /**
   * Accounts are keyed by person id alone because the access token's `sub` must be that id; a person typed in under
   * a second organization replaces the first until the provider restarts.
   */
  remember(person: SignInPerson): void {
    this.byId.set(person.personId, person);
  }
}

export interface DevOidcProviderOptions {
  issuer: string;
  audience: string;
  /** The RS256 signing key with its private members, the same key `mint` signs with. */
  privateJwk: ProviderJwk;
  people: DevPeople;
  /** Origins the web client may be served from: each gets `/auth/callback` and `/` registered, and CORS. */
  webOrigins: readonly string[];
}

function trellisClaims(person: SignInPerson): { org: string; roles: string[] } {
  return { org: person.tenantId, roles: person.orgAdmin ? [ORG_ADMIN_ROLE] : [] };
}

function html(ctx: KoaContextWithOIDC, body: string): void {
  ctx.type = 'html';
  ctx.body = body;
}

/**
 * Configures oidc-provider as a first-party development provider: one public client (the web app, Authorization Code
 * with PKCE S256 only), JWT access tokens for the Trellis audience, rotating refresh tokens that die with the session,
 * consent granted without asking, in-memory storage (a restart signs everyone out).
 */
export function devOidcConfiguration(options: DevOidcProviderOptions, errors: typeof ProviderErrors): Configuration {
  const { people, audience } = options;
  const origins = new Set(options.webOrigins.map((origin) => new URL(origin).origin));
  return {
    clients: [
      {
        client_id: DEV_WEB_CLIENT_ID,
        client_name: 'Trellis web',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...origins].map((origin) => `${origin}/auth/callback`),
        post_logout_redirect_uris: [...origins].map((origin) => `${origin}/`),
      },
    ],
    jwks: { keys: [options.privateJwk] },
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'offline_access'],
    // org and roles ride on `openid` so every ID token carries them, whatever else the client asks for.
    claims: { openid: ['sub', 'org', 'roles'], profile: ['name'] },
    conformIdTokenClaims: false,
    routes: { jwks: '/.well-known/jwks.json' },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    clientBasedCORS: (_ctx, origin) => origins.has(origin),
    findAccount: (_ctx, sub) => {
      const person = people.find(sub);
      if (!person) return undefined;
      return {
        accountId: person.personId,
        claims: () => ({ sub: person.personId, name: person.displayName, ...trellisClaims(person) }),
      };
    },
    extraTokenClaims: (_ctx, token) => {
      const person = 'accountId' in token ? people.find(token.accountId) : undefined;
      return person ? trellisClaims(person) : undefined;
    },
    // Without offline_access the refresh token expires with the session, so signing out ends silent renewal too.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: ACCESS_TOKEN_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_SECONDS,
      RefreshToken: SESSION_SECONDS,
      Interaction: 10 * 60,
      Session: SESSION_SECONDS,
      Grant: SESSION_SECONDS,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => html(ctx, renderSignOutPage(form)),
        postLogoutSuccessSource: (ctx) => html(ctx, renderSignedOutPage()),
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => DEV_API_RESOURCE,
        // The code carries the resource, so the token request need not repeat it (SPA libraries do not send one).
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== DEV_API_RESOURCE)
            throw new errors.InvalidTarget('this provider only issues tokens for Trellis');
          return {
            scope: '',
            audience,
            accessTokenTTL: ACCESS_TOKEN_SECONDS,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    renderError: (ctx, out) =>
      html(ctx, renderErrorPage({ error: out.error, description: out.error_description, state: out.state })),
  };
}

/** oidc-provider ships ES modules only; loading it on first use keeps it out of every app that imports this library. */
export async function createDevOidcProvider(options: DevOidcProviderOptions): Promise<Provider> {
  const { Provider: ProviderClass, errors } = await import('oidc-provider');
  return new ProviderClass(options.issuer, devOidcConfiguration(options, errors));
}
