import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { calculateJwkThumbprint, type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { JWK as ProviderJwk } from 'oidc-provider';
import { DEFAULT_DEV_ISSUER_PORT, loadAuthConfig } from './auth-config';
import { devInteractionHandler } from './dev-interactions';
import { createDevOidcProvider, DEV_WEB_CLIENT_ID, DevPeople } from './dev-oidc-provider';
import type { SignInPerson } from './dev-sign-in-page';
import { ORG_ADMIN_ROLE, type Principal } from './principal';

export interface MintOptions {
  /** Lifetime from now; negative mints an already expired token (tests). Default one hour. */
  expiresInSeconds?: number;
  audience?: string;
  issuer?: string;
}

export interface DevSigningKey {
  kid: string;
  privateKey: CryptoKey | Uint8Array;
  /** For the OpenID provider, which signs with the same key so one JWKS verifies both kinds of token. */
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface DevIssuer {
  issuer: string;
  jwksUrl: string;
  /** The audience of its access tokens, minted or issued. */
  audience: string;
  /** The web app's public client (Authorization Code + PKCE, no secret). */
  clientId: string;
  mint(principal: Principal, options?: MintOptions): Promise<string>;
  stop(): Promise<void>;
}

export interface DevIssuerOptions {
  /** 0 picks a free port. Default TRELLIS_DEV_ISSUER_PORT or 4010. */
  port?: number;
  /** Where the RSA key lives; created on first use and reused so tokens survive restarts. */
  keyFile?: string;
  /** Audience of minted and issued tokens (unless `mint` is told otherwise). Default TRELLIS_AUTH_AUDIENCE or `trellis`. */
  audience?: string;
  /** Offered on the sign-in page; anyone else can still sign in by typing a person id and an organization id. */
  people?: readonly SignInPerson[];
  /**
   * Where the web app is served: `${origin}/auth/callback` and `${origin}/` become its redirect URIs. Default
   * TRELLIS_WEB_ORIGIN or the gateway's http://127.0.0.1:4000.
   */
  webOrigins?: readonly string[];
}

export const DEFAULT_WEB_ORIGIN = 'http://127.0.0.1:4000';

export function defaultDevKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['TRELLIS_INFRA_DIR'] ?? '.infra', 'dev-issuer', 'signing-key.json');
}

/**
 * Loads the development issuer's RSA key, generating it on first use. Written to a temporary file and hard-linked into
 * place, so two processes starting at once (`npm start` and `npm run token`) end up with the same key.
 */
export async function loadOrCreateDevSigningKey(keyFile = defaultDevKeyFile()): Promise<DevSigningKey> {
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const temporary = `${keyFile}.${randomUUID()}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
    try {
      fs.linkSync(temporary, keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  const privateJwk = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as JWK;
  const { kty, n, e } = privateJwk;
  if (kty !== 'RSA' || !n || !e)
    throw new Error(`${keyFile} does not hold an RSA key; delete it to generate a new one`);
  const kid = await calculateJwkThumbprint({ kty, n, e });
  return {
    kid,
    privateKey: await importJWK(privateJwk, 'RS256'),
    privateJwk: { ...privateJwk, kid, alg: 'RS256', use: 'sig' },
    publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' },
  };
}

export async function mintToken(
  key: DevSigningKey,
  principal: Principal,
  defaults: { issuer: string; audience: string },
  options: MintOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + (options.expiresInSeconds ?? 3600);
  return new SignJWT({ org: principal.tenantId, roles: principal.orgAdmin ? [ORG_ADMIN_ROLE] : [] })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setSubject(principal.personId)
    .setIssuer(options.issuer ?? defaults.issuer)
    .setAudience(options.audience ?? defaults.audience)
    .setIssuedAt(Math.min(now, expiresAt - 60))
    .setExpirationTime(expiresAt)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

/**
 * A development OpenID Connect provider on 127.0.0.1 (oidc-provider): discovery, Authorization Code with PKCE for the
 * web app's public client, refresh, userinfo, RP-initiated logout, and a sign-in page where you pick who to be. Its
 * access tokens are RS256 JWTs for the Trellis audience, signed with the same key `mint` uses, so tests can keep
 * minting tokens in-process. Never for production: there are no passwords, anyone can be anyone, everything is kept
 * in memory and anyone with the key file can sign tokens.
 */
export async function startDevIssuer(options: DevIssuerOptions = {}): Promise<DevIssuer> {
  const key = await loadOrCreateDevSigningKey(options.keyFile ?? defaultDevKeyFile());
  const audience = options.audience ?? loadAuthConfig().audience;
  const requestedPort = options.port ?? Number(process.env['TRELLIS_DEV_ISSUER_PORT'] ?? DEFAULT_DEV_ISSUER_PORT);
  let handle: http.RequestListener = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // The provider needs its issuer URL up front, and with port 0 that is only known once listening.
  const issuer = `http://127.0.0.1:${port}`;
  try {
    const people = new DevPeople(options.people ?? []);
    const provider = await createDevOidcProvider({
      issuer,
      audience,
      privateJwk: key.privateJwk as ProviderJwk,
      people,
      webOrigins: options.webOrigins ?? [process.env['TRELLIS_WEB_ORIGIN'] ?? DEFAULT_WEB_ORIGIN],
    });
    const providerCallback = provider.callback();
    const interactions = devInteractionHandler(provider, people);
    handle = (req, res) => {
      const served = /^\/interaction\/[^/?]+(?:\?|$)/.test(req.url ?? '')
        ? interactions(req, res)
        : providerCallback(req, res);
      served.catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`development OpenID provider failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    };
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    audience,
    clientId: DEV_WEB_CLIENT_ID,
    mint: (principal, mintOptions) => mintToken(key, principal, { issuer, audience }, mintOptions),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
