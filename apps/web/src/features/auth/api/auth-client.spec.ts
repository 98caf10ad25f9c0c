import { describe, expect, it } from 'vitest';
import { oidcSettings, toSignedInUser } from './auth-client';

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

describe('the signed-in person', () => {
  const session = (profile: Record<string, string>) => ({
    expired: false,
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
    expect(toSignedInUser({ ...session({ name: 'Amara' }), expired: true })).toBeNull();
  });
});
