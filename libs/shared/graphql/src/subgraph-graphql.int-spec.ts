import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { type INestApplication, type LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Args, Directive, Field, ID, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type DevIssuer, type Principal, startDevIssuer } from '@trellis/shared/auth';
import { DomainError, type DomainErrorCode } from '@trellis/shared/event-store';
import { PlatformModule } from '@trellis/shared/platform';
import { freePort, uniqueName } from '@trellis/shared/testing';
import { parse } from 'graphql';
import { z } from 'zod';
import { CurrentPrincipal, Loaders } from './decorators';
import type { RequestLoaders } from './request-loaders';
import { SubgraphGraphqlModule } from './subgraph-graphql.module';

const alice: Principal = { personId: 'person-alice', tenantId: 'org-a', orgAdmin: false };
const ownerBatches: number[] = [];

@ObjectType()
class Caller {
  @Field() personId!: string;
  @Field() tenantId!: string;
  @Field() orgAdmin!: boolean;
}

@ObjectType()
@Directive('@key(fields: "id")')
class Item {
  @Field(() => ID) id!: string;
}

@Resolver()
class ProbeResolver {
  @Query(() => Caller)
  whoAmI(@CurrentPrincipal() principal: Principal): Caller {
    return principal;
  }

  @Query(() => Boolean)
  fail(@Args('kind') kind: string): boolean {
    if (['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN'].includes(kind)) {
      throw new DomainError(kind as DomainErrorCode, `Refused as ${kind.toLowerCase()}`);
    }
    if (kind === 'zod') z.object({ capacity: z.number().int().min(1) }).parse({ capacity: 0 });
    const mongo = Object.assign(new Error('E11000 duplicate key error collection: trellis_profiles.secrets'), {
      code: 11000,
    });
    throw mongo;
  }

  @Query(() => [Item])
  items(@Args('count', { type: () => Int }) count: number): Item[] {
    return Array.from({ length: count }, (_, i) => ({ id: `item-${i}` }));
  }
}

@Resolver(() => Item)
class ItemResolver {
  @ResolveField(() => String)
  owner(@Parent() item: Item, @Loaders() loaders: RequestLoaders): Promise<string> {
    return loaders
      .get<string, string>('ownerByItem', (ids) => {
        ownerBatches.push(ids.length);
        return Promise.resolve(ids.map((id) => `owner-of-${id}`));
      })
      .load(item.id);
  }
}

interface GraphqlResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

async function startProbe(
  issuer: DevIssuer,
  fastify = false,
  logger: LoggerService | false = false,
): Promise<{ app: INestApplication; url: string }> {
  @Module({
    imports: [
      PlatformModule.forService({ service: 'profiles', mongo: false, kafka: false }),
      SubgraphGraphqlModule.forRoot({
        service: 'probe',
        auth: { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 30 },
      }),
    ],
    providers: [ProbeResolver, ItemResolver],
  })
  class ProbeModule {}

  const app = fastify
    ? await NestFactory.create(ProbeModule, new FastifyAdapter(), { logger })
    : await NestFactory.create(ProbeModule, { logger });
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${port}` };
}

describe('SubgraphGraphqlModule (a real subgraph over HTTP)', () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-graphql')));
  let issuer: DevIssuer;
  let app: INestApplication;
  let url: string;
  let token: string;

  async function graphql(
    query: string,
    options: { token?: string | null; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ): Promise<GraphqlResponse> {
    const bearer = options.token === undefined ? token : options.token;
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables: options.variables }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as GraphqlResponse['body'],
    };
  }

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: await freePort(), keyFile: path.join(keyDir, 'key.json') });
    ({ app, url } = await startProbe(issuer));
    token = await issuer.mint(alice);
  });

  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('serves the caller named by a valid token', async () => {
    const { status, body } = await graphql('query WhoAmI { whoAmI { personId tenantId orgAdmin } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { whoAmI: alice } });
  });

  it.each([
    ['no token', () => Promise.resolve(null), /No access token/],
    ['an expired token', () => issuer.mint(alice, { expiresInSeconds: -300 }), /expired/],
    ['a token from another issuer', () => issuer.mint(alice, { issuer: 'https://elsewhere.example' }), /issuer/],
    ['a token for another audience', () => issuer.mint(alice, { audience: 'not-trellis' }), /audience/],
  ])('refuses %s with UNAUTHENTICATED and a 401', async (_case, mint, message) => {
    const { status, headers, body } = await graphql('{ whoAmI { personId } }', { token: await mint() });
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toMatch(message);
  });

  it('refuses even the federation `_service` query without a token', async () => {
    const { status, body } = await graphql('{ _service { sdl } }', { token: null });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it.each(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN'])(
    'passes a DomainError %s through with its code and message',
    async (code) => {
      const { body } = await graphql('query Fail($kind: String!) { fail(kind: $kind) }', { variables: { kind: code } });
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: `Refused as ${code.toLowerCase()}`,
          path: ['fail'],
          extensions: { code },
        }),
      ]);
    },
  );

  it('turns a validation error into BAD_USER_INPUT naming the field', async () => {
    const { body } = await graphql('{ fail(kind: "zod") }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capacity' });
    expect(body.errors?.[0]?.message).toMatch(/^capacity: /);
  });

  it('masks anything else as INTERNAL with the request correlation id and no internals', async () => {
    const correlationId = `test-${uniqueName('corr')}`;
    const { headers, body } = await graphql('{ fail(kind: "mongo") }', {
      headers: { 'x-correlation-id': correlationId },
    });
    expect(headers.get('x-correlation-id')).toBe(correlationId);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.extensions).toEqual({ code: 'INTERNAL', correlationId });
    expect(error!.message).toContain(correlationId);
    expect(JSON.stringify(body)).not.toMatch(/E11000|duplicate|secrets|stack|at .*\.ts/);
  });

  it('maps a query that does not validate to BAD_USER_INPUT', async () => {
    const { body } = await graphql('{ noSuchField }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('batches the entity lookups of a 100-item list into one loader call per request', async () => {
    ownerBatches.length = 0;
    const { body } = await graphql('{ items(count: 100) { id owner } }');
    const items = (body.data?.['items'] ?? []) as Array<{ id: string; owner: string }>;
    expect(items).toHaveLength(100);
    expect(items[42]).toEqual({ id: 'item-42', owner: 'owner-of-item-42' });
    expect(ownerBatches).toEqual([100]);
    await graphql('{ items(count: 3) { owner } }');
    expect(ownerBatches).toEqual([100, 3]);
  });

  it('records GraphQL latency per operation name', async () => {
    await graphql('query WhoAmI { whoAmI { personId } }');
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(
      /trellis_graphql_duration_seconds_count\{[^}]*operation="WhoAmI"[^}]*outcome="ok"[^}]*\} [1-9]/,
    );
  });

  it('publishes its federation SDL for composition, which composes', async () => {
    const response = await fetch(`${url}/subgraph/sdl`);
    expect(response.status).toBe(200);
    const sdl = await response.text();
    expect(sdl).toMatch(/type Item\s+@key\(fields: "id"\)/);
    const result = composeServices([{ name: 'probe', url: `${url}/graphql`, typeDefs: parse(sdl) }]);
    expect(result.errors).toBeUndefined();
  });

  it('refuses a GET that could be a cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${url}/graphql?query=${encodeURIComponent('{ whoAmI { personId } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
  });

  it('works the same on the Fastify adapter', async () => {
    const probe = await startProbe(issuer, true);
    try {
      const call = (authorization?: string) =>
        fetch(`${probe.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ query: '{ whoAmI { personId } }' }),
        });
      const ok = await call(`Bearer ${token}`);
      expect(await ok.json()).toEqual({ data: { whoAmI: { personId: alice.personId } } });
      const refused = await call();
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as GraphqlResponse['body']).errors?.[0]?.extensions?.['code']).toBe(
        'UNAUTHENTICATED',
      );
    } finally {
      await probe.app.close();
    }
  });
});

describe('SubgraphGraphqlModule logging', () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-graphql-logs')));
  const errorLines: string[] = [];
  const nestLogger: LoggerService = {
    log: () => undefined,
    warn: () => undefined,
    error: (message: unknown) => void errorLines.push(String(message)),
  };
  let issuer: DevIssuer;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: await freePort(), keyFile: path.join(keyDir, 'key.json') });
    ({ app, url } = await startProbe(issuer, false, nestLogger));
  });

  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('logs no error for what people get wrong every day, so error rates mean something', async () => {
    const token = await issuer.mint(alice);
    for (const kind of ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'zod', 'mongo']) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ fail(kind: "${kind}") }` }),
      });
      const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      expect(body.errors?.[0]?.extensions?.code).toEqual(kind === 'mongo' ? 'INTERNAL' : expect.any(String));
    }
    // The unexpected one is logged once, by formatError with its correlation id (not here with a bare stack).
    expect(errorLines).toEqual([]);
  });
});
