import { randomUUID } from 'node:crypto';
import { uniqueName, waitUntil } from '@trellis/shared/testing';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY } from '../core/sessions-wiring';
import { SessionsHarness } from '../testing/sessions-harness';
import { UpstreamFeed } from '../testing/upstream-feed';

interface Who {
  tenantId: string;
  personId: string;
}
interface SurveyShape {
  id: string;
  title: string;
  status: string;
  previousSurveyId: string | null;
  questions: Array<{ questionId: string; kind: string; prompt: string; options: Array<{ optionId: string }> | null }>;
}
interface Comparison {
  previousSurveyId: string;
  previousTitle: string;
  status: string;
  note: string | null;
  hiddenSides: string[];
  respondents: number | null;
  previousRespondents: number | null;
  questions: Array<{
    questionId: string;
    status: string;
    current: number | null;
    previous: number | null;
    delta: number | null;
    options: Array<{ optionId: string; current: number | null; previous: number | null; delta: number | null }> | null;
  }>;
}

const SURVEY = 'id title status previousSurveyId questions { questionId kind prompt options { optionId } }';
const DRAFT = `mutation($p: ID!, $t: String!) { draftSurvey(programId: $p, title: $t) { ${SURVEY} } }`;
const COPY = `mutation($p: ID!, $f: ID!, $c: ID) { copySurvey(programId: $p, fromSurveyId: $f, commandId: $c) { ${SURVEY} } }`;
const ADD = `mutation($s: ID!, $q: SurveyQuestionInput!) { addSurveyQuestion(surveyId: $s, question: $q) { id } }`;
const SCHEDULE = `mutation($s: ID!, $x: SurveyScheduleInput!) { scheduleSurvey(surveyId: $s, schedule: $x) { id } }`;
const PUBLISH = `mutation($s: ID!) { publishSurvey(surveyId: $s) { id } }`;
const MINE = `query { mySurveyInvitations { occurrenceId surveyId } }`;
const ANSWER = `mutation($o: ID!, $a: [SurveyAnswerInput!]!) { answerSurvey(occurrenceId: $o, answers: $a) { answeredAt } }`;
const COMPARE = `query($s: ID!, $at: String) { surveyTermComparison(surveyId: $s, asOf: $at) {
  previousSurveyId previousTitle status note hiddenSides respondents previousRespondents
  questions { questionId status current previous delta options { optionId current previous delta } } } }`;

const DAY = 86_400_000;

/**
 * Last term against this one, on the real broker and FerretDB: a manager of both programs copies last term's survey
 * into the new program, the same questions under the same ids, and reads the change in NPS and in choices once both
 * terms have five answers. A side under its threshold hides every delta; an as-of date before this term's answers
 * hides this term again; a manager of the new program alone cannot compare with a program they do not manage.
 */
describe('survey comparison with the previous term (sessions service, real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions_survey_terms', { memberships: true, partitions: 1 });
  const { ok } = sessions;
  const tenantId = uniqueName('org');
  const lastTermId = randomUUID();
  const thisTermId = randomUUID();
  const person = (role: string): Who => ({ tenantId, personId: `${role}-${randomUUID()}` });
  const manager = person('manager');
  const newManager = person('new-manager');
  const pairsOf = () =>
    [1, 2, 3].map(() => ({ mentorshipId: randomUUID(), mentor: person('mentor'), mentee: person('mentee') }));
  const lastTermPairs = pairsOf();
  const thisTermPairs = pairsOf();
  const startedAt = new Date(Date.now() - 15 * DAY).toISOString();
  let lastFeed: UpstreamFeed;
  let thisFeed: UpstreamFeed;
  let lastSurveyId = '';
  let thisSurveyId = '';

  const compare = async (asOf?: string) =>
    (await ok<{ surveyTermComparison: Comparison | null }>(manager, COMPARE, { s: thisSurveyId, at: asOf ?? null }))
      .surveyTermComparison;
  const publishForTwoWeeksIn = async (surveyId: string) => {
    await ok(manager, SCHEDULE, {
      s: surveyId,
      x: { trigger: 'AFTER_MENTORSHIP_START', weeks: 2, audience: 'BOTH', openDays: 14 },
    });
    await ok(manager, PUBLISH, { s: surveyId });
  };
  const startAll = async (feed: UpstreamFeed, pairs: ReturnType<typeof pairsOf>) => {
    for (const pair of pairs) {
      await feed.publish(
        sessions.wiring.matchingTopic,
        feed.mentorshipStarted(pair.mentorshipId, pair.mentor, pair.mentee, startedAt),
      );
    }
    for (const pair of pairs) {
      await waitUntil(
        async () => (await ok<{ mySurveyInvitations: unknown[] }>(pair.mentee, MINE)).mySurveyInvitations.length === 1,
      );
    }
  };
  /** Each person answers how likely they recommend the program and which format they liked. */
  const answerAll = async (answers: Array<[Who, number, string]>) => {
    for (const [who, score, format] of answers) {
      const [invitation] = (await ok<{ mySurveyInvitations: Array<{ occurrenceId: string }> }>(who, MINE))
        .mySurveyInvitations;
      await ok(who, ANSWER, {
        o: invitation!.occurrenceId,
        a: [
          { questionId: 'recommend', value: score },
          { questionId: 'format', optionIds: [format] },
        ],
      });
    }
  };
  const people = (pairs: ReturnType<typeof pairsOf>) => pairs.flatMap((p) => [p.mentor, p.mentee]);

  beforeAll(async () => {
    await sessions.start();
    lastFeed = new UpstreamFeed(sessions.kafka, tenantId, lastTermId);
    thisFeed = new UpstreamFeed(sessions.kafka, tenantId, thisTermId);
    await lastFeed.publish(
      sessions.wiring.profilesTopic,
      lastFeed.managerAssigned(manager),
      ...lastTermPairs.flatMap((p) => [lastFeed.enrolled(p.mentor, 'mentor'), lastFeed.enrolled(p.mentee, 'mentee')]),
    );
    await thisFeed.publish(
      sessions.wiring.profilesTopic,
      thisFeed.managerAssigned(manager),
      thisFeed.managerAssigned(newManager),
      ...thisTermPairs.flatMap((p) => [thisFeed.enrolled(p.mentor, 'mentor'), thisFeed.enrolled(p.mentee, 'mentee')]),
    );
    const { memberships } = sessions.app.get<symbol, SessionsDirectory>(SESSIONS_DIRECTORY);
    const known = [
      ...[manager, ...people(lastTermPairs)].map((who) => [lastTermId, who] as const),
      ...[manager, newManager, ...people(thisTermPairs)].map((who) => [thisTermId, who] as const),
    ];
    for (const [programId, who] of known) {
      await waitUntil(async () => (await memberships.membership(tenantId, programId, who.personId)) !== null);
    }
  }, 120_000);

  afterAll(async () => {
    await lastFeed?.disconnect();
    await thisFeed?.disconnect();
    await sessions.close();
  });

  it('copies last term’s survey into the new program with the same questions, once per command', async () => {
    const drafted = await ok<{ draftSurvey: SurveyShape }>(manager, DRAFT, { p: lastTermId, t: 'Two weeks in' });
    lastSurveyId = drafted.draftSurvey.id;
    await ok(manager, ADD, {
      s: lastSurveyId,
      q: { questionId: 'recommend', kind: 'NPS', prompt: 'Would you recommend this program?', required: true },
    });
    await ok(manager, ADD, {
      s: lastSurveyId,
      q: {
        questionId: 'format',
        kind: 'SINGLE_CHOICE',
        prompt: 'Which format helped most?',
        required: true,
        options: [
          { optionId: 'video', label: 'Video calls' },
          { optionId: 'walk', label: 'Walking meetings' },
        ],
      },
    });
    await publishForTwoWeeksIn(lastSurveyId);

    // Managing only the new program is not enough: the copy would reveal the other program's questions.
    expect((await sessions.refused(newManager, COPY, { p: thisTermId, f: lastSurveyId })).code).toBe('NOT_FOUND');

    const commandId = randomUUID();
    const copied = (
      await ok<{ copySurvey: SurveyShape }>(manager, COPY, { p: thisTermId, f: lastSurveyId, c: commandId })
    ).copySurvey;
    expect(copied).toMatchObject({ title: 'Two weeks in', status: 'DRAFT', previousSurveyId: lastSurveyId });
    expect(copied.questions).toEqual([
      { questionId: 'recommend', kind: 'NPS', prompt: 'Would you recommend this program?', options: [] },
      {
        questionId: 'format',
        kind: 'SINGLE_CHOICE',
        prompt: 'Which format helped most?',
        options: [{ optionId: 'video' }, { optionId: 'walk' }],
      },
    ]);
    const retried = (
      await ok<{ copySurvey: SurveyShape }>(manager, COPY, { p: thisTermId, f: lastSurveyId, c: commandId })
    ).copySurvey;
    expect(retried.id).toBe(copied.id);
    thisSurveyId = copied.id;
    await publishForTwoWeeksIn(thisSurveyId);
  });

  it('compares the terms only where both have five answers, and as they stood on the day asked', async () => {
    expect(await ok<{ surveyTermComparison: null }>(manager, COMPARE, { s: lastSurveyId })).toEqual({
      surveyTermComparison: null,
    });
    await startAll(lastFeed, lastTermPairs);
    await startAll(thisFeed, thisTermPairs);
    const [l1, l2, l3, l4, l5] = people(lastTermPairs) as [Who, Who, Who, Who, Who];
    // Last term: 10, 9, 7, 3, 2 → two promoters, one passive, two detractors: NPS 0. Video 3 of 5.
    await answerAll([
      [l1, 10, 'video'],
      [l2, 9, 'video'],
      [l3, 7, 'walk'],
      [l4, 3, 'video'],
      [l5, 2, 'walk'],
    ]);
    const [t1, t2, t3, t4, t5] = people(thisTermPairs) as [Who, Who, Who, Who, Who];
    await answerAll([
      [t1, 10, 'walk'],
      [t2, 10, 'walk'],
      [t3, 9, 'video'],
      [t4, 8, 'walk'],
    ]);
    const beforeFifth = new Date().toISOString();
    expect(await compare()).toMatchObject({
      previousSurveyId: lastSurveyId,
      previousTitle: 'Two weeks in',
      status: 'HIDDEN',
      note: 'hidden: n < 5',
      hiddenSides: ['CURRENT'],
      questions: [],
    });

    await answerAll([[t5, 6, 'walk']]);
    const shown = await compare();
    // This term: 10, 10, 9, 8, 6 → three promoters, one passive, one detractor: NPS 40. Walking 4 of 5.
    expect(shown).toMatchObject({ status: 'SHOWN', respondents: 5, previousRespondents: 5, hiddenSides: [] });
    expect(shown!.questions).toEqual([
      {
        questionId: 'recommend',
        status: 'SHOWN',
        current: 40,
        previous: 0,
        delta: 40,
        options: null,
      },
      {
        questionId: 'format',
        status: 'SHOWN',
        current: null,
        previous: null,
        delta: null,
        options: [
          { optionId: 'video', current: 20, previous: 60, delta: -40 },
          { optionId: 'walk', current: 80, previous: 40, delta: 40 },
        ],
      },
    ]);

    expect(await compare(beforeFifth)).toMatchObject({ status: 'HIDDEN', hiddenSides: ['CURRENT'] });
    expect((await sessions.refused(newManager, COMPARE, { s: thisSurveyId })).code).toBe('NOT_FOUND');
    expect((await sessions.refused(manager, COMPARE, { s: thisSurveyId, at: 'yesterday' })).code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
