import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { freePort, uniqueName } from '@trellis/shared/testing';
import { loadAuthConfig } from './auth-config';
import { AuthenticationError } from './authentication-error';
import { type DevIssuer, loadOrCreateDevSigningKey, mintToken, startDevIssuer } from './dev-issuer';
import type { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

const alice: Principal = { personId: 'person-alice', tenantId: 'org-a', orgAdmin: false };
const admin: Principal = { personId: 'person-admin', tenantId: 'org-a', orgAdmin: true };

async function failure(work: Promise<unknown>): Promise<AuthenticationError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

describe('TokenVerifier against the development issuer (real JWKS over HTTP)', () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-auth')));
  let issuer: DevIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: await freePort(), keyFile: path.join(keyDir, 'key.json') });
    verifier = new TokenVerifier({
      issuer: issuer.issuer,
      audience: 'trellis',
      jwksUrl: issuer.jwksUrl,
      clockToleranceSeconds: 30,
    });
  });

  afterAll(async () => {
    await issuer.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('turns a valid token into the principal its claims name', async () => {
    await expect(verifier.verifyAuthorizationHeader(`Bearer ${await issuer.mint(alice)}`)).resolves.toEqual(alice);
    await expect(verifier.verifyAuthorizationHeader(`bearer ${await issuer.mint(admin)}`)).resolves.toEqual(admin);
  });

  it('refuses a request without a token', async () => {
    expect((await failure(verifier.verifyAuthorizationHeader(undefined))).reason).toBe('missing');
    expect((await failure(verifier.verifyAuthorizationHeader(' '))).message).toMatch(/No access token/);
  });

  it('refuses a header that is not a bearer JWT', async () => {
    expect((await failure(verifier.verifyAuthorizationHeader('Basic dXNlcjpwYXNz'))).reason).toBe('malformed');
    expect((await failure(verifier.verifyAuthorizationHeader('Bearer not-a-jwt'))).reason).toBe('malformed');
    expect((await failure(verifier.verifyAuthorizationHeader('Bearer e30.e30.c2ln'))).reason).toBe('malformed');
  });

  it('refuses an expired token, with a message that says so', async () => {
    const token = await issuer.mint(alice, { expiresInSeconds: -120 });
    const error = await failure(verifier.verifyAuthorizationHeader(`Bearer ${token}`));
    expect(error.reason).toBe('expired');
    expect(error.message).toMatch(/expired/);
  });

  it('accepts a token that expired within the clock tolerance', async () => {
    const token = await issuer.mint(alice, { expiresInSeconds: -5 });
    await expect(verifier.verifyAuthorizationHeader(`Bearer ${token}`)).resolves.toEqual(alice);
  });

  it('refuses a token from another issuer and one for another audience', async () => {
    const foreign = await issuer.mint(alice, { issuer: 'https://evil.example.com' });
    expect((await failure(verifier.verifyAuthorizationHeader(`Bearer ${foreign}`))).reason).toBe('issuer');
    const elsewhere = await issuer.mint(alice, { audience: 'another-app' });
    const error = await failure(verifier.verifyAuthorizationHeader(`Bearer ${elsewhere}`));
    expect(error.reason).toBe('audience');
    expect(error.message).toMatch(/audience/);
  });

  it('refuses a token signed by another key, and a tampered one', async () => {
    const otherKey = await loadOrCreateDevSigningKey(path.join(keyDir, 'other.json'));
    const forged = await mintToken(otherKey, alice, { issuer: issuer.issuer, audience: 'trellis' });
    expect((await failure(verifier.verifyAuthorizationHeader(`Bearer ${forged}`))).reason).toBe('signature');

    const [header, , signature] = (await issuer.mint(alice)).split('.');
    const claims = { sub: 'person-alice', org: 'org-b', iss: issuer.issuer, aud: 'trellis', exp: 9_999_999_999 };
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await failure(verifier.verifyAuthorizationHeader(`Bearer ${tampered}`))).reason).toBe('signature');
  });

  it('refuses a token signed with a symmetric algorithm', async () => {
    const hs256 = await new SignJWT({ org: 'org-a' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('person-alice')
      .setIssuer(issuer.issuer)
      .setAudience('trellis')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!!'));
    expect((await failure(verifier.verifyAuthorizationHeader(`Bearer ${hs256}`))).reason).toBe('algorithm');
  });

  it('refuses a token that names no organization', async () => {
    const key = await loadOrCreateDevSigningKey(path.join(keyDir, 'key.json'));
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setSubject('person-alice')
      .setIssuer(issuer.issuer)
      .setAudience('trellis')
      .setExpirationTime('1h')
      .sign(key.privateKey);
    const error = await failure(verifier.verifyAuthorizationHeader(`Bearer ${token}`));
    expect(error.reason).toBe('claims');
    expect(error.message).toMatch(/organization/);
  });

  it('keeps its key across restarts, so tokens minted before still verify', async () => {
    const token = await issuer.mint(alice);
    const again = await startDevIssuer({ port: 0, keyFile: path.join(keyDir, 'key.json') });
    try {
      const jwks = (await (await fetch(again.jwksUrl)).json()) as { keys: Array<{ kid: string }> };
      const first = (await (await fetch(issuer.jwksUrl)).json()) as { keys: Array<{ kid: string }> };
      expect(jwks.keys.map((k) => k.kid)).toEqual(first.keys.map((k) => k.kid));
      const discovery = (await (await fetch(`${again.issuer}/.well-known/openid-configuration`)).json()) as {
        issuer: string;
        jwks_uri: string;
      };
      expect(discovery).toMatchObject({ issuer: again.issuer, jwks_uri: again.jwksUrl });
      const other = new TokenVerifier({ ...loadAuthConfig({}), issuer: issuer.issuer, jwksUrl: again.jwksUrl });
      await expect(other.verifyToken(token)).resolves.toEqual(alice);
    } finally {
      await again.stop();
    }
  });
});

describe('loadAuthConfig', () => {
  it('defaults to the local development issuer', () => {
    expect(loadAuthConfig({})).toEqual({
      issuer: 'http://127.0.0.1:4010',
      audience: 'trellis',
      jwksUrl: 'http://127.0.0.1:4010/.well-known/jwks.json',
      clockToleranceSeconds: 30,
      orgClaim: 'org',
      rolesClaim: 'roles',
    });
  });

  it('reads issuer, audience, JWKS URL and tolerance from the environment and names a bad value', () => {
    expect(
      loadAuthConfig({
        TRELLIS_AUTH_ISSUER: 'https://id.example.com/',
        TRELLIS_AUTH_AUDIENCE: 'api://trellis',
        TRELLIS_AUTH_CLOCK_TOLERANCE_S: '5',
      }),
    ).toEqual({
      issuer: 'https://id.example.com',
      audience: 'api://trellis',
      jwksUrl: 'https://id.example.com/.well-known/jwks.json',
      clockToleranceSeconds: 5,
      orgClaim: 'org',
      rolesClaim: 'roles',
    });
    expect(loadAuthConfig({ TRELLIS_AUTH_JWKS_URL: 'https://keys.example.com/k' }).jwksUrl).toBe(
      'https://keys.example.com/k',
    );
    expect(() => loadAuthConfig({ TRELLIS_AUTH_CLOCK_TOLERANCE_S: 'soon' })).toThrow(/TRELLIS_AUTH_CLOCK_TOLERANCE_S/);
  });
});
