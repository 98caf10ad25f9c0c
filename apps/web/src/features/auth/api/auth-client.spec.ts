import { describe, expect, it } from 'vitest';
import { oidcSettings } from './auth-client';

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
