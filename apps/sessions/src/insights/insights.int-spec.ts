import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { MATCHING_TOPIC } from '@trellis/matching/contracts';
import { PROFILES_TOPIC } from '@trellis/profiles/contracts';
import { SESSIONS_EVENTS_TOPIC } from '@trellis/sessions/contracts';
import type { Principal } from '@trellis/shared/auth';
import { SubgraphGraphqlModule } from '@trellis/shared/graphql';
import { EventPublisher, type EventEnvelope } from '@trellis/shared/messaging';
import { PlatformModule } from '@trellis/shared/platform';
import { createTestKafka, eventually, uniqueName } from '@trellis/shared/testing';
import { SubgraphHarness } from '../testing/subgraph-harness';
import { participantProfile, programSettings, UpstreamEvents } from '../testing/upstream-events.fixture';
import { InsightsModule, insightContracts } from './insights.module';
import { InsightsStore } from './insights.store';

interface Figures {
  programInsights: {
    asOf: string;
    enrollment: { mentors: number; mentees: number; waitlist: number };
    matching: { matchedMentees: number; matchedPercent: number };
    engagement: { activeMentorships: number };
    outcomes: { averageSessionRating: number | null; closuresByReason: Array<{ key: string; count: number }> };
  };
}
const INSIGHTS = `query($p: ID!, $asOf: String) { programInsights(programId: $p, asOf: $asOf) { asOf
  enrollment { mentors mentees waitlist } matching { matchedMentees matchedPercent } engagement { activeMentorships }
  outcomes { averageSessionRating closuresByReason { key count } } } }`;

const CATCH_UP_MS = 100_000;
jest.setTimeout(400_000);

describe('program insights in the sessions service (real broker and FerretDB)', () => {
  const insights = new SubgraphHarness('insights');
  const { gql } = insights;
  const kafka = createTestKafka();
  const publisher = new EventPublisher(kafka, insightContracts());
  const tenantId = uniqueName('org');
  const programId = randomUUID();
  const person = (name: string): Principal => ({ personId: `${name}-${tenantId}`, tenantId, orgAdmin: false });
  const manager = person('manager');
  const mentor = person('mentor');
  const mentee = person('mentee');
  const mentee2 = person('mentee2');
  const events = new UpstreamEvents(tenantId, programId);

  const envelope = (
    topic: string,
    streamType: string,
    streamId: string,
    type: string,
    occurredAt: string,
    data: Record<string, unknown>,
  ) => ({ topic, value: events.envelope(streamType, streamId, type, data, occurredAt) });
  const publish = async (...messages: Array<{ topic: string; value: EventEnvelope }>) => {
    for (const { topic, value } of messages) await publisher.publish([{ topic, envelopes: [value] }]);
  };
  const enrollment = (who: Principal, role: 'mentor' | 'mentee', at: string) => ({
    topic: PROFILES_TOPIC,
    value: events.enrolled(
      who,
      role,
      participantProfile({ department: 'engineering', seniority: 3, timezone: 'Europe/Berlin' }),
      at,
    ),
  });

  const rules = {
    weights: { skills: 1 },
    hardRules: {
      sameDepartmentNotAllowed: false,
      reportingLineExcluded: true,
      sharedLanguageRequired: true,
      maxTimezoneGapHours: null,
      minSeniorityGap: null,
    },
    objective: 'best-total',
  };

  beforeAll(async () => {
    @Module({})
    class InsightsTestApp {}
    await insights.start(({ databaseName, auth }) => ({
      module: InsightsTestApp,
      imports: [
        PlatformModule.forService({
          service: 'sessions',
          mongo: true,
          kafka: true,
          config: { mongoDatabase: databaseName, port: 0 },
        }),
        SubgraphGraphqlModule.forRoot({ service: 'sessions', auth }),
        InsightsModule,
      ],
    }));
  });

  afterAll(async () => {
    await publisher.disconnect();
    await insights.close();
  });

  it('follows the program from its events, answers "as of" a past date, ignores redeliveries and is for managers only', async () => {
    const program = `program-${programId}`;
    const mentorshipId = randomUUID();
    await publish(
      envelope(PROFILES_TOPIC, 'program', program, 'ProgramCreated', '2026-10-01T09:00:00.000Z', {
        programId,
        copiedFromProgramId: null,
        settings: programSettings(),
        matchingRules: rules,
        questions: [],
      }),
      envelope(PROFILES_TOPIC, 'program', program, 'ProgramManagerAssigned', '2026-10-01T09:05:00.000Z', {
        programId,
        personId: manager.personId,
      }),
      enrollment(mentor, 'mentor', '2026-10-02T09:00:00.000Z'),
      enrollment(mentee, 'mentee', '2026-10-03T09:00:00.000Z'),
      enrollment(mentee2, 'mentee', '2026-10-03T10:00:00.000Z'),
    );
    const started = {
      topic: MATCHING_TOPIC,
      value: events.mentorshipStarted(mentorshipId, mentor, mentee, '2026-10-10T09:00:00.000Z'),
    };
    const feedback = envelope(
      SESSIONS_EVENTS_TOPIC,
      'session',
      `session-s1-${tenantId}`,
      'FeedbackSubmitted',
      '2026-10-20T09:00:00.000Z',
      {
        sessionId: `s1-${tenantId}`,
        mentorshipId,
        hostPersonId: mentor.personId,
        personId: mentee.personId,
        rating: 4,
      },
    );
    await publish(started, feedback);

    const asOfNovember = '2026-11-01T00:00:00Z';
    // The service's group reads the shared topics from their beginning, after every earlier suite's events: on a
    // busy machine late in a run that takes longer than a quiet one.
    await eventually(
      async () => {
        const result = await gql<Figures>(manager, INSIGHTS, { p: programId });
        expect(result.data?.programInsights.matching.matchedMentees).toBe(1);
        expect(result.data?.programInsights.outcomes.averageSessionRating).toBe(4);
      },
      { timeoutMs: CATCH_UP_MS },
    );
    const recordedInNovember = await gql<Figures>(manager, INSIGHTS, { p: programId, asOf: asOfNovember });
    expect(recordedInNovember.data?.programInsights).toMatchObject({
      enrollment: { mentors: 1, mentees: 2, waitlist: 1 },
      matching: { matchedMentees: 1, matchedPercent: 50 },
      engagement: { activeMentorships: 1 },
    });

    // Later history: the mentorship ends; a redelivered feedback event must not count twice.
    await publish({
      topic: MATCHING_TOPIC,
      value: events.mentorshipEnded(mentorshipId, mentor, mentee, 'goals-met', '2026-11-15T09:00:00.000Z'),
    });
    await publisher.publish([{ topic: feedback.topic, envelopes: [feedback.value] }]);
    await eventually(async () => {
      const now = await gql<Figures>(manager, INSIGHTS, { p: programId });
      expect(now.data?.programInsights.engagement.activeMentorships).toBe(0);
      expect(now.data?.programInsights.outcomes.closuresByReason).toEqual([{ key: 'goals-met', count: 1 }]);
    });
    const now = await gql<Figures>(manager, INSIGHTS, { p: programId });
    expect(now.data?.programInsights.outcomes.averageSessionRating).toBe(4);
    expect(await insights.db.connection.collection('insight_events').countDocuments({ tenantId })).toBe(7);
    const stillNovember = await gql<Figures>(manager, INSIGHTS, { p: programId, asOf: asOfNovember });
    expect({ ...stillNovember.data?.programInsights }).toEqual({ ...recordedInNovember.data?.programInsights });

    // Replaying every event into a fresh read model reproduces the same numbers.
    const replayed = new InsightsStore(insights.db.connection, 'insight_events_replay');
    const consumer = kafka.consumer({ groupId: uniqueName('insights-replay') });
    await consumer.connect();
    await consumer.subscribe({ topics: [PROFILES_TOPIC, MATCHING_TOPIC, SESSIONS_EVENTS_TOPIC], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const value = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope;
        if (value.tenantId === tenantId) await replayed.record(insightContracts().validate(value, true));
      },
    });
    await eventually(async () => expect(await replayed.events.countDocuments({ tenantId })).toBe(7), {
      timeoutMs: CATCH_UP_MS,
    });
    await consumer.disconnect();
    const original = await insights.app.get(InsightsStore).history(tenantId, programId);
    expect(sortById(await replayed.history(tenantId, programId))).toEqual(sortById(original));

    // Only managers (and org admins) read insights; another organization does not even see the program.
    expect((await gql(mentor, INSIGHTS, { p: programId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(mentee, INSIGHTS, { p: programId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outsider = { personId: 'x', tenantId: uniqueName('other-org'), orgAdmin: true };
    expect((await gql(outsider, INSIGHTS, { p: programId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const csv = await gql<{ programInsightsCsv: string }>(
      manager,
      `query($p: ID!) { programInsightsCsv(programId: $p, table: ENROLLMENT) }`,
      { p: programId },
    );
    expect(csv.data?.programInsightsCsv.split('\r\n')).toEqual(expect.arrayContaining(['mentors,1', 'mentees,2']));
    const future = await gql(manager, INSIGHTS, { p: programId, asOf: '2999-01-01' });
    expect(future.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts survey invitations and answers, and keeps counting them after an answering person is erased', async () => {
    const surveyProgramId = randomUUID();
    const surveyEvents = new UpstreamEvents(tenantId, surveyProgramId);
    const surveyManager = person('survey-manager');
    const asked = [person('asked-mentor'), person('asked-mentee')] as const;
    const occurrenceId = `sv-${surveyProgramId}:start:m1`;
    const sessionsFact = (streamId: string, type: string, at: string, data: Record<string, unknown>) => ({
      topic: SESSIONS_EVENTS_TOPIC,
      value: surveyEvents.envelope('survey', streamId, type, { programId: surveyProgramId, ...data }, at),
    });
    await publish(
      { topic: PROFILES_TOPIC, value: surveyEvents.managerAssigned(surveyManager) },
      ...asked.map((who, i) => ({
        topic: PROFILES_TOPIC,
        value: surveyEvents.enrolled(
          who,
          i === 0 ? 'mentor' : 'mentee',
          participantProfile({ department: 'engineering', seniority: 3, timezone: 'Europe/Berlin' }),
          '2026-10-02T09:00:00.000Z',
        ),
      })),
      sessionsFact(`survey-occurrence-${occurrenceId}`, 'SurveyOccurrenceOpened', '2026-10-05T09:00:00.000Z', {
        occurrenceId,
        surveyId: `sv-${surveyProgramId}`,
        askedPersonIds: asked.map((who) => who.personId),
        opensAt: '2026-10-05T09:00:00Z',
        closesAt: '2026-10-19T09:00:00Z',
      }),
      sessionsFact(`survey-response-${occurrenceId}`, 'SurveyAnswered', '2026-10-06T09:00:00.000Z', {
        occurrenceId,
        surveyId: `sv-${surveyProgramId}`,
        respondentPersonId: asked[1].personId,
        answeredAt: '2026-10-06T09:00:00Z',
      }),
    );
    const query = `query($p: ID!) { programInsights(programId: $p) {
      outcomes { surveyInvitations surveyAnswers surveyResponsePercent } } }`;
    type Outcomes = {
      programInsights: {
        outcomes: { surveyInvitations: number; surveyAnswers: number; surveyResponsePercent: number };
      };
    };
    const expected = { surveyInvitations: 2, surveyAnswers: 1, surveyResponsePercent: 50 };
    await eventually(
      async () =>
        expect(
          (await gql<Outcomes>(surveyManager, query, { p: surveyProgramId })).data?.programInsights.outcomes,
        ).toEqual(expected),
      { timeoutMs: CATCH_UP_MS },
    );

    await publish({
      topic: PROFILES_TOPIC,
      value: surveyEvents.participantEvent(asked[1], 'ParticipantDataErased', {}, '2026-10-07T09:00:00.000Z'),
    });
    const rows = insights.db.connection.collection('insight_events');
    await eventually(async () =>
      expect(await rows.countDocuments({ tenantId, type: 'ParticipantDataErased' })).toBeGreaterThan(0),
    );
    // The erased person's id is gone from the list of people asked and from the answer; the figures stay.
    expect(await rows.countDocuments({ tenantId, 'data.askedPersonIds': asked[1].personId })).toBe(0);
    expect(await rows.countDocuments({ tenantId, 'data.respondentPersonId': asked[1].personId })).toBe(0);
    expect(await rows.countDocuments({ tenantId, 'data.askedPersonIds': asked[0].personId })).toBe(1);
    expect((await gql<Outcomes>(surveyManager, query, { p: surveyProgramId })).data?.programInsights.outcomes).toEqual(
      expected,
    );
  });
});

const sortById = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => a.id.localeCompare(b.id));
