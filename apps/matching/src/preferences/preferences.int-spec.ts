import { randomUUID } from 'node:crypto';
import { participantIdFor } from '@trellis/profiles/contracts';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import type { CommandContext } from '../acceptance/acceptance.service';
import type { MatchingHandles } from '../testing/matching-handles';
import { eventually, matchingProfile } from '../testing/matching-pipeline';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';

interface Preferences {
  preferredMentorPersonIds: string[];
  ratherNotMenteePersonIds: string[];
  maxPreferredMentors: number;
}

describe('Matching preferences (GraphQL and rounds, real broker and FerretDB)', () => {
  let stack: MatchingGraphqlApp;
  let services: MatchingHandles;
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const as = (personId: string, tenant = tenantId): Principal => ({ personId, tenantId: tenant, orgAdmin: false });
  const managerCtx = (): CommandContext & { commandId: string } => ({
    tenantId,
    actorPersonId: 'manager',
    correlationId: randomUUID(),
    commandId: randomUUID(),
  });
  const prefer = `mutation($p: ID!, $ids: [ID!]!, $c: ID) {
    setPreferredMentors(programId: $p, mentorPersonIds: $ids, commandId: $c) {
      preferredMentorPersonIds ratherNotMenteePersonIds maxPreferredMentors
    }
  }`;
  const ratherNot = `mutation($p: ID!, $ids: [ID!]!, $c: ID) {
    setRatherNotMentees(programId: $p, menteePersonIds: $ids, commandId: $c) {
      preferredMentorPersonIds ratherNotMenteePersonIds maxPreferredMentors
    }
  }`;
  const mine = `query($p: ID!) {
    myMatchingPreferences(programId: $p) { preferredMentorPersonIds ratherNotMenteePersonIds maxPreferredMentors }
  }`;
  const MENTORS = ['mentor-a', 'mentor-b', 'mentor-c', 'mentor-d'];
  const mentorOf = async (menteePersonId: string) => {
    const round = await services.rounds.startRound(managerCtx(), { programId, cohortId: null, objective: null });
    await services.rounds.discard(managerCtx(), round.roundId);
    return round.pairs[menteePersonId]?.mentorPersonId ?? null;
  };

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('preferences', tenantId);
    services = stack.services;
    const { feed } = stack;
    await feed.program(programId);
    await feed.manager(programId, 'manager');
    // Mentors alike in every factor: without preferences the tie goes by the engine's own order.
    for (const mentor of MENTORS) {
      await feed.enrol(programId, mentor, ['mentor'], 1, matchingProfile());
    }
    await feed.enrol(programId, 'mentee-1', ['mentee'], 0, matchingProfile());
    await eventually(async () => {
      const people = await services.pool.activeParticipants(tenantId, programId);
      const member = await services.memberships.membership(tenantId, programId, 'manager');
      return people.length === 5 && member !== null;
    }, 60_000);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('lets a mentee prefer mentors (scored as favourite) and a mentor leave a mentee out of rounds', async () => {
    const unpreferred = await mentorOf('mentee-1');
    expect(unpreferred).not.toBeNull();
    // Preferred are two mentors the tie did not go to, so only the preference can move the mentee to them.
    const [first, second] = MENTORS.filter((m) => m !== unpreferred) as [string, string];

    const commandId = randomUUID();
    const set = await stack.gql<{ setPreferredMentors: Preferences }>(as('mentee-1'), prefer, {
      p: programId,
      ids: [first, second],
      c: commandId,
    });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setPreferredMentors).toEqual({
      preferredMentorPersonIds: [first, second],
      ratherNotMenteePersonIds: [],
      maxPreferredMentors: 3,
    });
    // The same command retried records nothing new.
    const before = (await services.store.readStream(`participant-preferences-${programId}-mentee-1`)).length;
    const retried = await stack.gql<{ setPreferredMentors: Preferences }>(as('mentee-1'), prefer, {
      p: programId,
      ids: [first, second],
      c: commandId,
    });
    expect(retried.data?.setPreferredMentors.preferredMentorPersonIds).toEqual([first, second]);
    expect((await services.store.readStream(`participant-preferences-${programId}-mentee-1`)).length).toBe(before);

    // The favourite factor now breaks the tie towards a preferred mentor, and the pair's breakdown shows it.
    const round = await services.rounds.startRound(managerCtx(), { programId, cohortId: null, objective: null });
    const chosen = round.pairs['mentee-1']?.mentorPersonId ?? '';
    expect([first, second]).toContain(chosen);
    const other = chosen === first ? second : first;
    const factors = (await services.rounds.explainPairs(managerCtx(), round))('mentee-1');
    expect(factors.find((f) => f.name === 'favourite')).toMatchObject({ value: 1 });
    await services.rounds.discard(managerCtx(), round.roundId);

    // That mentor would rather not take mentee-1: rounds leave the pair out, the other preferred mentor gets it.
    const left = await stack.gql<{ setRatherNotMentees: Preferences }>(as(chosen), ratherNot, {
      p: programId,
      ids: ['mentee-1'],
    });
    expect(left.errors).toBeUndefined();
    expect(left.data?.setRatherNotMentees.ratherNotMenteePersonIds).toEqual(['mentee-1']);
    expect(await mentorOf('mentee-1')).toBe(other);

    // Recommendations count the same preferences: the mentor who would rather not is left out, the other preferred
    // mentor comes first with the favourite factor, the mentors alike but not preferred follow.
    const recommended = await stack.gql<{
      recommendedMentors: Array<{ mentorPersonId: string; factors: Array<{ name: string; value: number }> }>;
    }>(
      as('mentee-1'),
      `query($p: ID!) { recommendedMentors(programId: $p, first: 10) { mentorPersonId factors { name value } } }`,
      {
        p: programId,
      },
    );
    expect(recommended.errors).toBeUndefined();
    const list = recommended.data!.recommendedMentors;
    expect(list.map((r) => r.mentorPersonId)).not.toContain(chosen);
    expect(list).toHaveLength(MENTORS.length - 1);
    expect(list[0]!.mentorPersonId).toBe(other);
    expect(list[0]!.factors.find((f) => f.name === 'favourite')).toMatchObject({ value: 1 });
    expect(list.slice(1).every((r) => (r.factors.find((f) => f.name === 'favourite')?.value ?? 0) === 0)).toBe(true);

    // Each person sees only their own lists: the mentee never learns who would rather not take them.
    const menteeView = await stack.gql<{ myMatchingPreferences: Preferences }>(as('mentee-1'), mine, { p: programId });
    expect(menteeView.data?.myMatchingPreferences).toEqual({
      preferredMentorPersonIds: [first, second],
      ratherNotMenteePersonIds: [],
      maxPreferredMentors: 3,
    });
    const mentorView = await stack.gql<{ myMatchingPreferences: Preferences }>(as(chosen), mine, {
      p: programId,
    });
    expect(mentorView.data?.myMatchingPreferences.ratherNotMenteePersonIds).toEqual(['mentee-1']);
    // The mentor's list names the mentee through profiles: the reference is the mentee's participant in the program.
    const named = await stack.gql<{ myMatchingPreferences: { ratherNotMentees: Array<{ id: string }> } }>(
      as(chosen),
      `query($p: ID!) { myMatchingPreferences(programId: $p) { ratherNotMentees { id } } }`,
      { p: programId },
    );
    expect(named.data?.myMatchingPreferences.ratherNotMentees).toEqual([
      { id: participantIdFor(programId, 'mentee-1') },
    ]);
  }, 180_000);

  it('refuses more preferred mentors than allowed, the wrong role, unknown people and other organizations', async () => {
    const tooMany = await stack.gql(as('mentee-1'), prefer, {
      p: programId,
      ids: ['mentor-a', 'mentor-b', 'mentor-c', 'mentor-d'],
    });
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'You can mark at most 3 preferred mentors.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const unknown = await stack.gql(as('mentee-1'), prefer, { p: programId, ids: ['mentor-z'] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const repeated = await stack.gql(as('mentee-1'), prefer, {
      p: programId,
      ids: ['mentor-a', 'mentor-b', 'mentor-c', 'mentor-a', 'mentor-b'],
    });
    expect(repeated.errors).toBeUndefined(); // repeated ids count once
    const mentorPrefers = await stack.gql(as('mentor-a'), prefer, { p: programId, ids: ['mentor-b'] });
    expect(mentorPrefers.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const menteeLeavesOut = await stack.gql(as('mentee-1'), ratherNot, { p: programId, ids: ['mentee-1'] });
    expect(menteeLeavesOut.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const notAMentor = await stack.gql(as('mentee-1'), prefer, { p: programId, ids: ['mentee-1'] });
    expect(notAMentor.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await stack.gql(as('mentee-1', uniqueName('org')), mine, { p: programId });
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 60_000);

  it("follows the program's setting for how many mentors a mentee may prefer", async () => {
    const strict = `program-${randomUUID()}`;
    await stack.feed.program(strict, { maxPreferredMentors: 1 });
    for (const mentor of ['strict-mentor-a', 'strict-mentor-b']) {
      await stack.feed.enrol(strict, mentor, ['mentor'], 1, matchingProfile());
    }
    await stack.feed.enrol(strict, 'strict-mentee', ['mentee'], 0, matchingProfile());
    await eventually(async () => (await services.pool.activeParticipants(tenantId, strict)).length === 3, 60_000);

    const view = await stack.gql<{ myMatchingPreferences: Preferences }>(as('strict-mentee'), mine, { p: strict });
    expect(view.data?.myMatchingPreferences.maxPreferredMentors).toBe(1);
    const two = await stack.gql(as('strict-mentee'), prefer, {
      p: strict,
      ids: ['strict-mentor-a', 'strict-mentor-b'],
    });
    expect(two.errors?.[0]).toMatchObject({
      message: 'You can mark at most 1 preferred mentor.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const one = await stack.gql<{ setPreferredMentors: Preferences }>(as('strict-mentee'), prefer, {
      p: strict,
      ids: ['strict-mentor-b'],
    });
    expect(one.data?.setPreferredMentors).toMatchObject({
      preferredMentorPersonIds: ['strict-mentor-b'],
      maxPreferredMentors: 1,
    });
  }, 120_000);
});
