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

  it('takes several instances of a subgraph, the first one for the SDL, and refuses a list entry that is no URL', () => {
    const config = loadGatewayConfig({
      TRELLIS_GATEWAY_SUBGRAPHS: 'profiles,matching',
      TRELLIS_GATEWAY_PROFILES_URLS: 'http://10.0.0.1:4001/, http://10.0.0.2:4001',
      TRELLIS_GATEWAY_SUBGRAPH_PROBE_MS: '250',
      TRELLIS_GATEWAY_RETRY_AFTER_MS: '500',
    });
    expect(config.subgraphs[0]).toEqual({
      name: 'profiles',
      url: 'http://10.0.0.1:4001/graphql',
      sdlUrl: 'http://10.0.0.1:4001/subgraph/sdl',
      instances: ['http://10.0.0.1:4001', 'http://10.0.0.2:4001'],
    });
    expect(config.subgraphs[1]?.instances).toBeUndefined();
    expect(config.limits).toMatchObject({ subgraphProbeMs: 250, retryAfterMs: 500 });
    expect(loadGatewayConfig({}).limits).toMatchObject({ subgraphProbeMs: 1000, retryAfterMs: 1000 });
    expect(() => loadGatewayConfig({ TRELLIS_GATEWAY_PROFILES_URLS: 'profiles:4001' })).toThrow(
      /TRELLIS_GATEWAY_PROFILES_URLS/,
    );
  });
});
