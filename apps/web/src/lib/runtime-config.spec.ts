import { describe, expect, it } from 'vitest';
import { fetchRuntimeConfig, parseRuntimeConfig } from './runtime-config';

describe('runtime configuration', () => {
  it('accepts an issuer URL and a client id, without a trailing slash on the issuer', () => {
    expect(parseRuntimeConfig({ issuer: 'https://id.example.org/', clientId: 'trellis-web' })).toEqual({
      issuer: 'https://id.example.org',
      clientId: 'trellis-web',
      scope: 'openid profile email offline_access',
    });
  });

  it('asks for the scopes the provider needs, which must include openid', () => {
    const scope = 'openid profile offline_access api://trellis/access';
    expect(parseRuntimeConfig({ issuer: 'https://id.example.org', clientId: 'x', scope }).scope).toBe(scope);
    expect(() => parseRuntimeConfig({ issuer: 'https://id.example.org', clientId: 'x', scope: 'profile' })).toThrow(
      /scope/,
    );
  });

  it('refuses a configuration it could not sign in with', () => {
    expect(() => parseRuntimeConfig({ issuer: 'id.example.org', clientId: 'x' })).toThrow(/issuer/);
    expect(() => parseRuntimeConfig({ issuer: 'https://id.example.org', clientId: ' ' })).toThrow(/clientId/);
    expect(() => parseRuntimeConfig(null)).toThrow(/issuer/);
  });

  it('reads /config.json from the page’s own origin', async () => {
    const requested: string[] = [];
    const fetchFn = (url: string | URL | Request) => {
      requested.push(url instanceof Request ? url.url : url.toString());
      return Promise.resolve(Response.json({ issuer: 'http://127.0.0.1:4010', clientId: 'trellis-web' }));
    };
    await expect(fetchRuntimeConfig(fetchFn as typeof fetch)).resolves.toMatchObject({
      issuer: 'http://127.0.0.1:4010',
      clientId: 'trellis-web',
    });
    expect(requested).toEqual(['/config.json']);
  });
});
