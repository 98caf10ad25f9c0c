import { randomUUID } from 'node:crypto';
import { EventStore } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import { uniqueName, waitUntil } from '@trellis/shared/testing';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY } from '../core/sessions-wiring';
import { SessionsHarness } from '../testing/sessions-harness';
import { SessionsTopicReader } from '../testing/sessions-topic-reader';
import { UpstreamFeed } from '../testing/upstream-feed';

interface Who {
  tenantId: string;
  personId: string;
  orgAdmin?: boolean;
}
interface SurveyAnswer {
  id: string;
  status: string;
  questions: Array<{ questionId: string; number: number; kind: string }>;
}
interface Invitation {
  occurrenceId: string;
  surveyId: string;
  mentorshipId: string | null;
  answeredAt: string | null;
  questions: Array<{ questionId: string; kind: string }>;
}
interface Results {
  minRespondents: number;
  groups: Array<{
    status: string;
    note: string | null;
    respondents: number | null;
    questions: Array<{
      questionId: string;
      status: string;
      answered: number | null;
      promoters: number | null;
      passives: number | null;
      detractors: number | null;
      score: number | null;
      texts: string[] | null;
    }>;
  }>;
}

const SURVEY = 'id status questions { questionId number kind }';
const DRAFT = `mutation($p: ID!, $t: String!, $c: ID) { draftSurvey(programId: $p, title: $t, commandId: $c) { ${SURVEY} } }`;
const ADD = `mutation($s: ID!, $q: SurveyQuestionInput!) { addSurveyQuestion(surveyId: $s, question: $q) { ${SURVEY} } }`;
const SCHEDULE = `mutation($s: ID!, $x: SurveyScheduleInput!) { scheduleSurvey(surveyId: $s, schedule: $x) { ${SURVEY} } }`;
const PUBLISH = `mutation($s: ID!) { publishSurvey(surveyId: $s) { ${SURVEY} publishedAt } }`;
const PREVIEW = `query($s: ID!) { surveyPreview(id: $s) { title problems { problem message } } }`;
const SURVEYS = `query($p: ID!) { surveys(programId: $p) { id title status } }`;
const INVITATION = 'occurrenceId surveyId mentorshipId answeredAt questions { questionId kind }';
const MINE = `query { mySurveyInvitations { ${INVITATION} } }`;
const ONE = `query($o: ID!) { surveyInvitation(occurrenceId: $o) { ${INVITATION} } }`;
const ANSWER = `mutation($o: ID!, $a: [SurveyAnswerInput!]!, $c: ID) {
  answerSurvey(occurrenceId: $o, answers: $a, commandId: $c) { ${INVITATION} } }`;
const RESULTS = `query($s: ID!) { surveyResults(surveyId: $s) { minRespondents groups { status note respondents
  questions { questionId status answered promoters passives detractors score texts } } } }`;

const DAY = 86_400_000;

/**
 * Program surveys on the real broker and FerretDB: a manager builds and publishes a survey sent two weeks after a
 * mentorship starts; matching's MentorshipStarted invites both members once, however often it is delivered and
 * across a restart; each answers once; results stay hidden until five people answered. Another program's manager,
 * participants and strangers are refused.
 */
describe('program surveys (sessions service, real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions_surveys', { memberships: true, partitions: 1 });
  const { ok } = sessions;
  const reader = new SessionsTopicReader();
  const published = reader.events;
  const tenantId = uniqueName('org');
  const programId = randomUUID();
  const otherProgramId = randomUUID();
  let feed: UpstreamFeed;
  let otherFeed: UpstreamFeed;
  const person = (role: string): Who => ({ tenantId, personId: `${role}-${randomUUID()}` });
  const manager = person('manager');
  const otherManager = person('other-manager');
  const outsider = person('outsider');
  const stranger: Who = { tenantId: uniqueName('org-elsewhere'), personId: manager.personId, orgAdmin: true };
  const pairs = [1, 2, 3].map(() => ({
    mentorshipId: randomUUID(),
    mentor: person('mentor'),
    mentee: person('mentee'),
  }));
  const [first, second, third] = pairs as [(typeof pairs)[number], (typeof pairs)[number], (typeof pairs)[number]];
  // Fifteen days ago: the survey sent two weeks after the start opened yesterday and takes answers for two weeks.
  const startedAt = new Date(Date.now() - 15 * DAY).toISOString();
  const starts = new Map<string, EventEnvelope>();
  let surveyId = '';

  const code = async (as: Who, query: string, variables: Record<string, unknown>) =>
    (await sessions.refused(as, query, variables)).code;
  const invitations = async (as: Who) =>
    (await ok<{ mySurveyInvitations: Invitation[] }>(as, MINE)).mySurveyInvitations;
  const results = async (as: Who) => (await ok<{ surveyResults: Results }>(as, RESULTS, { s: surveyId })).surveyResults;
  const opened = () => published.filter((e) => e.type === 'SurveyOccurrenceOpened');
  const answer = (as: Who, occurrenceId: string, score: number, text?: string, commandId?: string) =>
    sessions.gql<{ answerSurvey: Invitation }>(as, ANSWER, {
      o: occurrenceId,
      a: [{ questionId: 'recommend', value: score }, ...(text ? [{ questionId: 'better', text }] : [])],
      ...(commandId ? { c: commandId } : {}),
    });
  const start = async (pair: (typeof pairs)[number]) => {
    const envelope = feed.mentorshipStarted(pair.mentorshipId, pair.mentor, pair.mentee, startedAt);
    starts.set(pair.mentorshipId, envelope);
    await feed.publish(sessions.wiring.matchingTopic, envelope);
    await waitUntil(async () => (await invitations(pair.mentee)).length === 1);
  };

  beforeAll(async () => {
    await sessions.start();
    await reader.start(sessions.kafka, sessions.wiring.sessionsTopic, 'surveys_topic_reader');
    feed = new UpstreamFeed(sessions.kafka, tenantId, programId);
    otherFeed = new UpstreamFeed(sessions.kafka, tenantId, otherProgramId);
    await feed.publish(
      sessions.wiring.profilesTopic,
      feed.managerAssigned(manager),
      ...pairs.flatMap((p) => [feed.enrolled(p.mentor, 'mentor'), feed.enrolled(p.mentee, 'mentee')]),
      otherFeed.managerAssigned(otherManager),
    );
    const { memberships } = sessions.app.get<symbol, SessionsDirectory>(SESSIONS_DIRECTORY);
    for (const who of [manager, ...pairs.flatMap((p) => [p.mentor, p.mentee])]) {
      await waitUntil(async () => (await memberships.membership(tenantId, programId, who.personId)) !== null);
    }
    await waitUntil(
      async () => (await memberships.membership(tenantId, otherProgramId, otherManager.personId)) !== null,
    );
  }, 120_000);

  afterAll(async () => {
    await reader.stop();
    await feed?.disconnect();
    await otherFeed?.disconnect();
    await sessions.close();
  });

  it('lets the manager build, preview and publish a survey sent two weeks after a mentorship starts', async () => {
    const commandId = randomUUID();
    const drafted = await ok<{ draftSurvey: SurveyAnswer }>(manager, DRAFT, {
      p: programId,
      t: 'Two weeks in',
      c: commandId,
    });
    surveyId = drafted.draftSurvey.id;
    expect(drafted.draftSurvey.status).toBe('DRAFT');
    // A retry of the same draft names the same survey instead of drafting a second one.
    const retried = await ok<{ draftSurvey: SurveyAnswer }>(manager, DRAFT, {
      p: programId,
      t: 'Two weeks in',
      c: commandId,
    });
    expect(retried.draftSurvey.id).toBe(surveyId);

    await ok(manager, ADD, {
      s: surveyId,
      q: { questionId: 'recommend', kind: 'NPS', prompt: 'Would you recommend this program?', required: true },
    });
    await ok(manager, ADD, {
      s: surveyId,
      q: { questionId: 'better', kind: 'SHORT_TEXT', prompt: 'What would make it better?', required: false },
    });
    const preview = await ok<{ surveyPreview: { problems: Array<{ problem: string; message: string }> } }>(
      manager,
      PREVIEW,
      { s: surveyId },
    );
    expect(preview.surveyPreview.problems).toEqual([
      { problem: 'no-schedule', message: 'Choose when the survey is sent.' },
    ]);
    const publishEarly = await sessions.refused(manager, PUBLISH, { s: surveyId });
    expect(publishEarly).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Choose when the survey is sent.' });

    await ok(manager, SCHEDULE, {
      s: surveyId,
      x: { trigger: 'AFTER_MENTORSHIP_START', weeks: 2, audience: 'BOTH', openDays: 14, reminderDaysBeforeClose: 3 },
    });
    const publishedSurvey = await ok<{ publishSurvey: SurveyAnswer & { publishedAt: string } }>(manager, PUBLISH, {
      s: surveyId,
    });
    expect(publishedSurvey.publishSurvey).toMatchObject({
      status: 'PUBLISHED',
      questions: [
        { questionId: 'recommend', number: 1, kind: 'NPS' },
        { questionId: 'better', number: 2, kind: 'SHORT_TEXT' },
      ],
    });
    const listed = await ok<{ surveys: Array<{ id: string; status: string }> }>(manager, SURVEYS, { p: programId });
    expect(listed.surveys).toEqual([{ id: surveyId, title: 'Two weeks in', status: 'PUBLISHED' }]);

    // A published survey is frozen: every answer keeps the meaning of its question.
    expect(
      await code(manager, ADD, {
        s: surveyId,
        q: { questionId: 'late', kind: 'NPS', prompt: 'Late?', required: true },
      }),
    ).toBe('CONFLICT');
  });

  it('refuses the survey builder to participants, other programs’ managers and other organizations', async () => {
    expect(await code(first.mentor, DRAFT, { p: programId, t: 'Mine' })).toBe('FORBIDDEN');
    expect(await code(otherManager, PREVIEW, { s: surveyId })).toBe('NOT_FOUND');
    expect(await code(stranger, PREVIEW, { s: surveyId })).toBe('NOT_FOUND');
    expect(await code(outsider, SURVEYS, { p: programId })).toBe('NOT_FOUND');
  });

  it('invites both members of a started mentorship once, however often the start is delivered', async () => {
    await start(first);
    const [mentorInvitation] = await invitations(first.mentor);
    const [menteeInvitation] = await invitations(first.mentee);
    expect(mentorInvitation).toMatchObject({ surveyId, mentorshipId: first.mentorshipId, answeredAt: null });
    expect(menteeInvitation?.occurrenceId).toBe(mentorInvitation?.occurrenceId);
    await waitUntil(async () => Promise.resolve(opened().length === 1));
    expect(opened()[0]?.data).toMatchObject({
      occurrenceId: mentorInvitation?.occurrenceId,
      surveyId,
      programId,
      mentorshipId: first.mentorshipId,
      askedPersonIds: [first.mentee.personId, first.mentor.personId].sort(),
    });

    // Redelivered, then the next mentorship on the same partition: once that one is planned, so was the redelivery.
    await feed.publish(sessions.wiring.matchingTopic, starts.get(first.mentorshipId)!);
    await start(second);
    expect(await invitations(first.mentor)).toHaveLength(1);
    expect(await invitations(first.mentee)).toHaveLength(1);
    await waitUntil(async () => Promise.resolve(opened().length === 2));
  });

  it('takes one final answer per person, and refuses people who were not asked', async () => {
    const [invitation] = await invitations(first.mentee);
    const occurrenceId = invitation!.occurrenceId;
    const read = await ok<{ surveyInvitation: Invitation }>(first.mentee, ONE, { o: occurrenceId });
    expect(read.surveyInvitation.questions.map((q) => q.kind)).toEqual(['NPS', 'SHORT_TEXT']);

    const commandId = randomUUID();
    const answered = await answer(first.mentee, occurrenceId, 10, 'More group sessions', commandId);
    expect(answered.errors).toBeUndefined();
    const answeredAt = answered.data?.answerSurvey.answeredAt;
    expect(answeredAt).toEqual(expect.any(String));
    // A retry of the same answer gets the first one back; a second answer is refused.
    const retried = await answer(first.mentee, occurrenceId, 10, 'More group sessions', commandId);
    expect(retried.data?.answerSurvey.answeredAt).toBe(answeredAt);
    const again = await answer(first.mentee, occurrenceId, 2);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await invitations(first.mentee)).toEqual([]);
    // Notifications learns that the person answered (so it stops reminding them), once, and never what they answered.
    await waitUntil(async () => published.some((e) => e.type === 'SurveyAnswered'));
    const told = published.filter((e) => e.type === 'SurveyAnswered');
    expect(told.map((e) => e.data)).toEqual([
      { occurrenceId, surveyId, programId, respondentPersonId: first.mentee.personId, answeredAt },
    ]);
    expect(JSON.stringify(told)).not.toContain('More group sessions');

    expect((await answer(outsider, occurrenceId, 9)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await answer(stranger, occurrenceId, 9)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await code(outsider, ONE, { o: occurrenceId })).toBe('NOT_FOUND');
    expect((await answer(first.mentor, occurrenceId, 11)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('hides the results below five respondents and shows them, with the NPS the answers imply, from five on', async () => {
    expect(await code(first.mentor, RESULTS, { s: surveyId })).toBe('FORBIDDEN');
    expect(await code(otherManager, RESULTS, { s: surveyId })).toBe('NOT_FOUND');
    expect(await code(stranger, RESULTS, { s: surveyId })).toBe('NOT_FOUND');

    await start(third);
    const occurrenceOf = async (who: Who) => (await invitations(who))[0]!.occurrenceId;
    const answers: Array<[Who, number, string]> = [
      [first.mentor, 9, 'clearer goals'],
      [second.mentor, 8, 'Longer sessions'],
      [second.mentee, 3, 'Better matching'],
    ];
    for (const [who, score, text] of answers) {
      expect((await answer(who, await occurrenceOf(who), score, text)).errors).toBeUndefined();
    }
    expect(await results(manager)).toEqual({
      minRespondents: 5,
      groups: [{ status: 'HIDDEN', note: 'hidden: n < 5', respondents: null, questions: [] }],
    });

    expect(
      (await answer(third.mentor, await occurrenceOf(third.mentor), 10, 'a shared calendar')).errors,
    ).toBeUndefined();
    const [program] = (await results(manager)).groups;
    // 10, 9, 8, 3, 10: three promoters, one passive, one detractor; (3 − 1) / 5 = 40.
    expect(program).toMatchObject({ status: 'SHOWN', respondents: 5 });
    expect(program!.questions).toEqual([
      {
        questionId: 'recommend',
        status: 'SHOWN',
        answered: 5,
        promoters: 3,
        passives: 1,
        detractors: 1,
        score: 40,
        texts: null,
      },
      {
        questionId: 'better',
        status: 'SHOWN',
        answered: 5,
        promoters: null,
        passives: null,
        detractors: null,
        score: null,
        // Without names and alphabetical, whatever the order of answering.
        texts: ['a shared calendar', 'Better matching', 'clearer goals', 'Longer sessions', 'More group sessions'],
      },
    ]);
    // The words are stored sealed with the respondent's key, never as plain text.
    const commits = await sessions.app.get(EventStore).commits.find({ streamType: 'survey-response' }).toArray();
    expect(commits).toHaveLength(5);
    expect(JSON.stringify(commits)).not.toContain('Better matching');
  });

  it('leaves an erased person’s answers out: the program drops below the threshold again', async () => {
    await feed.publish(sessions.wiring.profilesTopic, feed.participantEvent(second.mentee, 'ParticipantDataErased'));
    await waitUntil(async () => (await results(manager)).groups[0]?.status === 'HIDDEN');
    // Another answer brings it back to five people, without the erased one's words.
    expect(
      (await answer(third.mentee, (await invitations(third.mentee))[0]!.occurrenceId, 7, 'Fine')).errors,
    ).toBeUndefined();
    const [program] = (await results(manager)).groups;
    expect(program).toMatchObject({ status: 'SHOWN', respondents: 5 });
    expect(program!.questions[1]?.texts).not.toContain('Better matching');
    expect(program!.questions[0]).toMatchObject({ promoters: 3, passives: 2, detractors: 0, score: 60 });
  });

  it('plans nothing twice after a restart, even when matching delivers every start again', async () => {
    const before = opened().length;
    await sessions.restart();
    await feed.publish(sessions.wiring.matchingTopic, ...pairs.map((p) => starts.get(p.mentorshipId)!));
    const late = { mentorshipId: randomUUID(), mentor: person('mentor'), mentee: person('mentee') };
    await start(late);
    // Those who answered stay answered; nobody is asked again.
    expect(await invitations(first.mentor)).toEqual([]);
    expect(await invitations(second.mentee)).toEqual([]);
    expect(await invitations(third.mentee)).toEqual([]);
    await waitUntil(async () => Promise.resolve(opened().length === before + 1));
    expect(new Set(opened().map((e) => (e.data as { occurrenceId: string }).occurrenceId)).size).toBe(opened().length);
    expect((await results(manager)).groups[0]).toMatchObject({ status: 'SHOWN', respondents: 5 });
    expect(await invitations(late.mentor)).toHaveLength(1);
  });

  it('counts with the program’s own threshold: at 3, three answers show their figures', async () => {
    // Two more erasures leave three people's answers: hidden under the default of five.
    await feed.publish(
      sessions.wiring.profilesTopic,
      feed.participantEvent(first.mentor, 'ParticipantDataErased'),
      feed.participantEvent(second.mentor, 'ParticipantDataErased'),
    );
    await waitUntil(async () => (await results(manager)).groups[0]?.note === 'hidden: n < 5');

    await feed.publish(sessions.wiring.profilesTopic, feed.programSettingsChanged({ surveyResultThreshold: 3 }));
    await waitUntil(async () => (await results(manager)).minRespondents === 3);
    const { groups } = await results(manager);
    expect(groups[0]).toMatchObject({ status: 'SHOWN', respondents: 3 });
    expect(groups[0]!.questions[0]).toMatchObject({ questionId: 'recommend', status: 'SHOWN', answered: 3 });
  });
});
