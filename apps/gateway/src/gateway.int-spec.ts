import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { type AuthConfig, type DevIssuer, type Principal, startDevIssuer } from '@trellis/shared/auth';
import { freePort, testInfrastructure, uniqueName } from '@trellis/shared/testing';
import { createGatewayApp } from './gateway.app';
import type { GatewayLimits } from './gateway.config';
import { PROBE_PROGRAM, PROBE_TENANT, type ProbeSubgraph, spawnProbeSubgraph } from './testing/probe-subgraphs';

const member: Principal = { personId: 'person-7', tenantId: PROBE_TENANT, orgAdmin: false };
const outsider: Principal = { personId: 'person-x', tenantId: 'org-other', orgAdmin: false };

const nested = `query Nested($id: ID!) {
  program(id: $id) { id name participants { id personId role sessionsHeld nextSessionAt } }
}`;

interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe.each(['fastify', 'express'] as const)('gateway on %s (real subgraphs, real tokens)', (http) => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-gw')));
  let issuer: DevIssuer;
  let auth: AuthConfig;
  let programs: ProbeSubgraph;
  let stats: ProbeSubgraph;
  let gateway: INestApplication;
  let url: string;
  let token: string;
  const limits: Partial<GatewayLimits> = {
    maxDepth: 4,
    maxAliases: 3,
    maxBatch: 3,
    maxBodyBytes: 4000,
    maxCost: 100,
    rateBurst: 60,
    ratePerMinute: 60,
  };

  async function post(
    body: unknown,
    options: { token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: Headers; body: Body & Body[] }> {
    const bearer = options.token === undefined ? token : options.token;
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...options.headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Body & Body[] };
  }

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0, keyFile: path.join(keyDir, 'key.json') });
    auth = { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 30 };
    [programs, stats] = await Promise.all([
      spawnProbeSubgraph('programs', auth, await freePort(), http),
      spawnProbeSubgraph('stats', auth, await freePort(), http),
    ]);
    gateway = await createGatewayApp({
      quiet: true,
      auth,
      platform: { kafkaBrokers: testInfrastructure.kafkaBrokers },
      config: {
        http,
        subgraphs: [programs, stats].map((s) => ({
          name: `probe-${s.kind}`,
          url: `${s.url}/graphql`,
          sdlUrl: `${s.url}/subgraph/sdl`,
        })),
        limits,
      },
    });
    const port = await freePort();
    await gateway.listen(port, '127.0.0.1');
    url = `http://127.0.0.1:${port}`;
    token = await issuer.mint(member);
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([programs?.stop(), stats?.stop()]);
    await issuer?.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('answers a nested query that spans both subgraphs, batching the second subgraph’s lookups', async () => {
    await post({ query: '{ probeBatches }' });
    const { status, body } = await post({ query: nested, variables: { id: PROBE_PROGRAM } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const program = body.data?.['program'] as { participants: Array<Record<string, unknown>> };
    expect(program.participants).toHaveLength(50);
    expect(program.participants[3]).toEqual({
      id: 'participant-3',
      personId: 'person-3',
      role: 'mentee',
      sessionsHeld: 3,
      nextSessionAt: '2026-12-04T00:00:00.000Z',
    });
    const batches = await post({ query: '{ probeBatches }' });
    expect(batches.body.data?.['probeBatches']).toEqual([50]);
  });

  it('forwards the caller’s token and the correlation id to the subgraphs', async () => {
    const correlationId = `corr-${uniqueName('gw')}`;
    const { headers, body } = await post(
      { query: '{ caller { personId tenantId correlationId forwardedCorrelationId } }' },
      { headers: { 'x-correlation-id': correlationId } },
    );
    expect(headers.get('x-correlation-id')).toBe(correlationId);
    expect(body.data?.['caller']).toEqual({
      personId: member.personId,
      tenantId: member.tenantId,
      correlationId,
      forwardedCorrelationId: correlationId,
    });
  });

  it('refuses a request without a valid token before any subgraph is asked', async () => {
    const none = await post({ query: '{ caller { personId } }' }, { token: null });
    expect(none.status).toBe(401);
    expect(none.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const expired = await post(
      { query: '{ caller { personId } }' },
      { token: await issuer.mint(member, { expiresInSeconds: -600 }) },
    );
    expect(expired.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(expired.body.errors?.[0]?.message).toMatch(/expired/);
  });

  it('answers another organization’s id with NOT_FOUND', async () => {
    const { body } = await post(
      { query: nested, variables: { id: PROBE_PROGRAM } },
      { token: await issuer.mint(outsider) },
    );
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('masks a subgraph’s internal error and keeps the correlation id', async () => {
    const correlationId = `corr-${uniqueName('boom')}`;
    const { body } = await post({ query: '{ explode }' }, { headers: { 'x-correlation-id': correlationId } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL', correlationId });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|mongodb|secret|stack/);
  });

  it('limits aliases and cost before any subgraph is asked', async () => {
    const fields = '{ participants { id personId role sessionsHeld nextSessionAt } }';
    const aliases = await post({
      query: '{ a: caller { personId } b: caller { personId } c: caller { personId } d: caller { personId } }',
    });
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'aliases' });
    const cost = await post({
      query: `{ a: program(id: "${PROBE_PROGRAM}") ${fields} b: program(id: "${PROBE_PROGRAM}") ${fields} }`,
    });
    expect(cost.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost' });
    expect(cost.body.errors?.[0]?.message).toMatch(/cost/);
  });

  it('limits batches and body size', async () => {
    const two = await post([{ query: '{ caller { personId } }' }, { query: '{ caller { tenantId } }' }]);
    expect(two.status).toBe(200);
    expect(two.body.map((b) => b.data)).toEqual([
      { caller: { personId: member.personId } },
      { caller: { tenantId: member.tenantId } },
    ]);
    const four = await post(Array.from({ length: 4 }, () => ({ query: '{ caller { personId } }' })));
    expect(four.status).toBe(400);
    expect(four.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'batch' });
    const huge = await post({ query: `{ caller { personId } } # ${'x'.repeat(5000)}` });
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a request a browser could send cross-site without a preflight (CSRF prevention)', async () => {
    const response = await fetch(`${url}/graphql?query=${encodeURIComponent('{ caller { personId } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
    const preflighted = await fetch(`${url}/graphql?query=${encodeURIComponent('{ caller { personId } }')}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('rate-limits each person with RATE_LIMITED and a retry-after', async () => {
    const hasty = await issuer.mint({ personId: 'person-hasty', tenantId: PROBE_TENANT, orgAdmin: false });
    const batch = Array.from({ length: 3 }, () => ({ query: '{ caller { personId } }' }));
    let limited: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 30 && !limited; i += 1) {
      const response = await post(batch, { token: hasty });
      if (response.status === 429) limited = response;
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited!.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // Others are not affected.
    expect((await post({ query: '{ caller { personId } }' })).status).toBe(200);
  });
});
