import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MATCHING_TOPIC } from '@trellis/matching/contracts';
import { participantIdFor, PROFILES_TOPIC } from '@trellis/profiles/contracts';
import { SESSIONS_EVENTS_TOPIC } from '@trellis/sessions/contracts';
import { type DevIssuer, type Principal, startDevIssuer } from '@trellis/shared/auth';
import { SubgraphGraphqlModule } from '@trellis/shared/graphql';
import { EventPublisher, type EventEnvelope } from '@trellis/shared/messaging';
import { PlatformModule } from '@trellis/shared/platform';
import {
  createTestDatabase,
  createTestKafka,
  eventually,
  type TestDatabase,
  uniqueName,
} from '@trellis/shared/testing';
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

describe('program insights in the sessions service (real broker and FerretDB)', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const kafka = createTestKafka();
  const publisher = new EventPublisher(kafka, insightContracts());
  const tenantId = uniqueName('org');
  const programId = randomUUID();
  const person = (name: string): Principal => ({ personId: `${name}-${tenantId}`, tenantId, orgAdmin: false });
  const manager = person('manager');
  const mentor = person('mentor');
  const mentee = person('mentee');
  const mentee2 = person('mentee2');
  const revisions = new Map<string, number>();

  const envelope = (
    topic: string,
    streamType: string,
    streamId: string,
    type: string,
    occurredAt: string,
    data: Record<string, unknown>,
  ) => {
    const revision = (revisions.get(streamId) ?? 0) + 1;
    revisions.set(streamId, revision);
    const value: EventEnvelope = {
      id: randomUUID(),
      type,
      schemaVersion: 1,
      streamId,
      streamType,
      revision,
      occurredAt,
      tenantId,
      programId,
      correlationId: randomUUID(),
      data,
    };
    return { topic, value };
  };
  const publish = async (...messages: Array<{ topic: string; value: EventEnvelope }>) => {
    for (const { topic, value } of messages) await publisher.publish([{ topic, envelopes: [value] }]);
  };
  const gql = async <T>(as: Principal, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.mint(as)}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  };
  const profile = (department: string) => ({
    department,
    orgUnit: null,
    seniority: 3,
    field: null,
    skillsOffered: [],
    skillsSought: [],
    interests: [],
    languages: ['en'],
    timezone: 'Europe/Berlin',
    availability: [],
    formats: ['virtual'],
    communicationStyle: null,
    managerPersonId: null,
    matchingAnswers: [],
    consentedDemographics: {},
  });
  const enrollment = (who: Principal, role: string, at: string) =>
    envelope(
      PROFILES_TOPIC,
      'participant',
      `participant-${participantIdFor(programId, who.personId)}`,
      'ParticipantEnrolled',
      at,
      {
        participantId: participantIdFor(programId, who.personId),
        personId: who.personId,
        programId,
        cohortId: null,
        roles: [role],
        mentorCapacity: role === 'mentor' ? 2 : 0,
        invited: false,
        profile: profile('engineering'),
      },
    );
  const settings = {
    format: 'one-on-one',
    meetingCadenceDays: 14,
    relationshipDurationWeeks: 26,
    defaultMentorCapacity: 2,
    maxOpenRequestsPerMentee: 3,
    requestExpiryDays: 7,
    offerNextBestOnDecline: true,
    maxCircleSize: 8,
  };
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
    issuer = await startDevIssuer({
      port: 0,
      keyFile: path.join(os.tmpdir(), `trellis-test-keys-${process.pid}.json`),
    });
    db = await createTestDatabase('insights');
    @Module({
      imports: [
        PlatformModule.forService({
          service: 'sessions',
          mongo: true,
          kafka: true,
          config: { mongoDatabase: db.name, port: 0 },
        }),
        SubgraphGraphqlModule.forRoot({
          service: 'sessions',
          auth: { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 5 },
        }),
        InsightsModule,
      ],
    })
    class InsightsTestApp {}
    app = await NestFactory.create(InsightsTestApp, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await publisher.disconnect();
    await app?.close();
    await db?.drop();
    await issuer?.stop();
  });

  it('follows the program from its events, answers "as of" a past date, ignores redeliveries and is for managers only', async () => {
    const program = `program-${programId}`;
    const mentorshipId = randomUUID();
    await publish(
      envelope(PROFILES_TOPIC, 'program', program, 'ProgramCreated', '2026-10-01T09:00:00.000Z', {
        programId,
        copiedFromProgramId: null,
        settings,
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
    const started = envelope(
      MATCHING_TOPIC,
      'mentorship',
      `mentorship-${mentorshipId}`,
      'MentorshipStarted',
      '2026-10-10T09:00:00.000Z',
      {
        mentorshipId,
        programId,
        mentorPersonId: mentor.personId,
        menteePersonId: mentee.personId,
        mentorParticipantId: participantIdFor(programId, mentor.personId),
        menteeParticipantId: participantIdFor(programId, mentee.personId),
        format: 'one-on-one',
        origin: 'request',
        originId: randomUUID(),
      },
    );
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
    await eventually(async () => {
      const result = await gql<Figures>(manager, INSIGHTS, { p: programId });
      expect(result.data?.programInsights.matching.matchedMentees).toBe(1);
      expect(result.data?.programInsights.outcomes.averageSessionRating).toBe(4);
    });
    const recordedInNovember = await gql<Figures>(manager, INSIGHTS, { p: programId, asOf: asOfNovember });
    expect(recordedInNovember.data?.programInsights).toMatchObject({
      enrollment: { mentors: 1, mentees: 2, waitlist: 1 },
      matching: { matchedMentees: 1, matchedPercent: 50 },
      engagement: { activeMentorships: 1 },
    });

    // Later history: the mentorship ends; a redelivered feedback event must not count twice.
    await publish(
      envelope(
        MATCHING_TOPIC,
        'mentorship',
        `mentorship-${mentorshipId}`,
        'MentorshipEnded',
        '2026-11-15T09:00:00.000Z',
        {
          mentorshipId,
          programId,
          mentorPersonId: mentor.personId,
          menteePersonId: mentee.personId,
          reason: 'goals-met',
          endedBy: 'mentee',
        },
      ),
    );
    await publisher.publish([{ topic: feedback.topic, envelopes: [feedback.value] }]);
    await eventually(async () => {
      const now = await gql<Figures>(manager, INSIGHTS, { p: programId });
      expect(now.data?.programInsights.engagement.activeMentorships).toBe(0);
      expect(now.data?.programInsights.outcomes.closuresByReason).toEqual([{ key: 'goals-met', count: 1 }]);
    });
    const now = await gql<Figures>(manager, INSIGHTS, { p: programId });
    expect(now.data?.programInsights.outcomes.averageSessionRating).toBe(4);
    expect(await db.connection.collection('insight_events').countDocuments({ tenantId })).toBe(7);
    const stillNovember = await gql<Figures>(manager, INSIGHTS, { p: programId, asOf: asOfNovember });
    expect({ ...stillNovember.data?.programInsights }).toEqual({ ...recordedInNovember.data?.programInsights });

    // Replaying every event into a fresh read model reproduces the same numbers.
    const replayed = new InsightsStore(db.connection, 'insight_events_replay');
    const consumer = kafka.consumer({ groupId: uniqueName('insights-replay') });
    await consumer.connect();
    await consumer.subscribe({ topics: [PROFILES_TOPIC, MATCHING_TOPIC, SESSIONS_EVENTS_TOPIC], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const value = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope;
        if (value.tenantId === tenantId) await replayed.record(insightContracts().validate(value, true));
      },
    });
    await eventually(async () => expect(await replayed.events.countDocuments({ tenantId })).toBe(7));
    await consumer.disconnect();
    const original = await app.get(InsightsStore).history(tenantId, programId);
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
});

const sortById = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => a.id.localeCompare(b.id));
