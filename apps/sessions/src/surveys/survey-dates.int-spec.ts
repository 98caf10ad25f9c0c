import { randomUUID } from 'node:crypto';
import { participantIdFor, participantStreamId } from '@trellis/profiles/contracts';
import type { ReadModelRow } from '@trellis/shared/event-store';
import type { Logger } from '@trellis/shared/observability';
import { ROOT_LOGGER } from '@trellis/shared/platform';
import { uniqueName, waitUntil } from '@trellis/shared/testing';
import { consumerCaughtUp } from '../core/consumer-caught-up';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY } from '../core/sessions-wiring';
import { PROGRAM_PARTICIPANTS_COLLECTION, ProgramParticipants } from '../profiles/program-participants.projection';
import { SessionsHarness } from '../testing/sessions-harness';
import { SessionsTopicReader } from '../testing/sessions-topic-reader';
import { participantProfile } from '../testing/upstream-events.fixture';
import { UpstreamFeed } from '../testing/upstream-feed';
import { SurveyDateScheduler } from './survey-date.scheduler';
import { SurveyReadModels } from './survey-read-models';
import { SurveyStore } from './survey-store';

interface Who {
  tenantId: string;
  personId: string;
}
interface Invitation {
  occurrenceId: string;
  surveyId: string;
  mentorshipId: string | null;
}
interface Opened {
  occurrenceId: string;
  surveyId: string;
  cohortId?: string;
  askedPersonIds: string[];
}

const DRAFT = `mutation($p: ID!, $t: String!) { draftSurvey(programId: $p, title: $t) { id } }`;
const ADD = `mutation($s: ID!, $q: SurveyQuestionInput!) { addSurveyQuestion(surveyId: $s, question: $q) { id } }`;
const SCHEDULE = `mutation($s: ID!, $x: SurveyScheduleInput!) { scheduleSurvey(surveyId: $s, schedule: $x) { id } }`;
const PUBLISH = `mutation($s: ID!) { publishSurvey(surveyId: $s) { id status } }`;
const MINE = `query { mySurveyInvitations { occurrenceId surveyId mentorshipId } }`;

const DAY = 86_400_000;

/**
 * Surveys sent on a date, on the real broker and FerretDB: the program's participants come from the profiles topic;
 * the survey date run (on a short timer, as in service) invites the active mentees of the survey's cohort who were
 * enrolled by its date — not the other cohort, the mentors, someone who withdrew, someone erased or someone who
 * enrolled later — once, across repeated runs and a restart; a survey found after its close, or with nobody to ask,
 * invites nobody, and a run waits while the participants read model has not caught up with the topic.
 */
describe('surveys sent on a date (sessions service, real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions_survey_dates', {
    memberships: true,
    partitions: 1,
    surveyDateIntervalMs: 200,
  });
  const { ok } = sessions;
  const reader = new SessionsTopicReader();
  const tenantId = uniqueName('org');
  const programId = randomUUID();
  let feed: UpstreamFeed;
  const person = (role: string): Who => ({ tenantId, personId: `${role}-${randomUUID()}` });
  const manager = person('manager');
  const menteeA1 = person('mentee-a1');
  const menteeA2 = person('mentee-a2');
  const withdrawn = person('mentee-a-withdrawn');
  const erased = person('mentee-a-erased');
  const late = person('mentee-a-late');
  const menteeB = person('mentee-b');
  const mentorA = person('mentor-a');
  const mentorB = person('mentor-b');
  // Mentors in cohort A and, since a role was added, a mentee there too.
  const both = person('mentor-mentee-a');
  const enrolledAt = new Date(Date.now() - 3 * DAY).toISOString();
  const yesterday = new Date(Date.now() - DAY).toISOString();

  const opened = () =>
    reader.events.filter((e) => e.type === 'SurveyOccurrenceOpened').map((e) => e.data as unknown as Opened);
  const invitations = async (as: Who) =>
    (await ok<{ mySurveyInvitations: Invitation[] }>(as, MINE)).mySurveyInvitations;
  const scheduler = () => sessions.app.get(SurveyDateScheduler);
  const datePlans = () => sessions.app.get(SurveyReadModels).datePlans;
  const enroll = (who: Who, role: 'mentor' | 'mentee', cohortId: string, at = enrolledAt) =>
    feed.participantEvent(
      who,
      'ParticipantEnrolled',
      {
        cohortId,
        roles: [role],
        mentorCapacity: role === 'mentor' ? 2 : 0,
        invited: true,
        profile: participantProfile(),
      },
      at,
    );
  const publishOnDate = async (
    title: string,
    schedule: { opensAt: string; audience: string; cohortId?: string; openDays: number },
  ): Promise<string> => {
    const surveyId = (await ok<{ draftSurvey: { id: string } }>(manager, DRAFT, { p: programId, t: title })).draftSurvey
      .id;
    await ok(manager, ADD, {
      s: surveyId,
      q: { questionId: 'recommend', kind: 'NPS', prompt: 'Would you recommend this program?', required: true },
    });
    await ok(manager, SCHEDULE, { s: surveyId, x: { trigger: 'ON_DATE', reminderDaysBeforeClose: 3, ...schedule } });
    await ok(manager, PUBLISH, { s: surveyId });
    return surveyId;
  };
  let cohortSurveyId = '';

  beforeAll(async () => {
    await sessions.start();
    await reader.start(sessions.kafka, sessions.wiring.sessionsTopic, 'survey_dates_topic_reader');
    feed = new UpstreamFeed(sessions.kafka, tenantId, programId);
    await feed.publish(
      sessions.wiring.profilesTopic,
      feed.managerAssigned(manager),
      ...[menteeA1, menteeA2, withdrawn, erased].map((who) => enroll(who, 'mentee', 'cohort-a')),
      enroll(menteeB, 'mentee', 'cohort-b'),
      enroll(mentorA, 'mentor', 'cohort-a'),
      enroll(mentorB, 'mentor', 'cohort-b'),
      enroll(both, 'mentor', 'cohort-a'),
      feed.participantEvent(both, 'ParticipantRoleAdded', { role: 'mentee' }, enrolledAt),
      // Enrolled today: after the date of the surveys below.
      enroll(late, 'mentee', 'cohort-a', new Date().toISOString()),
      feed.participantEvent(withdrawn, 'ParticipantWithdrew'),
      feed.participantEvent(erased, 'ParticipantDataErased'),
    );
    const { memberships } = sessions.app.get<symbol, SessionsDirectory>(SESSIONS_DIRECTORY);
    await waitUntil(async () => (await memberships.membership(tenantId, programId, manager.personId)) !== null);
    // One partition: once the erasure, published last, is applied, so is everything before it.
    const rows = sessions.db.connection.collection<ReadModelRow>(PROGRAM_PARTICIPANTS_COLLECTION);
    await waitUntil(async () => (await rows.countDocuments({ _deleted: true })) === 1, {
      what: 'participants read model',
    });
  }, 120_000);

  afterAll(async () => {
    await reader.stop();
    await feed?.disconnect();
    await sessions.close();
  });

  it('keeps the program’s participants by role and cohort, and nothing of an erased one', async () => {
    const participants = sessions.app.get(ProgramParticipants);
    const asOfDate = await participants.active(tenantId, programId, yesterday, 'cohort-a');
    expect(asOfDate.menteePersonIds.sort()).toEqual([menteeA1, menteeA2, both].map((p) => p.personId).sort());
    expect(asOfDate.mentorPersonIds.sort()).toEqual([mentorA, both].map((p) => p.personId).sort());
    // Another organization reading the same program finds nobody.
    expect(await participants.active(uniqueName('org-elsewhere'), programId, yesterday)).toEqual({
      mentorPersonIds: [],
      menteePersonIds: [],
    });
    const rows = sessions.db.connection.collection<ReadModelRow>(PROGRAM_PARTICIPANTS_COLLECTION);
    const erasedStream = participantStreamId(participantIdFor(programId, erased.personId));
    expect(await rows.findOne({ _id: erasedStream })).toEqual({ _id: erasedStream, _revision: 2, _deleted: true });
    expect(JSON.stringify(await rows.find({}).toArray())).not.toContain(erased.personId);
  });

  it('invites exactly the active mentees of the survey’s cohort enrolled by its date, once', async () => {
    cohortSurveyId = await publishOnDate('Cohort A check-in', {
      opensAt: yesterday,
      cohortId: 'cohort-a',
      audience: 'MENTEES',
      openDays: 14,
    });
    await waitUntil(async () => (await invitations(menteeA1)).length === 1, { what: 'the invitation' });
    await waitUntil(async () => Promise.resolve(opened().length === 1));
    const [occurrence] = opened();
    expect(occurrence).toMatchObject({
      surveyId: cohortSurveyId,
      cohortId: 'cohort-a',
      askedPersonIds: [menteeA1, menteeA2, both].map((p) => p.personId).sort(),
    });
    expect(await invitations(menteeA1)).toEqual([
      { occurrenceId: occurrence!.occurrenceId, surveyId: cohortSurveyId, mentorshipId: null },
    ]);
    expect(await invitations(both)).toHaveLength(1);
    for (const notAsked of [withdrawn, erased, late, menteeB, mentorA, mentorB]) {
      expect(await invitations(notAsked)).toEqual([]);
    }
    expect(await datePlans().findOne({ _id: cohortSurveyId })).toMatchObject({
      occurrenceId: occurrence!.occurrenceId,
      outcome: 'opened',
    });
    // Another run finds nothing left to do.
    expect(await scheduler().runOnce()).toEqual({ due: 0, opened: [], pastDue: [] });
  });

  it('opens nothing twice after a restart, even when the run lost its record of having planned it', async () => {
    // As if the process had died between the occurrence's commit and its record: the restarted run plans it again.
    await datePlans().deleteMany({});
    // And its row as written before rows named their trigger: the restart fills it in from the stream.
    const surveys = sessions.app.get(SurveyReadModels).surveys;
    await surveys.updateOne({ _id: cohortSurveyId }, { $unset: { trigger: '', opensAt: '' } });
    await sessions.restart();
    await waitUntil(async () => (await datePlans().countDocuments({ _id: cohortSurveyId })) === 1, {
      what: 'the start-up run',
    });
    expect(await sessions.app.get(SurveyReadModels).surveys.findOne({ _id: cohortSurveyId })).toMatchObject({
      trigger: 'on-date',
      opensAt: yesterday,
    });
    // A program-wide survey for mentors, planned after the restart: once it is on the topic, so would a second
    // opening of the first one be.
    const mentorSurveyId = await publishOnDate('Mentors, program-wide', {
      opensAt: yesterday,
      audience: 'MENTORS',
      openDays: 7,
    });
    await waitUntil(async () => (await invitations(mentorB)).length === 1, { what: 'the mentors’ invitation' });
    await waitUntil(async () => Promise.resolve(opened().length === 2));
    expect(opened()).toHaveLength(2);
    expect(opened()[1]).toMatchObject({
      surveyId: mentorSurveyId,
      askedPersonIds: [both, mentorA, mentorB].map((p) => p.personId).sort(),
    });
    expect(opened()[1]?.cohortId).toBeUndefined();
    expect(await invitations(menteeA1)).toHaveLength(1);
    expect(await invitations(both)).toHaveLength(2);
  });

  it('invites nobody to a survey found after its close, and records it so', async () => {
    const surveyId = await publishOnDate('Found too late', {
      opensAt: new Date(Date.now() + 3_600_000).toISOString(),
      cohortId: 'cohort-b',
      audience: 'MENTEES',
      openDays: 7,
    });
    // The service was down from before the date until after the close.
    const later = new Date(Date.now() + 10 * DAY);
    // A run whose participants read model has read nothing of the topic yet (as on its first deployment) waits.
    const { app } = sessions;
    const waiting = new SurveyDateScheduler(
      app.get(SurveyStore),
      app.get(SurveyReadModels),
      app.get(ProgramParticipants),
      app.get<symbol, Logger>(ROOT_LOGGER),
      0,
      consumerCaughtUp(sessions.kafka, sessions.wiring.profilesTopic, uniqueName('sessions_participants_unread')),
    );
    expect(await waiting.runOnce(later)).toEqual({ due: 0, opened: [], pastDue: [] });
    expect(await datePlans().findOne({ _id: surveyId })).toBeNull();
    const run = await scheduler().runOnce(later);
    expect(run).toMatchObject({ due: 1, opened: [] });
    expect(run.pastDue).toHaveLength(1);
    expect(await datePlans().findOne({ _id: surveyId })).toMatchObject({ outcome: 'past-due' });
    expect(await scheduler().runOnce(later)).toEqual({ due: 0, opened: [], pastDue: [] });
    expect(await invitations(menteeB)).toEqual([]);
    expect(opened().filter((o) => o.surveyId === surveyId)).toEqual([]);
  });

  it('records a survey of a cohort nobody was enrolled in by its date, and asks nobody', async () => {
    const before = opened().length;
    const surveyId = await publishOnDate('An empty cohort', {
      opensAt: yesterday,
      cohortId: 'cohort-c',
      audience: 'BOTH',
      openDays: 14,
    });
    await waitUntil(async () => (await datePlans().countDocuments({ _id: surveyId })) === 1, { what: 'the run' });
    expect(await datePlans().findOne({ _id: surveyId })).toMatchObject({ outcome: 'nobody-asked' });
    expect(await scheduler().runOnce()).toEqual({ due: 0, opened: [], pastDue: [] });
    expect(opened()).toHaveLength(before);
  });
});
