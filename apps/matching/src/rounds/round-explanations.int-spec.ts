import { randomUUID } from 'node:crypto';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import type { MatchingHandles } from '../testing/matching-handles';
import { eventually, matchingProfile } from '../testing/matching-pipeline';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';

interface ExplainedRound {
  id: string;
  pairs: Array<{
    menteePersonId: string;
    mentorPersonId: string;
    manual: boolean;
    notFirstChoice: {
      type: string;
      bestMentorPersonId: string;
      bestScore: number;
      bestMentorPlaces: number;
      fitPoints: number | null;
      menteesDisplaced: number | null;
      matchesLost: number | null;
    } | null;
  }>;
  unmatched: Array<{
    menteePersonId: string;
    reason: string;
    hints: Array<{ type: string; mentorCount: number | null; bestMentorPersonId: string | null }>;
  }>;
}

const ROUND_FIELDS = `id
  pairs {
    menteePersonId mentorPersonId manual
    notFirstChoice { type bestMentorPersonId bestScore bestMentorPlaces fitPoints menteesDisplaced matchesLost }
  }
  unmatched { menteePersonId reason hints { type mentorCount bestMentorPersonId } }`;

const pairOf = (round: ExplainedRound, menteePersonId: string) =>
  round.pairs.find((p) => p.menteePersonId === menteePersonId);

describe('Why a mentee did not get their best mentor, and what would match the unmatched (GraphQL, real broker and FerretDB)', () => {
  let stack: MatchingGraphqlApp;
  let services: MatchingHandles;
  const tenantId = uniqueName('org');
  const contestedProgram = `program-${randomUUID()}`;
  const crowdedProgram = `program-${randomUUID()}`;
  const manager: Principal = { personId: 'manager', tenantId, orgAdmin: false };

  const startRound = async (programId: string): Promise<ExplainedRound> => {
    const answer = await stack.gql<{ startMatchingRound: ExplainedRound }>(
      manager,
      `mutation($p: ID!, $c: ID) { startMatchingRound(programId: $p, objective: BEST_TOTAL, commandId: $c) { ${ROUND_FIELDS} } }`,
      { p: programId, c: randomUUID() },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.startMatchingRound;
  };

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('round_explain', tenantId);
    services = stack.services;
    const { feed } = stack;
    for (const programId of [contestedProgram, crowdedProgram]) {
      await feed.program(programId);
      await feed.manager(programId, 'manager');
    }
    const enrol = (
      programId: string,
      personId: string,
      role: 'mentor' | 'mentee',
      profile: Parameters<typeof matchingProfile>[0],
    ) => feed.enrol(programId, personId, [role], role === 'mentor' ? 1 : 0, matchingProfile(profile));
    // mentee-a fits mentor-x best and mentor-y well; mentee-b fits mentor-x far better than mentor-y. The best total
    // gives mentor-x's one place to mentee-b, so mentee-a is told mentor-x's place adds more fit with someone else.
    await enrol(contestedProgram, 'mentor-x', 'mentor', {
      skillsOffered: [
        { skill: 'data', level: 5 },
        { skill: 'design', level: 5 },
      ],
    });
    await enrol(contestedProgram, 'mentor-y', 'mentor', { skillsOffered: [{ skill: 'design', level: 5 }] });
    await enrol(contestedProgram, 'mentee-a', 'mentee', { skillsSought: ['data', 'design'] });
    await enrol(contestedProgram, 'mentee-b', 'mentee', {
      skillsSought: ['data'],
      communicationStyle: 'hands-on',
      field: 'biology',
    });
    // Two mentees and one mentor with one place: one of them stays unmatched, and one more place would match them.
    await enrol(crowdedProgram, 'mentor-z', 'mentor', { skillsOffered: [{ skill: 'data', level: 4 }] });
    await enrol(crowdedProgram, 'mentee-d', 'mentee', { skillsSought: ['data'] });
    await enrol(crowdedProgram, 'mentee-e', 'mentee', { skillsSought: ['data'] });
    await eventually(async () => {
      const [contested, crowded] = await Promise.all([
        services.pool.activeParticipants(tenantId, contestedProgram),
        services.pool.activeParticipants(tenantId, crowdedProgram),
      ]);
      const member = await services.memberships.membership(tenantId, crowdedProgram, 'manager');
      return contested.length === 4 && crowded.length === 3 && member !== null;
    }, 60_000);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('names the best mentor and what giving them to this mentee would cost; a manager’s swap is its own reason', async () => {
    const round = await startRound(contestedProgram);
    expect(pairOf(round, 'mentee-b')).toMatchObject({ mentorPersonId: 'mentor-x', notFirstChoice: null });
    const a = pairOf(round, 'mentee-a')!;
    expect(a.mentorPersonId).toBe('mentor-y');
    expect(a.notFirstChoice).toMatchObject({
      type: 'FIT_BETTER_USED',
      bestMentorPersonId: 'mentor-x',
      bestMentorPlaces: 1,
      menteesDisplaced: 1,
      matchesLost: 0,
    });
    expect(a.notFirstChoice!.fitPoints).toBeGreaterThan(0);
    expect(a.notFirstChoice!.bestScore).toBeGreaterThan(0);
    expect(a.notFirstChoice!.bestScore).toBeLessThanOrEqual(1);

    // Read back, not only in the mutation's answer.
    const read = await stack.gql<{ matchingRound: ExplainedRound }>(
      manager,
      `query($r: ID!) { matchingRound(id: $r) { ${ROUND_FIELDS} } }`,
      { r: round.id },
    );
    expect(read.errors).toBeUndefined();
    expect(pairOf(read.data!.matchingRound, 'mentee-a')?.notFirstChoice?.bestMentorPersonId).toBe('mentor-x');

    const swapped = await stack.gql<{ swapRoundMentors: ExplainedRound }>(
      manager,
      `mutation($r: ID!, $c: ID) {
        swapRoundMentors(roundId: $r, menteeA: "mentee-a", menteeB: "mentee-b", reason: MANAGER_JUDGEMENT, commandId: $c) {
          ${ROUND_FIELDS}
        }
      }`,
      { r: round.id, c: randomUUID() },
    );
    expect(swapped.errors).toBeUndefined();
    const after = swapped.data!.swapRoundMentors;
    expect(pairOf(after, 'mentee-a')).toMatchObject({ mentorPersonId: 'mentor-x', manual: true, notFirstChoice: null });
    expect(pairOf(after, 'mentee-b')).toMatchObject({ mentorPersonId: 'mentor-y', manual: true, notFirstChoice: null });
  }, 180_000);

  it('tells the unmatched mentee that one more place with the mentor who fits would match them', async () => {
    const round = await startRound(crowdedProgram);
    expect(round.pairs).toHaveLength(1);
    expect(round.pairs[0]!.mentorPersonId).toBe('mentor-z');
    expect(round.unmatched).toHaveLength(1);
    const [unmatched] = round.unmatched;
    expect(['mentee-d', 'mentee-e']).toContain(unmatched!.menteePersonId);
    expect(unmatched!.menteePersonId).not.toBe(round.pairs[0]!.menteePersonId);
    expect(unmatched!.hints).toEqual([{ type: 'EXTRA_PLACE', mentorCount: 1, bestMentorPersonId: 'mentor-z' }]);
  }, 180_000);
});
