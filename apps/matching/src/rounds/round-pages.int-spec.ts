import { randomUUID } from 'node:crypto';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import { eventually, matchingProfile } from '../testing/matching-pipeline';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';

interface Page {
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  nodes: Array<{ id: string; menteePersonId: string; mentorPersonId: string; locked: boolean }>;
}

const PAGE = `totalCount endCursor hasNextPage nodes { id menteePersonId mentorPersonId locked }`;

describe("A round's pairs a page at a time, as the console reads them (GraphQL, real broker and FerretDB)", () => {
  let stack: MatchingGraphqlApp;
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const manager: Principal = { personId: 'manager', tenantId, orgAdmin: false };
  let roundId: string;

  const page = async (variables: { first: number; after?: string | null; filter?: Record<string, unknown> }) => {
    const answer = await stack.gql<{ matchingRound: { pairPage: Page } }>(
      manager,
      `query($r: ID!, $first: Int!, $after: String, $filter: RoundPairFilter) {
        matchingRound(id: $r) { pairPage(first: $first, after: $after, filter: $filter) { ${PAGE} } }
      }`,
      { r: roundId, ...variables },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.matchingRound.pairPage;
  };

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('round_pages', tenantId);
    const { feed, services } = stack;
    await feed.program(programId);
    await feed.manager(programId, 'manager');
    // Two mentors with two places each and three mentees who all seek what both offer: three pairs.
    for (const mentor of ['mentor-x', 'mentor-y']) {
      await feed.enrol(
        programId,
        mentor,
        ['mentor'],
        2,
        matchingProfile({ skillsOffered: [{ skill: 'data', level: 4 }] }),
      );
    }
    for (const mentee of ['mentee-a', 'mentee-b', 'mentee-c']) {
      await feed.enrol(programId, mentee, ['mentee'], 0, matchingProfile({ skillsSought: ['data'] }));
    }
    await eventually(async () => {
      const pool = await services.pool.activeParticipants(tenantId, programId);
      const member = await services.memberships.membership(tenantId, programId, 'manager');
      return pool.length === 5 && member !== null;
    }, 60_000);
    const started = await stack.gql<{ startMatchingRound: { id: string; pairCount: number } }>(
      manager,
      `mutation($p: ID!) { startMatchingRound(programId: $p, objective: BEST_TOTAL) { id pairCount } }`,
      { p: programId },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.startMatchingRound.pairCount).toBe(3);
    roundId = started.data!.startMatchingRound.id;
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('walks every pair once in mentee order, with the count of all and the mentors’ load', async () => {
    const first = await page({ first: 2 });
    expect(first).toMatchObject({ totalCount: 3, hasNextPage: true });
    expect(first.nodes.map((p) => p.menteePersonId)).toEqual(['mentee-a', 'mentee-b']);
    expect(first.nodes[0]!.id).toBe(`${roundId}:mentee-a`);
    const rest = await page({ first: 2, after: first.endCursor });
    expect(rest).toMatchObject({ totalCount: 3, hasNextPage: false });
    expect(rest.nodes.map((p) => p.menteePersonId)).toEqual(['mentee-c']);

    const figures = await stack.gql<{
      matchingRound: {
        mentorLoad: { mentors: number; fewest: number; most: number };
        mentors: Array<{ mentees: number }>;
      };
    }>(manager, `query($r: ID!) { matchingRound(id: $r) { mentorLoad { mentors fewest most } mentors { mentees } } }`, {
      r: roundId,
    });
    expect(figures.errors).toBeUndefined();
    expect(figures.data!.matchingRound.mentorLoad).toEqual({ mentors: 2, fewest: 1, most: 2 });
    expect(figures.data!.matchingRound.mentors.map((m) => m.mentees).sort()).toEqual([1, 2]);
  }, 60_000);

  it("narrows to a mentor's pairs, and an edit answers the pairs it changed", async () => {
    const all = await page({ first: 10 });
    const mentor = all.nodes[0]!.mentorPersonId;
    const theirs = await page({ first: 10, filter: { personIds: [mentor] } });
    expect(theirs.nodes.map((p) => p.menteePersonId)).toEqual(
      all.nodes.filter((p) => p.mentorPersonId === mentor).map((p) => p.menteePersonId),
    );

    const locked = await stack.gql<{ lockRoundPair: { pairsOf: Page['nodes'] } }>(
      manager,
      `mutation($r: ID!) {
        lockRoundPair(roundId: $r, menteePersonId: "mentee-b", reason: BETTER_FIT) {
          pairsOf(menteePersonIds: ["mentee-b"]) { id menteePersonId mentorPersonId locked }
        }
      }`,
      { r: roundId },
    );
    expect(locked.errors).toBeUndefined();
    expect(locked.data!.lockRoundPair.pairsOf).toEqual([
      expect.objectContaining({ id: `${roundId}:mentee-b`, menteePersonId: 'mentee-b', locked: true }),
    ]);
    const lockedOnly = await page({ first: 10, filter: { locked: true } });
    expect(lockedOnly.nodes.map((p) => p.menteePersonId)).toEqual(['mentee-b']);
  }, 60_000);
});
