import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOidcAuthClient, oidcSettings, RENEWAL_LEAD_SECONDS, toSignedInUser } from './auth-client';

const getUser = vi.fn(() => Promise.resolve(null));
vi.mock('./user-manager', async (original) => {
  const actual = await original<typeof import('./user-manager')>();
  return {
    createUserManager: (...args: Parameters<typeof actual.createUserManager>) => {
      const manager = actual.createUserManager(...args);
      manager.getUser = getUser;
      return manager;
    },
  };
});

describe('OIDC settings', () => {
  const settings = oidcSettings({
    issuer: 'https://id.example.org',
    clientId: 'trellis-web',
    scope: 'openid profile email offline_access',
    origin: 'https://trellis.example.org',
  });

  it('uses the authorization code flow against the configured issuer and client', () => {
    expect(settings).toMatchObject({
      authority: 'https://id.example.org',
      client_id: 'trellis-web',
      response_type: 'code',
    });
  });

  it('returns to the app’s callback and, after signing out, to its start page', () => {
    expect(settings.redirect_uri).toBe('https://trellis.example.org/auth/callback');
    expect(settings.post_logout_redirect_uri).toBe('https://trellis.example.org/');
  });

  it('renews tokens in the background with a refresh token', () => {
    expect(settings.automaticSilentRenew).toBe(true);
    expect(settings.scope?.split(' ')).toEqual(expect.arrayContaining(['openid', 'offline_access']));
  });
});

describe('the session of a returning visitor', () => {
  const options = {
    issuer: 'https://id.example.org',
    clientId: 'trellis-web',
    scope: 'openid profile email offline_access',
    origin: 'https://trellis.example.org',
  };
  const now = () => Math.floor(Date.now() / 1000);

  /** Stores a user exactly as oidc-client-ts does after a sign-in. */
  async function signedInWithTheLibrary(expiresInSeconds: number) {
    const manager = new UserManager({
      ...oidcSettings(options),
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
    await manager.storeUser(
      new User({
        access_token: 'access-token',
        token_type: 'Bearer',
        profile: { sub: 'person-ada', name: 'Ada Lovelace', iss: options.issuer, aud: 'trellis-web', exp: 0, iat: 0 },
        expires_at: now() + expiresInSeconds,
      }),
    );
  }

  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => {
    vi.useRealTimers();
    window.sessionStorage.clear();
    getUser.mockClear();
  });

  it('is read from where oidc-client-ts stored it, without loading the library', async () => {
    await signedInWithTheLibrary(3600);
    const client = createOidcAuthClient(options);
    expect(await client.currentUser()).toEqual({ name: 'Ada Lovelace', accessToken: 'access-token' });
    expect(getUser).not.toHaveBeenCalled();
  });

  it('is over once the token expired', async () => {
    await signedInWithTheLibrary(-5);
    expect(await createOidcAuthClient(options).currentUser()).toBeNull();
  });

  it('hands the session to oidc-client-ts before the token expires, which renews it', async () => {
    await signedInWithTheLibrary(3600);
    await createOidcAuthClient(options).currentUser();
    await vi.advanceTimersByTimeAsync((3600 - RENEWAL_LEAD_SECONDS - 1) * 1000);
    expect(getUser).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000);
    await vi.waitFor(() => expect(getUser).toHaveBeenCalled());
  });
});

describe('the signed-in person', () => {
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
  const session = (profile: Record<string, string>) => ({
    expires_at: inAnHour(),
    access_token: 'token',
    profile: { sub: 'p-42', iss: 'https://id.example.org', aud: 'trellis-web', exp: 0, iat: 0, ...profile },
  });

  it('takes the name the provider tells', () => {
    expect(toSignedInUser(session({ name: 'Amara Okafor', email: 'a@example.org' }))).toEqual({
      name: 'Amara Okafor',
      email: 'a@example.org',
      accessToken: 'token',
    });
    expect(toSignedInUser(session({ preferred_username: 'amara' }))?.name).toBe('amara');
  });

  it('has no name when the provider only repeats the person’s id, or tells none', () => {
    expect(toSignedInUser(session({ name: 'p-42' }))?.name).toBeUndefined();
    expect(toSignedInUser(session({}))?.name).toBeUndefined();
  });

  it('is nobody once the session expired', () => {
    expect(toSignedInUser({ ...session({ name: 'Amara' }), expires_at: inAnHour() - 3605 })).toBeNull();
  });
});
