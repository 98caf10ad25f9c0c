import { randomUUID } from 'node:crypto';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import { eventually, matchingProfile } from './testing/matching-pipeline';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from './testing/matching-graphql-app';

describe('Matching subgraph (GraphQL) on the real broker and FerretDB', () => {
  let stack: MatchingGraphqlApp;
  const gql = <T>(as: Principal, query: string, variables: Record<string, unknown> = {}) =>
    stack.gql<T>(as, query, variables);
  let url: string;
  let feed: MatchingGraphqlApp['feed'];
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const person = (personId: string, tenant = tenantId): Principal => ({ personId, tenantId: tenant, orgAdmin: false });

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('matching_gql', tenantId);
    ({ url, feed } = stack);

    await feed.program(programId);
    await feed.manager(programId, 'manager');
    await feed.enrol(programId, 'mentor', ['mentor'], 1);
    await feed.enrol(programId, 'mentee', ['mentee'], 0, matchingProfile());
    const { services } = stack;
    await eventually(async () => {
      const mentees = await services.pool.activeWithRole(tenantId, programId, 'mentee');
      const mentors = await services.pool.activeWithRole(tenantId, programId, 'mentor');
      const manager = await services.memberships.membership(tenantId, programId, 'manager');
      return mentees.length === 1 && mentors.length === 1 && manager !== null;
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('a manager runs and publishes a round; mentee and mentor accept; both see the mentorship, outsiders do not', async () => {
    const denied = await gql(person('mentee'), `mutation($p: ID!) { startMatchingRound(programId: $p) { id } }`, {
      p: programId,
    });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const started = await gql<{
      startMatchingRound: {
        id: string;
        status: string;
        pairs: Array<{ menteePersonId: string; score: number; factors: Array<{ name: string; contribution: number }> }>;
      };
    }>(
      person('manager'),
      `mutation($p: ID!) { startMatchingRound(programId: $p, objective: BEST_TOTAL) {
        id status pairs { menteePersonId mentorPersonId score factors { name weight value contribution } } } }`,
      { p: programId },
    );
    expect(started.errors).toBeUndefined();
    const round = started.data!.startMatchingRound;
    expect(round.status).toBe('COMPUTED');
    expect(round.pairs).toHaveLength(1);
    // The manager sees why the pair scores what it does: the factors' shares add up to the score.
    const [pair] = round.pairs;
    expect(pair!.factors.length).toBeGreaterThan(0);
    expect(pair!.factors.reduce((sum, f) => sum + f.contribution, 0)).toBeCloseTo(pair!.score, 2);

    // The draft is invisible to participants until it is published.
    expect((await gql(person('mentee'), `{ myProposals { id } }`)).data).toEqual({ myProposals: [] });

    const published = await gql<{ publishMatchingRound: { status: string } }>(
      person('manager'),
      `mutation($r: ID!) { publishMatchingRound(roundId: $r) { status } }`,
      { r: round.id },
    );
    expect(published.data?.publishMatchingRound.status).toBe('PUBLISHED');

    const proposals = await eventually(async () => {
      const result = await gql<{ myProposals: Array<{ id: string }> }>(person('mentee'), `{ myProposals { id } }`);
      return result.data?.myProposals.length ? result.data.myProposals : undefined;
    });
    const proposalId = proposals[0]!.id;

    const outsider = await gql(
      person('mentee', 'org-elsewhere'),
      `mutation($id: ID!) { acceptProposal(proposalId: $id) { mentorshipId } }`,
      {
        id: proposalId,
      },
    );
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const first = await gql<{ acceptProposal: { mentorshipId: string | null } }>(
      person('mentee'),
      `mutation($id: ID!) { acceptProposal(proposalId: $id) { mentorshipId } }`,
      { id: proposalId },
    );
    expect(first.data?.acceptProposal.mentorshipId).toBeNull();
    const second = await gql<{ acceptProposal: { mentorshipId: string | null } }>(
      person('mentor'),
      `mutation($id: ID!) { acceptProposal(proposalId: $id) { mentorshipId } }`,
      { id: proposalId },
    );
    const mentorshipId = second.data?.acceptProposal.mentorshipId;
    expect(mentorshipId).toBeTruthy();

    for (const who of ['mentee', 'mentor']) {
      const mine = await eventually(async () => {
        const result = await gql<{ myMentorships: Array<{ id: string; status: string }> }>(
          person(who),
          `{ myMentorships { id status mentorPersonId menteePersonId } }`,
        );
        return result.data?.myMentorships.length ? result.data.myMentorships : undefined;
      });
      expect(mine).toEqual([expect.objectContaining({ id: mentorshipId, status: 'ACTIVE' })]);
    }
    expect((await gql(person('stranger'), `{ myMentorships { id } }`)).data).toEqual({ myMentorships: [] });
    expect((await gql(person('mentee', 'org-elsewhere'), `{ myMentorships { id } }`)).data).toEqual({
      myMentorships: [],
    });

    // Ending it frees the mentor's place; a stranger may not end it.
    const strangerEnds = await gql(
      person('stranger'),
      `mutation($id: ID!) { endMentorship(mentorshipId: $id, reason: COMPLETED) }`,
      {
        id: mentorshipId,
      },
    );
    expect(strangerEnds.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ended = await gql(
      person('mentee'),
      `mutation($id: ID!) { endMentorship(mentorshipId: $id, reason: GOALS_MET, reflection: "It was great") }`,
      {
        id: mentorshipId,
      },
    );
    expect(ended.errors).toBeUndefined();
  });

  it('rejects a request without a token', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ myMentorships { id } }' }),
    });
    expect(response.status).toBe(401);
  });
});
