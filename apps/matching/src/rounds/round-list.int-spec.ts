import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import type { CommandContext } from '../acceptance/acceptance.service';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';
import { eventually, matchingProfile } from '../testing/matching-pipeline';

interface RoundsAnswer {
  matchingRounds: {
    nodes: Array<{
      id: string;
      status: string;
      objective: string;
      createdAt: string;
      pairCount: number;
      unmatchedCount: number;
      coverage: number | null;
    }>;
    endCursor: string | null;
    hasNextPage: boolean;
  };
}

const ROUNDS = `
  query Rounds($programId: ID!, $first: Int, $after: String) {
    matchingRounds(programId: $programId, first: $first, after: $after) {
      nodes { id status objective createdAt pairCount unmatchedCount coverage }
      endCursor
      hasNextPage
    }
  }
`;

describe("A program's matching rounds, newest first (GraphQL, real broker and FerretDB)", () => {
  let stack: MatchingGraphqlApp;
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const otherProgramId = `program-${randomUUID()}`;
  const person = (personId: string, tenant = tenantId, orgAdmin = false): Principal => ({
    personId,
    tenantId: tenant,
    orgAdmin,
  });
  const ctx = (personId: string): CommandContext & { commandId: string } => ({
    tenantId,
    actorPersonId: personId,
    correlationId: randomUUID(),
    commandId: randomUUID(),
  });
  const list = (as: Principal, variables: Record<string, unknown>) => stack.gql<RoundsAnswer>(as, ROUNDS, variables);

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('round_list', tenantId);
    const { feed, services } = stack;
    await feed.program(programId);
    await feed.program(otherProgramId);
    await feed.manager(programId, 'manager');
    await feed.manager(otherProgramId, 'manager');
    await feed.enrol(
      programId,
      'mentor-1',
      ['mentor'],
      1,
      matchingProfile({ skillsOffered: [{ skill: 'design', level: 4 }] }),
    );
    await feed.enrol(programId, 'mentee-1', ['mentee'], 0, matchingProfile({ skillsSought: ['design'] }));
    await eventually(async () => {
      const people = await services.pool.activeParticipants(tenantId, programId);
      const managers = await Promise.all(
        [programId, otherProgramId].map((p) => services.memberships.membership(tenantId, p, 'manager')),
      );
      const other = await services.pool.program(tenantId, otherProgramId);
      return people.length === 2 && managers.every((m) => m !== null) && other !== null;
    }, 60_000);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('pages the rounds newest first with status, objective, start time and metrics; only this program, only its managers', async () => {
    const { rounds } = stack.services;
    const started: string[] = [];
    for (const objective of ['best-total', 'fairest', 'most-matched'] as const) {
      const round = await rounds.startRound(ctx('manager'), { programId, cohortId: null, objective });
      started.push(round.roundId);
      // Start times a few milliseconds apart, so "newest first" is the order they were started in.
      await sleep(15);
    }
    await rounds.discard(ctx('manager'), started[1]!);
    const elsewhere = await rounds.startRound(ctx('manager'), {
      programId: otherProgramId,
      cohortId: null,
      objective: null,
    });

    const firstPage = await list(person('manager'), { programId, first: 2 });
    expect(firstPage.errors).toBeUndefined();
    const page1 = firstPage.data!.matchingRounds;
    expect(page1.nodes.map((n) => n.id)).toEqual([started[2], started[1]]);
    expect(page1.nodes.map((n) => [n.status, n.objective])).toEqual([
      ['COMPUTED', 'MOST_MATCHED'],
      ['DISCARDED', 'FAIREST'],
    ]);
    expect(page1.nodes[0]).toMatchObject({ pairCount: 1, unmatchedCount: 0, coverage: 1 });
    expect(Date.parse(page1.nodes[0]!.createdAt)).toBeGreaterThan(Date.parse(page1.nodes[1]!.createdAt));
    expect(page1.hasNextPage).toBe(true);

    const secondPage = await list(person('manager'), { programId, first: 2, after: page1.endCursor });
    expect(secondPage.errors).toBeUndefined();
    const page2 = secondPage.data!.matchingRounds;
    expect(page2.nodes.map((n) => n.id)).toEqual([started[0]]);
    expect(page2.hasNextPage).toBe(false);
    expect(page2.nodes.map((n) => n.id)).not.toContain(elsewhere.roundId);

    // An org admin of the organization may look too; the default page holds all three.
    const asAdmin = await list(person('admin', tenantId, true), { programId });
    expect(asAdmin.data?.matchingRounds.nodes.map((n) => n.id)).toEqual([started[2], started[1], started[0]]);

    const mentee = await list(person('mentee-1'), { programId });
    expect(mentee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Another organization's admin learns nothing: its program is one that does not exist.
    const outsider = await list(person('admin', uniqueName('org-other'), true), { programId });
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badCursor = await list(person('manager'), { programId, after: 'not-a-cursor' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await list(person('manager'), { programId, first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
