import { loadGatewayConfig } from './gateway.config';

describe('gateway configuration', () => {
  it('defaults to the four subgraphs on their ports, Fastify, introspection outside production', () => {
    const config = loadGatewayConfig({});
    expect(config.subgraphs.map((s) => s.url)).toEqual([
      'http://127.0.0.1:4001/graphql',
      'http://127.0.0.1:4002/graphql',
      'http://127.0.0.1:4003/graphql',
      'http://127.0.0.1:4004/graphql',
    ]);
    expect(config.subgraphs[0]?.sdlUrl).toBe('http://127.0.0.1:4001/subgraph/sdl');
    expect(config.http).toBe('fastify');
    expect(config.introspection).toBe(true);
    expect(config.eventTopics).toContain('profiles.events.v1');
    expect(loadGatewayConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
  });

  it('reads subgraph URLs and limits from the environment and names a bad value', () => {
    const config = loadGatewayConfig({
      TRELLIS_GATEWAY_SUBGRAPHS: 'profiles',
      TRELLIS_PROFILES_URL: 'http://profiles.trellis.svc:8080/',
      TRELLIS_GATEWAY_MAX_DEPTH: '8',
    });
    expect(config.subgraphs).toEqual([
      {
        name: 'profiles',
        url: 'http://profiles.trellis.svc:8080/graphql',
        sdlUrl: 'http://profiles.trellis.svc:8080/subgraph/sdl',
      },
    ]);
    expect(config.limits.maxDepth).toBe(8);
    expect(() => loadGatewayConfig({ TRELLIS_GATEWAY_HTTP: 'koa' })).toThrow(/TRELLIS_GATEWAY_HTTP/);
  });
});
