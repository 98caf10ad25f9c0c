import { randomUUID } from 'node:crypto';
import { mentorBookStreamId } from '@trellis/matching/domain';
import { programStreamId, type HardRules } from '@trellis/profiles/contracts';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';
import { eventually, matchingProfile } from '../testing/matching-pipeline';

/**
 * A mentee's own request honours the program's hard rules like rounds and recommendations do, on the real broker
 * and FerretDB through the matching subgraph: a request breaking a rule is refused with the rule in words and
 * nothing is recorded; once the manager turns the rule off, the same request goes through.
 */
describe('requestMentor and the hard rules (GraphQL, real broker and FerretDB)', () => {
  let stack: MatchingGraphqlApp;
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const person = (personId: string): Principal => ({ personId, tenantId, orgAdmin: false });
  const mentee = person(`mentee-${randomUUID()}`);
  const boss = `boss-${randomUUID()}`;
  const french = `french-${randomUUID()}`;
  const junior = `junior-${randomUUID()}`;
  const REQUEST = `mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorPersonId: $m) { requestId } }`;
  const RECOMMENDED = `query($p: ID!) { recommendedMentors(programId: $p, first: 10) { mentorPersonId } }`;
  const MINE = `{ myMentorshipRequests { id mentorPersonId } }`;
  const hardRules: HardRules = {
    sameDepartmentNotAllowed: false,
    reportingLineExcluded: true,
    sharedLanguageRequired: true,
    maxTimezoneGapHours: null,
    minSeniorityGap: 1,
  };
  const changeRules = async (rules: HardRules) => {
    await stack.feed.emit('program', programStreamId(programId), programId, 'ProgramMatchingRulesChanged', {
      programId,
      matchingRules: { weights: { skills: 4, languages: 1 }, hardRules: rules, objective: 'best-total' },
    });
    await eventually(
      async () =>
        JSON.stringify((await stack.services.pool.program(tenantId, programId))?.rules?.hardRules) ===
        JSON.stringify(rules),
    );
  };
  const request = (mentorPersonId: string) =>
    stack.gql<{ requestMentor: { requestId: string } }>(mentee, REQUEST, { p: programId, m: mentorPersonId });
  const mine = async () => {
    const result = await stack.gql<{ myMentorshipRequests: Array<{ mentorPersonId: string }> }>(mentee, MINE);
    expect(result.errors).toBeUndefined();
    return result.data!.myMentorshipRequests.map((r) => r.mentorPersonId);
  };

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('matching_request_hard_rules', tenantId);
    const { feed, services } = stack;
    await feed.program(programId);
    await feed.enrol(programId, boss, ['mentor'], 3, matchingProfile({ seniority: 8 }));
    await feed.enrol(programId, french, ['mentor'], 3, matchingProfile({ languages: ['fr'], seniority: 8 }));
    await feed.enrol(programId, junior, ['mentor'], 3, matchingProfile({ seniority: 2 }));
    await feed.enrol(programId, mentee.personId, ['mentee'], 0, matchingProfile({ managerPersonId: boss }));
    await changeRules(hardRules);
    await eventually(async () => {
      const mentors = await services.pool.activeWithRole(tenantId, programId, 'mentor');
      const mentees = await services.pool.activeWithRole(tenantId, programId, 'mentee');
      const books = await Promise.all(
        [boss, french, junior].map((id) => services.commands.mentorBooks.load(mentorBookStreamId(programId, id))),
      );
      return mentors.length === 3 && mentees.length === 1 && books.every((b) => b.state.status === 'open');
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses each request that breaks a rule, naming the rule, and records none of them', async () => {
    const noLanguage = await request(french);
    expect(noLanguage.errors?.[0]).toMatchObject({
      message: 'Your program requires a shared language; you and this mentor share none.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const ownManager = await request(boss);
    expect(ownManager.errors?.[0]).toMatchObject({
      message: 'Your program does not pair people in the same reporting line; this mentor is your manager.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tooJunior = await request(junior);
    expect(tooJunior.errors?.[0]).toMatchObject({
      message:
        'Your program requires a mentor at least 1 level more senior than you; this mentor is 1 level less senior.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await mine()).toEqual([]);
    // Recommendations apply the same rules: none of the three is offered.
    const recommended = await stack.gql<{ recommendedMentors: unknown[] }>(mentee, RECOMMENDED, { p: programId });
    expect(recommended.errors).toBeUndefined();
    expect(recommended.data!.recommendedMentors).toEqual([]);
  });

  it('lets the same request through once the program turns the rule off', async () => {
    await changeRules({ ...hardRules, reportingLineExcluded: false });
    const recommended = await stack.gql<{ recommendedMentors: Array<{ mentorPersonId: string }> }>(
      mentee,
      RECOMMENDED,
      { p: programId },
    );
    expect(recommended.data!.recommendedMentors.map((r) => r.mentorPersonId)).toEqual([boss]);
    const sent = await request(boss);
    expect(sent.errors).toBeUndefined();
    expect(await eventually(async () => ((await mine()).length === 1 ? mine() : undefined))).toEqual([boss]);
    // The refused requests took none of the mentee's three open requests, and the other rules turned off let the
    // other two mentors through as well.
    await changeRules({
      ...hardRules,
      reportingLineExcluded: false,
      sharedLanguageRequired: false,
      minSeniorityGap: null,
    });
    expect((await request(french)).errors).toBeUndefined();
    expect((await request(junior)).errors).toBeUndefined();
  });
});
