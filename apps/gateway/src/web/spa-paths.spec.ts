import { cacheControlFor, isSpaRoute } from './spa-paths';

describe('the web app routes the gateway serves index.html for', () => {
  it.each(['/', '/auth/callback', '/programs/42', '/auth/callback?code=abc&state=x', '/de/home#top'])(
    '%s is a web app route',
    (url) => expect(isSpaRoute(url)).toBe(true),
  );

  it.each(['/graphql', '/graphql?query=x', '/health/ready', '/health', '/metrics', '/config.json', '/subgraph/sdl'])(
    '%s stays the server’s',
    (url) => expect(isSpaRoute(url)).toBe(false),
  );

  it('answers a missing file with a 404, not the page', () => {
    expect(isSpaRoute('/assets/index-1a2b3c.js')).toBe(false);
    expect(isSpaRoute('/favicon.ico')).toBe(false);
  });

  it('caches hashed assets for a year and revalidates everything else', () => {
    expect(cacheControlFor('assets/index-1a2b3c.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/assets/index-1a2b3c.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('no-cache');
  });
});
