import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { calculateJwkThumbprint, type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { DEFAULT_DEV_ISSUER_PORT, loadAuthConfig } from './auth-config';
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
  publicJwk: JWK;
}

export interface DevIssuer {
  issuer: string;
  jwksUrl: string;
  mint(principal: Principal, options?: MintOptions): Promise<string>;
  stop(): Promise<void>;
}

export interface DevIssuerOptions {
  /** 0 picks a free port. Default TRELLIS_DEV_ISSUER_PORT or 4010. */
  port?: number;
  /** Where the RSA key lives; created on first use and reused so tokens survive restarts. */
  keyFile?: string;
  /** Audience of minted tokens when `mint` is not told otherwise. Default TRELLIS_AUTH_AUDIENCE or `trellis`. */
  audience?: string;
}

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
 * A local OIDC issuer for development and tests: serves its JWKS and a discovery document on 127.0.0.1 and mints
 * tokens in-process. Never for production: anyone with the key file can be anyone.
 */
export async function startDevIssuer(options: DevIssuerOptions = {}): Promise<DevIssuer> {
  const key = await loadOrCreateDevSigningKey(options.keyFile ?? defaultDevKeyFile());
  const audience = options.audience ?? loadAuthConfig().audience;
  const requestedPort = options.port ?? Number(process.env['TRELLIS_DEV_ISSUER_PORT'] ?? DEFAULT_DEV_ISSUER_PORT);
  let issuer = '';
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(405, { error: 'method not allowed' });
    if (pathname === '/.well-known/jwks.json') return send(200, { keys: [key.publicJwk] });
    if (pathname === '/.well-known/openid-configuration') {
      return send(200, {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        id_token_signing_alg_values_supported: ['RS256'],
        subject_types_supported: ['public'],
        response_types_supported: ['token'],
        claims_supported: ['sub', 'org', 'roles', 'iss', 'aud', 'exp', 'iat'],
      });
    }
    return send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    mint: (principal, mintOptions) => mintToken(key, principal, { issuer, audience }, mintOptions),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
