import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { type DevIssuer, startDevIssuer } from './dev-issuer';
import type { SignInPerson } from './dev-sign-in-page';
import type { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

const WEB_ORIGIN = 'http://127.0.0.1:4999';
const REDIRECT_URI = `${WEB_ORIGIN}/auth/callback`;

const amara: SignInPerson = {
  personId: 'person-amara',
  tenantId: 'org-north',
  orgAdmin: false,
  displayName: 'Amara Okafor',
  description: 'a mentee',
};
const ada: SignInPerson = {
  personId: 'person-ada',
  tenantId: 'org-north',
  orgAdmin: true,
  displayName: 'Ada Admin',
  description: 'org admin',
};

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported: string[];
  response_types_supported: string[];
  grant_types_supported: string[];
}

interface TokenResponse {
  access_token?: string;
  id_token?: string;
  refresh_token?: string;
  expires_in?: number;
  error?: string;
}

/** What a browser does with cookies, as far as this flow needs: remember them per path, send the matching ones. */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const pathAttribute = attributes.find((a) => a.toLowerCase().startsWith('path='));
      const cookiePath = pathAttribute ? pathAttribute.slice(5) : '/';
      const expires = attributes.find((a) => a.toLowerCase().startsWith('expires='));
      const expired = value === '' || (expires !== undefined && Date.parse(expires.slice(8)) < Date.now());
      const key = `${name};${cookiePath}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path: cookiePath });
    }
  }

  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

class Browser {
  readonly jar = new CookieJar();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.jar.store(response);
    return response;
  }

  /** Follows redirects until one leaves the provider (the web app's URI) or a page is shown. */
  async follow(response: Response, from: string): Promise<{ url: string; response: Response }> {
    let url = from;
    let current = response;
    while (current.status >= 300 && current.status < 400) {
      const location = current.headers.get('location');
      if (!location) throw new Error(`redirect without location from ${url}`);
      url = new URL(location, url).href;
      if (url.startsWith(WEB_ORIGIN)) return { url, response: current };
      current = await this.request(url);
    }
    return { url, response: current };
  }
}

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The form on the sign-in page whose hidden personId is the one wanted, as action URL and fields. */
function formFor(html: string, personId: string): { action: string; fields: URLSearchParams } {
  for (const match of html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)) {
    const [, action = '', body = ''] = match;
    const fields = new URLSearchParams();
    for (const input of body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      fields.set(input[1] ?? '', input[2] ?? '');
    }
    if (fields.get('personId') === personId) return { action, fields };
  }
  throw new Error(`no sign-in button for ${personId}`);
}

describe('development OpenID provider (real HTTP on loopback)', () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-oidc-'));
  let issuer: DevIssuer;
  let discovery: Discovery;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await startDevIssuer({
      port: 0,
      keyFile: path.join(keyDir, 'key.json'),
      people: [amara, ada],
      webOrigins: [WEB_ORIGIN],
    });
    discovery = (await (await fetch(`${issuer.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
    verifier = new TokenVerifier({
      issuer: issuer.issuer,
      audience: 'trellis',
      jwksUrl: issuer.jwksUrl,
      clockToleranceSeconds: 5,
    });
  });

  afterAll(async () => {
    await issuer.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  /** Signs in from scratch with a fresh browser; returns the browser (its session cookie) and the redirect. */
  async function authorize(
    choose: (html: string) => { action: string; fields: URLSearchParams },
    challenge: string,
    browser = new Browser(),
  ): Promise<{ browser: Browser; callback: URL; signInPage: string }> {
    const query = new URLSearchParams({
      client_id: issuer.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid profile',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const start = `${discovery.authorization_endpoint}?${query.toString()}`;
    const page = await browser.follow(await browser.request(start), start);
    expect(page.response.status).toBe(200);
    const signInPage = await page.response.text();
    const { action, fields } = choose(signInPage);
    const target = new URL(action, page.url).href;
    const posted = await browser.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
    const done = await browser.follow(posted, target);
    expect(done.url.startsWith(REDIRECT_URI)).toBe(true);
    return { browser, callback: new URL(done.url), signInPage };
  }

  async function token(parameters: Record<string, string>): Promise<{ status: number; body: TokenResponse }> {
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: WEB_ORIGIN },
      body: new URLSearchParams({ client_id: issuer.clientId, ...parameters }).toString(),
    });
    return { status: response.status, body: (await response.json()) as TokenResponse };
  }

  async function signIn(person: SignInPerson) {
    const { verifier: codeVerifier, challenge } = pkce();
    const flow = await authorize((html) => formFor(html, person.personId), challenge);
    const code = flow.callback.searchParams.get('code') ?? '';
    const exchanged = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: codeVerifier,
    });
    expect(exchanged.status).toBe(200);
    return { ...flow, tokens: exchanged.body };
  }

  it('publishes discovery with the code flow, S256 only, refresh, userinfo, end-session and the shared JWKS', () => {
    expect(discovery.issuer).toBe(issuer.issuer);
    expect(discovery.jwks_uri).toBe(issuer.jwksUrl);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.response_types_supported).toEqual(['code']);
    expect(discovery.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    expect(discovery.grant_types_supported).not.toContain('implicit');
    for (const endpoint of [
      discovery.authorization_endpoint,
      discovery.token_endpoint,
      discovery.userinfo_endpoint,
      discovery.end_session_endpoint,
    ]) {
      expect(endpoint.startsWith(`${issuer.issuer}/`)).toBe(true);
    }
  });

  it('signs a listed person in with code + PKCE: the access token verifies to their principal, the ID token names them', async () => {
    const { callback, signInPage, tokens } = await signIn(ada);
    expect(callback.searchParams.get('state')).toBe('state-1');
    expect(signInPage).toContain('<html lang="en">');
    expect(signInPage).toContain('Sign in as Ada Admin (org admin)');
    expect(signInPage).toContain('Sign in as Amara Okafor (a mentee)');

    const expected: Principal = { personId: ada.personId, tenantId: ada.tenantId, orgAdmin: true };
    await expect(verifier.verifyToken(tokens.access_token ?? '')).resolves.toEqual(expected);
    const access = decodeJwt(tokens.access_token ?? '');
    expect(access.exp! - access.iat!).toBe(300);
    expect(tokens.expires_in).toBe(300);

    const id = decodeJwt(tokens.id_token ?? '');
    expect(id).toMatchObject({
      iss: issuer.issuer,
      aud: issuer.clientId,
      sub: ada.personId,
      name: 'Ada Admin',
      org: ada.tenantId,
      roles: ['org_admin'],
      nonce: 'nonce-1',
    });
  });

  it('signs in anyone typed in by person id and organization id', async () => {
    const { verifier: codeVerifier, challenge } = pkce();
    const flow = await authorize((html) => {
      const action = /<form method="post" action="([^"]+)" aria-labelledby="other">/.exec(html)?.[1] ?? '';
      return { action, fields: new URLSearchParams({ personId: 'person-zed', tenantId: 'org-south' }) };
    }, challenge);
    const { body } = await token({
      grant_type: 'authorization_code',
      code: flow.callback.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
      code_verifier: codeVerifier,
    });
    await expect(verifier.verifyToken(body.access_token ?? '')).resolves.toEqual({
      personId: 'person-zed',
      tenantId: 'org-south',
      orgAdmin: false,
    });
  });

  it('refuses a code redeemed with the wrong code_verifier', async () => {
    const { challenge } = pkce();
    const flow = await authorize((html) => formFor(html, amara.personId), challenge);
    const refused = await token({
      grant_type: 'authorization_code',
      code: flow.callback.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
      code_verifier: pkce().verifier,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_grant');
  });

  it('refreshes with a rotating refresh token', async () => {
    const { tokens } = await signIn(amara);
    expect(tokens.refresh_token).toBeDefined();
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(tokens.access_token);
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
    await expect(verifier.verifyToken(refreshed.body.access_token ?? '')).resolves.toEqual({
      personId: amara.personId,
      tenantId: amara.tenantId,
      orgAdmin: false,
    });
    // Rotation: the spent refresh token is refused (and, as reuse detection, revokes the grant).
    const replayed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(replayed.body.error).toBe('invalid_grant');
  });

  // A weak spot, written down: with the Trellis resource as default every access token is a JWT for the API, and
  // userinfo only takes the provider's own opaque tokens, so the web client reads name/org/roles from the ID token.
  it('serves userinfo, which refuses Trellis access tokens (they are for the API; the ID token has the claims)', async () => {
    const { tokens } = await signIn(amara);
    const anonymous = await fetch(discovery.userinfo_endpoint);
    expect(anonymous.status).toBe(401);
    const withApiToken = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${tokens.access_token ?? ''}` },
    });
    expect(withApiToken.status).toBe(401);
    expect(withApiToken.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('still accepts tokens minted in-process: one JWKS verifies both', async () => {
    const principal: Principal = { personId: 'person-minted', tenantId: 'org-north', orgAdmin: false };
    await expect(verifier.verifyToken(await issuer.mint(principal))).resolves.toEqual(principal);
    const { keys } = (await (await fetch(issuer.jwksUrl)).json()) as { keys: Array<{ kid: string; d?: string }> };
    expect(keys).toHaveLength(1);
    expect(keys[0]?.d).toBeUndefined();
  });

  it('ends the session at end-session: back to the web app, and the refresh token stops working', async () => {
    const { browser, tokens } = await signIn(amara);
    const query = new URLSearchParams({
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: `${WEB_ORIGIN}/`,
      state: 'bye',
    });
    const start = `${discovery.end_session_endpoint}?${query.toString()}`;
    const confirm = await browser.request(start);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('Yes, sign me out');
    const action =
      /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"|<form[^>]*action="([^"]+)"[^>]*id="op.logoutForm"/.exec(html);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const target = new URL(action?.[1] ?? action?.[2] ?? '', start).href;
    const posted = await browser.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    const done = await browser.follow(posted, target);
    expect(done.url).toBe(`${WEB_ORIGIN}/?state=bye`);

    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(refreshed.body.error).toBe('invalid_grant');
  });
});
