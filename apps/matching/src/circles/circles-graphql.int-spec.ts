import { randomUUID } from 'node:crypto';
import { participantIdFor } from '@trellis/profiles/contracts';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import { eventually } from '../testing/matching-pipeline';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';

interface CircleResult {
  id: string;
  memberCount: number;
  freeSeats: number;
  status: string;
  members: Array<{ personId: string }> | null;
}

const circleFields = 'id memberCount freeSeats status members { personId }';

jest.setTimeout(180_000);

describe('Circles through the matching subgraph (GraphQL, real broker and FerretDB)', () => {
  let stack: MatchingGraphqlApp;
  const gql = <T>(as: Principal, query: string, variables: Record<string, unknown> = {}) =>
    stack.gql<T>(as, query, variables);
  let feed: MatchingGraphqlApp['feed'];
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const mentees = ['m1', 'm2', 'm3', 'm4', 'm5'];
  const person = (personId: string, tenant = tenantId): Principal => ({ personId, tenantId: tenant, orgAdmin: false });
  // The circle the fill below fills; the next test closes it, so more mentees are free than places.
  let filledCircleId = '';

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('circles_gql', tenantId);
    ({ feed } = stack);

    await feed.program(programId, { format: 'group', maxCircleSize: 8 });
    await feed.manager(programId, 'manager');
    await feed.enrol(programId, 'lead', ['mentor'], 1);
    for (const m of mentees) await feed.enrol(programId, m, ['mentee']);
    const { services } = stack;
    await eventually(async () => {
      const active = await services.pool.activeWithRole(tenantId, programId, 'mentee');
      return active.length === mentees.length && (await services.managers.canManage(tenantId, programId, 'manager'));
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('create (idempotent by commandId) → racing joins → circles / myCircles by access → leave → close', async () => {
    const createCircle = `mutation($p: ID!, $c: ID) {
      createCircle(programId: $p, mentorPersonId: "lead", maxSize: 2, commandId: $c) { ${circleFields} } }`;
    const denied = await gql(person('m1'), createCircle, { p: programId, c: randomUUID() });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const commandId = randomUUID();
    const created = await gql<{ createCircle: CircleResult }>(person('manager'), createCircle, {
      p: programId,
      c: commandId,
    });
    expect(created.errors).toBeUndefined();
    const circle = created.data!.createCircle;
    expect(circle).toMatchObject({ memberCount: 0, freeSeats: 2, status: 'open', members: [] });
    const retried = await gql<{ createCircle: CircleResult }>(person('manager'), createCircle, {
      p: programId,
      c: commandId,
    });
    expect(retried.data?.createCircle.id).toBe(circle.id);

    const join = `mutation($id: ID!) { joinCircle(circleId: $id) { ${circleFields} } }`;
    const results = await Promise.all(
      ['m1', 'm2', 'm3'].map((m) => gql<{ joinCircle: CircleResult }>(person(m), join, { id: circle.id })),
    );
    expect(results.filter((r) => r.data?.joinCircle)).toHaveLength(2);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    const members = ['m1', 'm2', 'm3'].filter((_, i) => results[i]?.data?.joinCircle);
    const outsider = ['m1', 'm2', 'm3'].find((m) => !members.includes(m)) ?? '';

    const list = `query($p: ID!) { circles(programId: $p) { ${circleFields} } }`;
    await eventually(async () => {
      const r = await gql<{ circles: CircleResult[] }>(person('manager'), list, { p: programId });
      return r.data?.circles[0]?.memberCount === 2;
    });
    const asManager = await gql<{ circles: CircleResult[] }>(person('manager'), list, { p: programId });
    expect(asManager.data?.circles[0]?.members?.map((m) => m.personId).sort()).toEqual(members.sort());
    const asOutsider = await gql<{ circles: CircleResult[] }>(person(outsider), list, { p: programId });
    expect(asOutsider.data?.circles[0]).toMatchObject({ memberCount: 2, freeSeats: 0, members: null });
    const otherOrg = await gql(person('manager', uniqueName('org')), list, { p: programId });
    expect(otherOrg.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const strangerJoin = await gql(person('m4', uniqueName('org')), join, { id: circle.id });
    expect(strangerJoin.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const mine = await gql<{ myCircles: CircleResult[] }>(
      person(members[0] ?? ''),
      `query($p: ID!) { myCircles(programId: $p) { id } }`,
      { p: programId },
    );
    expect(mine.data?.myCircles.map((c) => c.id)).toEqual([circle.id]);

    const left = await gql<{ leaveCircle: CircleResult }>(
      person(members[0] ?? ''),
      `mutation($id: ID!) { leaveCircle(circleId: $id) { ${circleFields} } }`,
      { id: circle.id },
    );
    expect(left.data?.leaveCircle).toMatchObject({ memberCount: 1, freeSeats: 1 });
    const placed = await gql<{ placeInCircle: CircleResult }>(
      person('manager'),
      `mutation($id: ID!, $m: ID!) { placeInCircle(circleId: $id, menteePersonId: $m) { ${circleFields} } }`,
      { id: circle.id, m: outsider },
    );
    expect(placed.data?.placeInCircle.memberCount).toBe(2);

    const close = `mutation($id: ID!) { closeCircle(circleId: $id) { ${circleFields} } }`;
    expect((await gql(person(outsider), close, { id: circle.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const closed = await gql<{ closeCircle: CircleResult }>(person('lead'), close, { id: circle.id });
    expect(closed.data?.closeCircle).toMatchObject({ status: 'closed', freeSeats: 0 });
  });

  it('a manager fills circles with a circle fill and publishes it', async () => {
    const created = await gql<{ createCircle: CircleResult }>(
      person('manager'),
      `mutation($p: ID!) { createCircle(programId: $p, mentorPersonId: "lead", maxSize: 3, selfJoin: false) { id } }`,
      { p: programId },
    );
    const circleId = created.data!.createCircle.id;
    filledCircleId = circleId;
    await eventually(async () => (await stack.services.circleReadModel.circle(tenantId, circleId)) !== null);
    const started = await gql<{ startCircleFill: { id: string; status: string; placements: unknown[] } }>(
      person('manager'),
      `mutation($p: ID!) { startCircleFill(programId: $p) { id status placements { circleId menteePersonId score } unplaced { menteePersonId reason } } }`,
      { p: programId },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data?.startCircleFill).toMatchObject({ status: 'draft' });
    expect(started.data?.startCircleFill.placements).toHaveLength(3);
    const published = await gql<{
      publishCircleFill: { placed: number; skipped: unknown[]; fill: { status: string } };
    }>(
      person('manager'),
      `mutation($f: ID!) { publishCircleFill(fillId: $f) { placed skipped { menteePersonId code } fill { status } } }`,
      { f: started.data?.startCircleFill.id },
    );
    expect(published.data?.publishCircleFill).toEqual({ placed: 3, skipped: [], fill: { status: 'published' } });
  });

  it("names each circle's lead, member, placed and unplaced mentee as a profiles participant", async () => {
    const closed = await gql(person('manager'), `mutation($id: ID!) { closeCircle(circleId: $id) { id } }`, {
      id: filledCircleId,
    });
    expect(closed.errors).toBeUndefined();
    const created = await gql<{ createCircle: { id: string; mentor: { id: string } } }>(
      person('manager'),
      `mutation($p: ID!) { createCircle(programId: $p, mentorPersonId: "lead", maxSize: 2, selfJoin: false) {
        id mentor { id } } }`,
      { p: programId },
    );
    expect(created.errors).toBeUndefined();
    const circleId = created.data!.createCircle.id;
    expect(created.data!.createCircle.mentor.id).toBe(participantIdFor(programId, 'lead'));
    await eventually(async () => (await stack.services.circleReadModel.circle(tenantId, circleId)) !== null);

    interface Named {
      menteePersonId: string;
      mentee: { id: string };
    }
    const started = await gql<{
      startCircleFill: { id: string; placements: Array<Named & { mentorPersonId: string; mentor: { id: string } }> };
    }>(
      person('manager'),
      `mutation($p: ID!) { startCircleFill(programId: $p) {
        id placements { menteePersonId mentorPersonId mentee { id } mentor { id } } } }`,
      { p: programId },
    );
    expect(started.errors).toBeUndefined();
    const fill = started.data!.startCircleFill;
    expect(fill.placements.length).toBeGreaterThan(0);
    for (const p of fill.placements) {
      expect(p.mentee.id).toBe(participantIdFor(programId, p.menteePersonId));
      expect(p.mentor.id).toBe(participantIdFor(programId, p.mentorPersonId));
    }
    const read = await gql<{ circleFill: { unplaced: Named[] } }>(
      person('manager'),
      `query($f: ID!) { circleFill(id: $f) { unplaced { menteePersonId mentee { id } } } }`,
      { f: fill.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.circleFill.unplaced.length).toBeGreaterThan(0);
    for (const u of read.data!.circleFill.unplaced) {
      expect(u.mentee.id).toBe(participantIdFor(programId, u.menteePersonId));
    }
    const discard = `mutation($f: ID!) { discardCircleFill(fillId: $f) { status } }`;
    expect((await gql(person('manager'), discard, { f: fill.id })).errors).toBeUndefined();

    const chosen = fill.placements[0]!.menteePersonId;
    const placed = await gql<{ placeInCircle: { members: Array<{ personId: string; mentee: { id: string } }> } }>(
      person('manager'),
      `mutation($id: ID!, $m: ID!) { placeInCircle(circleId: $id, menteePersonId: $m) {
        members { personId mentee { id } } } }`,
      { id: circleId, m: chosen },
    );
    expect(placed.errors).toBeUndefined();
    expect(placed.data!.placeInCircle.members).toEqual([
      { personId: chosen, mentee: { id: participantIdFor(programId, chosen) } },
    ]);
  });
});
