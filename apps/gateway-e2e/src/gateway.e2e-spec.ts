import fs from 'node:fs';
import path from 'node:path';
import { apiSchemaSdl, composeSupergraph, fetchSubgraphSdl } from '@trellis/gateway/supergraph';
import type { Principal } from '@trellis/shared/auth';
import { type E2eStack, type GraphqlResult, startStack } from '@trellis/shared/stack';
import { uniqueName } from '@trellis/shared/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { type IdPool, ownViewQueries, walkOperations } from './support/schema-walker';

const CREATE = `mutation($name: String!) { createProgram(name: $name, settings: { defaultMentorCapacity: 2 }) { id } }`;
const ENROLL = `mutation($programId: ID!, $profile: ProfileInput!) {
  enroll(programId: $programId, roles: [MENTEE], profile: $profile) { id personId displayName } }`;

function profile(displayName: string) {
  return {
    displayName,
    email: `${displayName.toLowerCase()}@example.org`,
    timezone: 'Europe/Berlin',
    languages: ['en'],
    skillsSought: ['system design'],
    availability: [{ day: 2, startMinute: 540, endMinute: 660 }],
    formats: ['VIRTUAL'],
  };
}

function org(name: string) {
  const tenantId = uniqueName(name);
  const person = (role: string, orgAdmin = false): Principal => ({
    personId: `${role}-${tenantId}`,
    tenantId,
    orgAdmin,
  });
  return {
    tenantId,
    admin: person('admin', true),
    manager: person('manager'),
    mentee: person('mentee'),
    mentee2: person('mentee2'),
  };
}

/**
 * FORBIDDEN or NOT_FOUND. A query about the caller's own items filtered by a foreign id (e.g. "my mentorships in
 * program X") may instead answer nothing at all — null or an empty list — which reveals no more than NOT_FOUND;
 * a mutation must always be refused.
 */
function refused(kind: 'query' | 'mutation', result: GraphqlResult): boolean {
  const codes = (result.errors ?? []).map((e) => e.extensions?.['code']);
  if (codes.length) return codes.every((c) => c === 'FORBIDDEN' || c === 'NOT_FOUND');
  const values = Object.values(result.data ?? {});
  return kind === 'query' && values.every((v) => v === null || (Array.isArray(v) && v.length === 0));
}

function expectNoErrors(result: { errors?: GraphqlResult['errors'] }): void {
  expect(result.errors).toBeUndefined();
}

describe('through the gateway, with real tokens and every subgraph that exists', () => {
  let stack: E2eStack;
  const a = org('org_a');
  const b = org('org_b');
  const markerB = uniqueName('SECRETB');
  const markerPeer = uniqueName('SECRETPEER');
  let programA = '';
  let programB = '';
  const participants: Record<string, string> = {};
  let schema: GraphQLSchema;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('composes the supergraph of every subgraph that exists, which the gateway serves', async () => {
    const sdls = await Promise.all(
      stack.subgraphs.map(async (s) => ({
        name: s.name,
        url: `${s.url}/graphql`,
        sdl: (await fetchSubgraphSdl(`${s.url}/subgraph/sdl`)) ?? '',
      })),
    );
    expect(sdls.filter((s) => !s.sdl).map((s) => s.name)).toEqual([]);
    const composed = composeSupergraph(sdls);
    expect(composed.ok ? [] : composed.errors).toEqual([]);
    // The web app's code generation reads the checked-in API schema (ADR 0009): a subgraph change must update it.
    const webSchemaFile = path.resolve(__dirname, '../../web/schema.graphql');
    if (composed.ok && sdls.length === 4) {
      const fresh = apiSchemaSdl(composed.supergraphSdl) === fs.readFileSync(webSchemaFile, 'utf8');
      const hint =
        'apps/web/schema.graphql is out of date: run node tools/run/ts.mjs apps/gateway/src/supergraph/write-web-schema.ts';
      expect(fresh ? 'up to date' : hint).toBe('up to date');
    }
    const introspection = await stack.gql<IntrospectionQuery>(a.admin, getIntrospectionQuery());
    expectNoErrors(introspection);
    schema = buildClientSchema(introspection.data!);
    expect(schema.getQueryType()?.getFields()['me']).toBeDefined();
  });

  it('runs every app on the supported runtime, Node.js 24, and says so on /metrics', async () => {
    const gatewayBase = stack.gatewayUrl.replace(/\/graphql$/, '');
    const bases = [gatewayBase, ...stack.subgraphs.map((s) => s.url)];
    const majors = await Promise.all(
      bases.map(async (base) => {
        const text = await (await fetch(`${base}/metrics`)).text();
        return /^nodejs_version_info\{[^}]*major="(\d+)"/m.exec(text)?.[1];
      }),
    );
    expect(majors).toEqual(bases.map(() => '24'));
  });

  it('lets a program be set up, a mentee enroll, and the mentee read only their own data', async () => {
    const created = await stack.gql<{ createProgram: { id: string } }>(a.admin, CREATE, { name: 'Spring mentoring' });
    expectNoErrors(created);
    programA = created.data!.createProgram.id;
    expectNoErrors(
      await stack.gql(
        a.admin,
        `mutation($p: ID!, $m: ID!) { assignProgramManager(programId: $p, personId: $m) { id } }`,
        {
          p: programA,
          m: a.manager.personId,
        },
      ),
    );
    const opened = await stack.gql(a.manager, `mutation($p: ID!) { openEnrollment(programId: $p) { status } }`, {
      p: programA,
    });
    expect(opened.data).toEqual({ openEnrollment: { status: 'ENROLLMENT_OPEN' } });

    const enrolled = await stack.gql<{ enroll: { id: string; personId: string } }>(a.mentee, ENROLL, {
      programId: programA,
      profile: profile('Mia'),
    });
    expectNoErrors(enrolled);
    participants['mentee'] = enrolled.data!.enroll.id;
    const peer = await stack.gql<{ enroll: { id: string } }>(a.mentee2, ENROLL, {
      programId: programA,
      profile: profile(markerPeer),
    });
    expectNoErrors(peer);
    participants['mentee2'] = peer.data!.enroll.id;

    const mine = await stack.gql<{ me: { personId: string; participations: Array<{ id: string; personId: string }> } }>(
      a.mentee,
      `{ me { personId participations { id personId programId displayName } } }`,
    );
    expectNoErrors(mine);
    expect(mine.data!.me.personId).toBe(a.mentee.personId);
    expect(mine.data!.me.participations).toEqual([
      expect.objectContaining({ id: participants['mentee'], personId: a.mentee.personId, programId: programA }),
    ]);
    expect(JSON.stringify(mine)).not.toContain(markerPeer);

    const other = await stack.gql(a.mentee, `query($id: ID!) { participant(id: $id) { displayName email } }`, {
      id: participants['mentee2'],
    });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(other.errors?.[0]?.extensions?.['code']);
    expect(JSON.stringify(other)).not.toContain(markerPeer);
  });

  it('pushes the mentee’s own changes to their subscription at the same endpoint, and nobody else’s', async () => {
    const client = createClient({
      url: stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await stack.issuer.mint(a.mentee)}` },
      retryAttempts: 0,
      lazy: false,
    });
    const received: Array<{ type: string; data: string }> = [];
    const errors: unknown[] = [];
    client.subscribe<{ myEvents: { type: string; data: string } }>(
      { query: 'subscription { myEvents { type data } }' },
      {
        next: (result) => (result.data ? received.push(result.data.myEvents) : errors.push(result.errors)),
        error: (error) => errors.push(error),
        complete: () => undefined,
      },
    );
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const update = `mutation($id: ID!, $p: ProfileInput!) { updateProfile(participantId: $id, profile: $p) { timezone } }`;
      expectNoErrors(
        await stack.gql(a.mentee2, update, { id: participants['mentee2'], p: { timezone: 'Asia/Tokyo' } }),
      );
      const deadline = Date.now() + 60_000;
      let attempt = 0;
      while (!received.some((e) => e.type === 'ParticipantProfileUpdated') && Date.now() < deadline) {
        // Repeated in case the subscription was registered after the first change went by.
        if (attempt++ % 20 === 0) {
          const zone = attempt % 2 ? 'Europe/Paris' : 'Europe/Berlin';
          expectNoErrors(await stack.gql(a.mentee, update, { id: participants['mentee'], p: { timezone: zone } }));
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(errors).toEqual([]);
      expect(received.map((e) => e.type)).toContain('ParticipantProfileUpdated');
      for (const event of received) {
        expect(event.data).toContain(a.mentee.personId);
        expect(event.data).not.toContain(a.mentee2.personId);
      }
    } finally {
      await client.dispose();
    }
  });

  describe('tenant isolation, generated from the composed schema', () => {
    let poolB: IdPool;

    async function snapshot(as: Principal, pool: IdPool): Promise<Map<string, string>> {
      const reads = [
        ...ownViewQueries(schema).map((document) => ({ document, variables: {} })),
        ...walkOperations(schema, pool).filter((op) => op.kind === 'query'),
      ];
      const results = new Map<string, string>();
      for (const read of reads) {
        const result = await stack.gql(as, read.document, read.variables);
        const codes = result.errors?.map((e) => e.extensions?.['code']);
        // Times ("as of now", "updated at") move by themselves; a change the walk made shows in other fields too.
        const stable = JSON.stringify({ data: result.data, codes }, (_key, value: unknown) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? '<time>' : value,
        );
        results.set(`${read.document} ${JSON.stringify(read.variables)}`, stable);
      }
      return results;
    }

    /** What another organization sees of itself, once its own events have settled in every service's read models. */
    async function settledSnapshot(as: Principal, pool: IdPool): Promise<Map<string, string>> {
      // Settled: unchanged for a second, and nothing of its own still unknown to a service that has not caught up
      // (a NOT_FOUND that turns into data later is a read model arriving, not a change the walk made) — unless that
      // NOT_FOUND persists for ten rounds, when it is the answer.
      let previous = await snapshot(as, pool);
      for (let i = 0; i < 30; i += 1) {
        await new Promise((r) => setTimeout(r, 1000));
        const current = await snapshot(as, pool);
        const stillArriving = [...current.values()].some((v) => v.includes('"NOT_FOUND"'));
        if (changes(previous, current).length === 0 && (!stillArriving || i >= 10)) return current;
        previous = current;
      }
      return previous;
    }

    function changes(before: Map<string, string>, after: Map<string, string>): string[] {
      return [...before.keys()]
        .filter((key) => before.get(key) !== after.get(key))
        .map((key) => `${key}: ${before.get(key)} → ${after.get(key)}`);
    }

    beforeAll(async () => {
      const created = await stack.gql<{ createProgram: { id: string } }>(b.admin, CREATE, {
        name: `Program ${markerB}`,
      });
      expectNoErrors(created);
      programB = created.data!.createProgram.id;
      await stack.gql(b.admin, `mutation($p: ID!) { openEnrollment(programId: $p) { status } }`, { p: programB });
      const enrolled = await stack.gql<{ enroll: { id: string } }>(b.mentee, ENROLL, {
        programId: programB,
        profile: profile(markerB),
      });
      expectNoErrors(enrolled);
      poolB = { program: [programB], participant: [enrolled.data!.enroll.id], person: [b.mentee.personId], cohort: [] };
    });

    it('answers every query and mutation aimed at another organization with FORBIDDEN or NOT_FOUND, changing and leaking nothing', async () => {
      const before = await settledSnapshot(b.admin, poolB);
      expect([...before.values()].join()).toContain(markerB);
      const operations = walkOperations(schema, poolB);
      // Every root field taking an id is in the walk, queries and mutations alike.
      const rootsWithIds = new Set(operations.map((op) => `${op.kind}.${op.field}`));
      expect(rootsWithIds.size).toBeGreaterThanOrEqual(10);
      expect(operations.some((op) => op.kind === 'mutation')).toBe(true);
      const violations: string[] = [];
      for (const op of operations) {
        const result = await stack.gql(a.admin, op.document, op.variables);
        const codes = (result.errors ?? []).map((e) => e.extensions?.['code']);
        const text = JSON.stringify(result);
        if (!refused(op.kind, result)) {
          violations.push(
            `${op.kind} ${op.field} [${op.carries.join()}] answered ${codes.join() || 'without error'}: ${text.slice(0, 200)}`,
          );
        }
        if (text.includes(markerB)) violations.push(`${op.kind} ${op.field} leaked another organization's data`);
      }
      for (const document of ownViewQueries(schema)) {
        const text = JSON.stringify(await stack.gql(a.admin, document));
        if (text.includes(markerB) || text.includes(programB))
          violations.push(`${document} shows another organization's data`);
      }
      expect(violations).toEqual([]);
      expect(changes(before, await snapshot(b.admin, poolB))).toEqual([]);
    });

    it('answers every query and mutation a mentee aims at another mentee with FORBIDDEN or NOT_FOUND', async () => {
      const peerPool: IdPool = {
        program: [programA],
        participant: [participants['mentee2']!],
        person: [a.mentee2.personId],
        cohort: [],
      };
      const before = await settledSnapshot(a.mentee2, peerPool);
      const operations = walkOperations(schema, peerPool, ['participant', 'person']);
      expect(operations.length).toBeGreaterThan(0);
      const violations: string[] = [];
      for (const op of operations) {
        const result = await stack.gql(a.mentee, op.document, op.variables);
        const codes = (result.errors ?? []).map((e) => e.extensions?.['code']);
        if (!refused(op.kind, result)) {
          violations.push(
            `${op.kind} ${op.field} answered ${codes.join() || 'without error'}: ${JSON.stringify(result).slice(0, 200)}`,
          );
        }
        if (JSON.stringify(result).includes(markerPeer))
          violations.push(`${op.kind} ${op.field} leaked the other mentee's data`);
      }
      expect(violations).toEqual([]);
      expect(changes(before, await snapshot(a.mentee2, peerPool))).toEqual([]);
    });
  });
});
