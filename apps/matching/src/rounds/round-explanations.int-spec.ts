import { randomUUID } from 'node:crypto';
import { participantIdFor, participantStreamId } from '@trellis/profiles/contracts';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import type { MatchingHandles } from '../testing/matching-handles';
import { eventually, matchingProfile } from '../testing/matching-pipeline';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';

interface NotFirstChoiceAnswer {
  type: string;
  bestMentorPersonId: string;
  bestScore: number;
  bestMentorPlaces: number;
  fitPoints: number | null;
  menteesDisplaced: number | null;
}
interface RoundAnswer {
  id: string;
  pairs: Array<{
    menteePersonId: string;
    mentorPersonId: string;
    score: number;
    notFirstChoice: NotFirstChoiceAnswer | null;
  }>;
  unmatched: Array<{
    menteePersonId: string;
    hints: Array<{ type: string; mentorCount: number | null; bestMentorPersonId: string | null }>;
  }>;
}

const START = `mutation($p: ID!, $o: MatchingObjective, $c: ID) {
  startMatchingRound(programId: $p, objective: $o, commandId: $c) {
    id
    pairs {
      menteePersonId mentorPersonId score
      notFirstChoice { type bestMentorPersonId bestScore bestMentorPlaces fitPoints menteesDisplaced }
    }
    unmatched { menteePersonId hints { type mentorCount bestMentorPersonId } }
  }
}`;

describe('Explanations for people: not the first choice, and what would match (GraphQL, real broker and FerretDB)', () => {
  let stack: MatchingGraphqlApp;
  let services: MatchingHandles;
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const manager: Principal = { personId: 'manager', tenantId, orgAdmin: false };
  const person = (personId: string): Principal => ({ personId, tenantId, orgAdmin: false });

  const setCapacity = async (mentorPersonId: string, capacity: number) => {
    const participantId = participantIdFor(programId, mentorPersonId);
    await stack.feed.emit('participant', participantStreamId(participantId), programId, 'MentorCapacityChanged', {
      participantId,
      personId: mentorPersonId,
      programId,
      capacity,
    });
    await eventually(async () => {
      const row = await services.pool.participant(tenantId, programId, mentorPersonId);
      return row?.mentorCapacity === capacity;
    });
  };

  const startRound = async (objective: string) => {
    const answer = await stack.gql<{ startMatchingRound: RoundAnswer }>(manager, START, {
      p: programId,
      o: objective,
      c: randomUUID(),
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.startMatchingRound;
  };

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('round_explain', tenantId);
    services = stack.services;
    const { feed } = stack;
    await feed.program(programId);
    await feed.manager(programId, 'manager');
    // mentee-a fits mentor-x best and mentor-y well; mentee-b and mentee-c fit only mentor-x. With one place each,
    // the best total gives mentor-x to mentee-b, mentor-y to mentee-a, and leaves mentee-c without a mentor.
    const enrol = (personId: string, role: 'mentor' | 'mentee', profile: Parameters<typeof matchingProfile>[0]) =>
      feed.enrol(programId, personId, [role], role === 'mentor' ? 1 : 0, matchingProfile(profile));
    await enrol('mentor-x', 'mentor', {
      skillsOffered: [
        { skill: 'data', level: 5 },
        { skill: 'design', level: 5 },
      ],
    });
    await enrol('mentor-y', 'mentor', { skillsOffered: [{ skill: 'design', level: 5 }] });
    await enrol('mentee-a', 'mentee', { skillsSought: ['data', 'design'] });
    await enrol('mentee-b', 'mentee', { skillsSought: ['data'], communicationStyle: 'hands-on', field: 'biology' });
    await enrol('mentee-c', 'mentee', { skillsSought: ['data'], communicationStyle: 'hands-on', field: 'biology' });
    await eventually(async () => {
      const people = await services.pool.activeParticipants(tenantId, programId);
      const member = await services.memberships.membership(tenantId, programId, 'manager');
      return people.length === 5 && member !== null;
    }, 60_000);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('gives an unmatched mentee a hint that is true: with the place it asks for, the next round matches them', async () => {
    const first = await startRound('BEST_TOTAL');
    expect(first.unmatched).toHaveLength(1);
    const unmatched = first.unmatched[0]!;
    expect(['mentee-b', 'mentee-c']).toContain(unmatched.menteePersonId);
    expect(unmatched.hints).toHaveLength(1);
    expect(unmatched.hints[0]).toMatchObject({ type: 'EXTRA_PLACE', bestMentorPersonId: 'mentor-x' });
    expect(unmatched.hints[0]!.mentorCount).toBe(2);

    // The hint applied: one more place with the best of the fitting mentors.
    await setCapacity('mentor-x', 2);
    const next = await startRound('BEST_TOTAL');
    expect(next.unmatched).toEqual([]);
    expect(next.pairs.map((p) => p.menteePersonId).sort()).toEqual(['mentee-a', 'mentee-b', 'mentee-c']);
    await setCapacity('mentor-x', 1);
  }, 180_000);

  it("says with the numbers why a mentee missed their best mentor, on the round and on the mentee's proposal", async () => {
    const best = await startRound('BEST_TOTAL');
    const byMentee = new Map(best.pairs.map((p) => [p.menteePersonId, p]));
    expect(byMentee.get('mentee-a')?.mentorPersonId).toBe('mentor-y');
    expect(best.pairs.find((p) => p.mentorPersonId === 'mentor-x')?.notFirstChoice).toBeNull();
    const reason = byMentee.get('mentee-a')!.notFirstChoice!;
    expect(reason).toMatchObject({ type: 'FIT_BETTER_USED', bestMentorPersonId: 'mentor-x', bestMentorPlaces: 1 });
    expect(reason.bestScore).toBeGreaterThan(byMentee.get('mentee-a')!.score);

    // The numbers are the round's own: placing mentee-a with mentor-x and the other pairs as well as possible (the
    // stable round does exactly that here) totals `fitPoints` less.
    const stable = await startRound('STABLE');
    const stableA = stable.pairs.find((p) => p.menteePersonId === 'mentee-a')!;
    expect(stableA.mentorPersonId).toBe('mentor-x');
    const total = (round: RoundAnswer) => round.pairs.reduce((sum, p) => sum + p.score, 0);
    expect(reason.fitPoints).toBeGreaterThan(0);
    expect(reason.fitPoints).toBe(Math.round(100 * (total(best) - total(stable))));
    expect(reason.menteesDisplaced).toBe(1);

    // Published, the mentee reads the same reason on their proposal; the mentor of that proposal reads nothing.
    await stack.gql(manager, `mutation($r: ID!) { publishMatchingRound(roundId: $r) { status } }`, { r: best.id });
    const query = `{ myProposals { roundId notFirstChoice { type bestMentorPersonId fitPoints bestMentorPlaces } } }`;
    type Proposals = { myProposals: Array<{ roundId: string; notFirstChoice: NotFirstChoiceAnswer | null }> };
    const own = await eventually(async () => {
      const answer = await stack.gql<Proposals>(person('mentee-a'), query);
      return answer.data?.myProposals.find((p) => p.roundId === best.id);
    });
    expect(own.notFirstChoice).toEqual({
      type: 'FIT_BETTER_USED',
      bestMentorPersonId: 'mentor-x',
      fitPoints: reason.fitPoints,
      bestMentorPlaces: 1,
    });
    const mentors = await stack.gql<Proposals>(person('mentor-y'), query);
    expect(mentors.errors).toBeUndefined();
    expect(mentors.data!.myProposals.find((p) => p.roundId === best.id)?.notFirstChoice).toBeNull();
  }, 180_000);
});
