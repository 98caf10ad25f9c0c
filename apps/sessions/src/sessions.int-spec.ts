import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { matchingContracts } from '@trellis/matching/contracts';
import { engagementStreamId, sessionStreamId } from '@trellis/sessions/contracts';
import { DomainError, EventStore } from '@trellis/shared/event-store';
import { ContractRegistry, type EventEnvelope, EventPublisher } from '@trellis/shared/messaging';
import { uniqueName, waitUntil } from '@trellis/shared/testing';
import type { Admin } from 'kafkajs';
import { SessionsReadModels } from './core/read-models';
import { EngagementHealthMonitor } from './engagements/engagement-health.monitor';
import type { SchedulingService } from './scheduling/scheduling.service';
import type { SessionCommandsService } from './scheduling/session-commands.service';
import type { EngagementCommandsService } from './engagements/engagement-commands.service';
import type { SessionsQueryService } from './views/sessions-query.service';
import type { TestPerson } from './testing/graphql-client';
import { clockedUseCases } from './testing/clocked-use-cases';
import { SessionsHarness } from './testing/sessions-harness';
import { SessionsTopicReader } from './testing/sessions-topic-reader';

const HOUR = 3_600_000;

/** What the GraphQL tests read back; anything else is compared as a whole. */
interface SessionFields {
  id: string;
  localStart: { timeZone: string; offset: string };
  [field: string]: unknown;
}

describe('sessions service (real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions');
  const { wiring, kafka } = sessions;
  const reader = new SessionsTopicReader();
  const published = reader.events;
  let app: INestApplication;
  let url: string;
  let matching: EventPublisher;
  let admin: Admin;
  const tenantId = uniqueName('org');
  const mentorshipId = randomUUID();
  const mentor = { tenantId, personId: `mentor-${tenantId}` };
  const mentee = { tenantId, personId: `mentee-${tenantId}` };
  // A clock the test moves, so a session can be scheduled in the future and later be completed.
  let clockMs = Date.now();
  let scheduling: SchedulingService;
  let sessionCommands: SessionCommandsService;
  let engagements: EngagementCommandsService;
  let queries: SessionsQueryService;

  const envelope = (type: string, data: Record<string, unknown>): EventEnvelope => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: `mentorship-${mentorshipId}`,
    streamType: 'mentorship',
    revision: type === 'MentorshipStarted' ? 1 : 2,
    occurredAt: new Date().toISOString(),
    tenantId,
    programId: 'prog-1',
    correlationId: randomUUID(),
    data,
  });
  const started = envelope('MentorshipStarted', {
    mentorshipId,
    programId: 'prog-1',
    mentorPersonId: mentor.personId,
    menteePersonId: mentee.personId,
    mentorParticipantId: 'pa-mentor',
    menteeParticipantId: 'pa-mentee',
    format: 'one-on-one',
    origin: 'request',
    originId: 'req-1',
  });

  beforeAll(async () => {
    app = await sessions.start();
    url = sessions.url;
    admin = kafka.admin();
    await admin.connect();
    matching = new EventPublisher(kafka, new ContractRegistry(matchingContracts));
    await reader.start(kafka, wiring.sessionsTopic, 'sessions_topic_reader');
    ({ scheduling, sessionCommands, engagements, queries } = clockedUseCases(app, () => new Date(clockMs)));
  });

  afterAll(async () => {
    await reader.stop();
    await admin?.disconnect();
    await matching?.disconnect();
    await sessions.close();
  });

  const gql = <T = Record<string, SessionFields>>(
    as: TestPerson | null,
    query: string,
    variables: Record<string, unknown> = {},
  ) => sessions.gql<T>(as, query, variables);

  it('opens the engagement once from MentorshipStarted, even when the event is delivered twice', async () => {
    await matching.publish([{ topic: wiring.matchingTopic, envelopes: [started] }]);
    await waitUntil(async () => published.some((e) => e.type === 'EngagementOpened'));
    await matching.publish([{ topic: wiring.matchingTopic, envelopes: [started] }]);
    const marker = envelope('MentorshipPaused', {
      mentorshipId,
      programId: 'prog-1',
      byPersonId: mentor.personId,
      until: null,
    });
    await matching.publish([{ topic: wiring.matchingTopic, envelopes: [marker] }]);
    // The reactor handles the partition in order: once the later message is committed, the duplicate was handled.
    await waitUntil(async () => {
      const offsets = await kafka
        .admin()
        .fetchOffsets({ groupId: wiring.lifecycleGroup, topics: [wiring.matchingTopic] });
      return offsets[0]!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0) === 3;
    });

    const commits = await app
      .get(EventStore)
      .commits.find({ streamId: engagementStreamId(mentorshipId) })
      .toArray();
    expect(commits).toHaveLength(1);
    expect(commits[0]!.meta).toMatchObject({ tenantId, causationId: started.id, correlationId: started.correlationId });
    const opened = published.filter((e) => e.type === 'EngagementOpened');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      tenantId,
      programId: 'prog-1',
      correlationId: started.correlationId,
      streamId: engagementStreamId(mentorshipId),
      revision: 1,
      data: { mentorshipId, mentorPersonId: mentor.personId, menteePersonId: mentee.personId, format: 'one-on-one' },
    });
  });

  it('sends a MentorshipStarted the domain refuses to the DLQ and keeps going', async () => {
    const selfMentoring = envelope('MentorshipStarted', {
      mentorshipId: randomUUID(),
      programId: 'prog-1',
      mentorPersonId: mentor.personId,
      menteePersonId: mentor.personId,
      mentorParticipantId: 'pa-mentor',
      menteeParticipantId: 'pa-mentor-2',
      format: 'one-on-one',
      origin: 'request',
      originId: 'req-2',
    });
    const dead: string[] = [];
    const dlqReader = kafka.consumer({ groupId: uniqueName('dlq_reader') });
    await dlqReader.connect();
    await dlqReader.subscribe({ topics: [`${wiring.lifecycleGroup}.dlq`], fromBeginning: true });
    await dlqReader.run({
      eachMessage: async ({ message }) => {
        dead.push(`${message.headers?.['dlq-error']?.toString() ?? ''}|${message.value!.toString()}`);
      },
    });
    try {
      await matching.publish([{ topic: wiring.matchingTopic, envelopes: [selfMentoring] }]);
      await waitUntil(async () => dead.length === 1);
      expect(dead[0]).toContain('A person cannot mentor themselves.');
      expect(dead[0]).toContain(selfMentoring.id);
      const commits = await app
        .get(EventStore)
        .commits.countDocuments({ streamId: engagementStreamId(selfMentoring.data['mentorshipId'] as string) });
      expect(commits).toBe(0);
    } finally {
      await dlqReader.disconnect();
    }
  });

  it('runs the agreement through the real event store and publishes only ids and enums', async () => {
    await engagements.proposeAgreement(mentor, mentorshipId, {
      cadence: 'fortnightly',
      sessionMinutes: 60,
      durationMonths: 6,
      channels: ['video'],
      expectations: 'SECRET-EXPECTATIONS meet every other Tuesday',
    });
    await engagements.signAgreement(mentee, mentorshipId, 1);
    const state = await engagements.signAgreement(mentor, mentorshipId, 1);
    expect(state.agreements[0]).toMatchObject({ version: 1, status: 'in-effect' });
    await expect(engagements.signAgreement(mentor, mentorshipId, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      engagements.setGoal(mentee, mentorshipId, { title: '   ', targetDate: '2099-01-01', timezone: 'UTC' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Goal title must not be empty.',
    });
    await waitUntil(async () => published.filter((e) => e.type === 'AgreementSigned').length === 2);
    const signed = published.filter((e) => e.type === 'AgreementSigned').map((e) => e.data['inEffect']);
    expect(signed).toEqual([false, true]);
    expect(JSON.stringify(published)).not.toContain('SECRET-EXPECTATIONS');
    const stored = JSON.stringify(await app.get(EventStore).commits.find({}).toArray());
    expect(stored).not.toContain('SECRET-EXPECTATIONS');
  });

  it('keeps other organizations out: their ids read as missing', async () => {
    const outsider = { tenantId: uniqueName('other_org'), personId: mentor.personId };
    await expect(engagements.signAgreement(outsider, mentorshipId, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  let sessionId: string;
  const at = (hoursFromNow: number) => new Date(clockMs + hoursFromNow * HOUR).toISOString();

  it('schedules, refuses an overlap naming the clashing session, reschedules with a higher SEQUENCE', async () => {
    const first = await scheduling.scheduleOneOnOne(mentor, {
      mentorshipId,
      startsAt: at(48),
      endsAt: at(49),
      timezone: 'Europe/Berlin',
      mode: 'virtual',
      meetingLink: 'https://meet.example/SECRET-LINK',
    });
    sessionId = first.sessionId;
    const clash = await scheduling
      .scheduleOneOnOne(mentee, {
        mentorshipId,
        startsAt: at(48.5),
        endsAt: at(49.5),
        timezone: 'America/New_York',
        mode: 'in-person',
        location: 'Cafe',
      })
      .catch((error: unknown) => error);
    expect(clash).toBeInstanceOf(DomainError);
    expect(clash).toMatchObject({ code: 'CONFLICT', details: { clashingSessionId: sessionId } });
    expect((clash as DomainError).message).toContain(sessionId);
    await expect(
      scheduling.scheduleOneOnOne(mentor, {
        mentorshipId,
        startsAt: at(-1),
        endsAt: at(0),
        timezone: 'UTC',
        mode: 'virtual',
        meetingLink: 'https://x.example',
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'A session must start in the future.' });

    const moved = await scheduling.reschedule(mentee, sessionId, { startsAt: at(72), endsAt: at(73) });
    expect(moved.sequence).toBe(1);
    const ics = await queries.calendar(mentee, sessionId, 'trellis.test');
    expect(ics).toContain(`UID:session-${sessionId}@trellis.test\r\n`);
    expect(ics).toContain('SEQUENCE:1\r\n');
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics.replace(/\r\n /g, '')).toContain('https://meet.example/SECRET-LINK');
    await expect(
      queries.calendar({ tenantId, personId: 'someone-else' }, sessionId, 'trellis.test'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await waitUntil(async () => published.some((e) => e.type === 'SessionRescheduled'));
    const calendarEvents = published.filter((e) => e.streamId === sessionStreamId(sessionId));
    expect(calendarEvents.map((e) => [e.type, e.data['sequence'], e.revision])).toEqual([
      ['SessionScheduled', 0, 1],
      ['SessionRescheduled', 1, 2],
    ]);
    expect(JSON.stringify(published)).not.toContain('SECRET-LINK');
  });

  it('takes feedback only after completion and only from attendees', async () => {
    await expect(sessionCommands.submitFeedback(mentee, sessionId, { rating: 5 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    clockMs += 73.5 * HOUR;
    await sessionCommands.complete(mentor, sessionId, { sharedNotes: 'SECRET-NOTES we agreed on a plan' });
    await expect(sessionCommands.submitFeedback(mentee, sessionId, { rating: 7 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const state = await sessionCommands.submitFeedback(mentee, sessionId, {
      rating: 5,
      wentWell: 'SECRET-PRAISE clear plan',
    });
    expect(state.feedback[mentee.personId]).toMatchObject({ rating: 5 });
    await expect(
      sessionCommands.submitFeedback({ tenantId, personId: 'intruder' }, sessionId, { rating: 1 }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await waitUntil(async () => published.some((e) => e.type === 'FeedbackSubmitted'));
    const feedback = published.find((e) => e.type === 'FeedbackSubmitted')!;
    expect(feedback.data).toEqual({
      sessionId,
      mentorshipId,
      hostPersonId: mentor.personId,
      personId: mentee.personId,
      rating: 5,
    });
    const everything = JSON.stringify(published) + JSON.stringify(await app.get(EventStore).commits.find({}).toArray());
    expect(everything).not.toContain('SECRET-NOTES');
    expect(everything).not.toContain('SECRET-PRAISE');
  });

  it('serves the pair through the GraphQL subgraph, with verified tokens and viewer time zones', async () => {
    expect((await gql(null, '{ engagement(mentorshipId: "x") { status } }')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const outsider = await gql(
      { tenantId: uniqueName('other_org'), personId: mentee.personId },
      `query($m: ID!) { engagement(mentorshipId: $m) { status } }`,
      { m: mentorshipId },
    );
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const goal = await gql(
      mentee,
      `mutation($m: ID!) { setGoal(mentorshipId: $m, title: "Lead a project", targetDate: "2099-06-30", timezone: "Europe/Berlin") { goals { title status targetDate } agreements { version status cadence expectations } } }`,
      { m: mentorshipId },
    );
    expect(goal.errors).toBeUndefined();
    expect(goal.data!['setGoal']).toEqual({
      goals: [{ title: 'Lead a project', status: 'ACTIVE', targetDate: '2099-06-30' }],
      agreements: [
        {
          version: 1,
          status: 'IN_EFFECT',
          cadence: 'FORTNIGHTLY',
          expectations: 'SECRET-EXPECTATIONS meet every other Tuesday',
        },
      ],
    });
    const pastGoal = await gql(
      mentee,
      `mutation($m: ID!) { setGoal(mentorshipId: $m, title: "x", targetDate: "2000-01-01", timezone: "UTC") { status } }`,
      { m: mentorshipId },
    );
    expect(pastGoal.errors?.[0]).toMatchObject({
      message: 'The target date of a goal cannot be before today.',
      extensions: { code: 'BAD_USER_INPUT' },
    });

    type EngagementData = {
      goals: Array<{ id: string; progressPercent: number }>;
      actionItems: Array<{ id: string; title: string; done: boolean; ownerPersonId: string }>;
      resources: Array<{ kind: string; title: string; link: string | null }>;
      myReflections: Array<{ text: string }>;
      agreements: Array<{ version: number; status: string; cadence: string }>;
    };
    const FIELDS = `{ goals { id progressPercent } actionItems { id title done ownerPersonId } resources { kind title link }
      myReflections { text } agreements { version status cadence } }`;
    const m = mentorshipId;
    const view = async (as: typeof mentor, query: string, variables: Record<string, unknown> = {}) => {
      const result = await gql<Record<string, EngagementData>>(as, query, { m, ...variables });
      expect(result.errors).toBeUndefined();
      return Object.values(result.data!)[0]!;
    };
    const goalId = (await view(mentee, `query($m: ID!) { engagement(mentorshipId: $m) ${FIELDS} }`)).goals[0]!.id;
    const progressed = await view(
      mentee,
      `mutation($m: ID!, $g: ID!) { updateGoalProgress(mentorshipId: $m, goalId: $g, progressPercent: 40, note: "halfway") ${FIELDS} }`,
      { g: goalId },
    );
    expect(progressed.goals[0]!.progressPercent).toBe(40);
    const added = await view(
      mentor,
      `mutation($m: ID!, $o: ID!) { addActionItem(mentorshipId: $m, title: "Draft the plan", ownerPersonId: $o, dueDate: "2099-01-31", timezone: "Europe/Berlin") ${FIELDS} }`,
      { o: mentee.personId },
    );
    expect(added.actionItems).toEqual([
      expect.objectContaining({ title: 'Draft the plan', done: false, ownerPersonId: mentee.personId }),
    ]);
    const done = await view(
      mentee,
      `mutation($m: ID!, $a: ID!) { completeActionItem(mentorshipId: $m, actionItemId: $a) ${FIELDS} }`,
      { a: added.actionItems[0]!.id },
    );
    expect(done.actionItems[0]!.done).toBe(true);
    const RECOMMEND = `mutation($m: ID!) { recommendResource(mentorshipId: $m, kind: COURSE, title: "Leading teams", link: "https://learn.example/lead") ${FIELDS} }`;
    const byMentee = await gql(mentee, RECOMMEND, { m });
    expect(byMentee.errors?.[0]).toMatchObject({
      message: 'Only the mentor recommends resources.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await view(mentor, RECOMMEND)).resources).toEqual([
      { kind: 'COURSE', title: 'Leading teams', link: 'https://learn.example/lead' },
    ]);
    const reflected = await view(
      mentee,
      `mutation($m: ID!) { writeReflection(mentorshipId: $m, text: "SECRET-REFLECTION I avoid conflict") ${FIELDS} }`,
    );
    expect(reflected.myReflections).toEqual([{ text: 'SECRET-REFLECTION I avoid conflict' }]);
    expect((await view(mentor, `query($m: ID!) { engagement(mentorshipId: $m) ${FIELDS} }`)).myReflections).toEqual([]);
    const amended = await view(
      mentee,
      `mutation($m: ID!) { amendAgreement(mentorshipId: $m, agreement: { cadence: WEEKLY, sessionMinutes: 45, durationMonths: 6, channels: [VIDEO] }) ${FIELDS} }`,
    );
    expect(amended.agreements).toEqual([
      { version: 1, status: 'IN_EFFECT', cadence: 'FORTNIGHTLY' },
      { version: 2, status: 'PROPOSED', cadence: 'WEEKLY' },
    ]);
    await waitUntil(async () => published.some((e) => e.type === 'AgreementAmended'));
    expect(JSON.stringify(published)).not.toContain('SECRET-REFLECTION');
    expect(published.filter((e) => e.type === 'EngagementPrivateEntryWritten').map((e) => e.data)).toEqual([
      { mentorshipId },
    ]);

    const SCHEDULE = `mutation($input: ScheduleSessionInput!, $c: ID) { scheduleSession(input: $input, commandId: $c) {
      id sequence status timezone localStart { date time offset timeZone } place myRsvp } }`;
    const input = {
      mentorshipId,
      startsAt: at(300),
      endsAt: at(301),
      timezone: 'America/New_York',
      mode: 'VIRTUAL',
      meetingLink: 'https://meet.example/gql',
    };
    const commandId = randomUUID();
    const first = await gql(mentee, SCHEDULE, { input, c: commandId });
    expect(first.errors).toBeUndefined();
    const again = await gql(mentee, SCHEDULE, { input, c: commandId });
    const created = first.data!['scheduleSession']!;
    expect(again.data!['scheduleSession']!.id).toBe(created.id);
    expect(created).toMatchObject({
      sequence: 0,
      status: 'SCHEDULED',
      timezone: 'America/New_York',
      place: 'https://meet.example/gql',
    });
    expect(created.localStart.timeZone).toBe('America/New_York');

    const viewed = await gql(
      mentor,
      `query($id: ID!) { session(id: $id, viewerTimeZone: "Asia/Kolkata") { localStart { offset timeZone } } sessionCalendar(id: $id) }`,
      { id: created.id },
    );
    expect(viewed.errors).toBeUndefined();
    expect(viewed.data!['session']!.localStart).toEqual({ offset: '+05:30', timeZone: 'Asia/Kolkata' });
    expect(viewed.data!['sessionCalendar']).toContain(`UID:session-${created.id}@`);
    const rsvp = await gql(mentor, `mutation($id: ID!) { respondToSession(id: $id, response: ACCEPTED) { myRsvp } }`, {
      id: created.id,
    });
    expect(rsvp.data!['respondToSession']).toEqual({ myRsvp: 'ACCEPTED' });
    const cancelled = await gql(
      mentee,
      `mutation($id: ID!) { cancelSession(id: $id, reason: ILLNESS) { status sequence } }`,
      { id: created.id },
    );
    expect(cancelled.data!['cancelSession']).toEqual({ status: 'CANCELLED', sequence: 1 });
    const feedPath = (await gql<{ createCalendarFeed: string }>(mentee, 'mutation { createCalendarFeed }')).data!
      .createCalendarFeed;
    expect(feedPath).toMatch(/^\/calendar\/feeds\/[A-Za-z0-9_-]{40,}\.ics$/);
    const base = url.replace(/\/graphql$/, '');
    const feed = await fetch(`${base}${feedPath}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const feedText = await feed.text();
    expect(feedText).toContain('METHOD:PUBLISH\r\n');
    expect(feedText).toContain(`UID:session-${created.id}@`);
    expect(feedText).toContain(`UID:session-${sessionId}@`);
    expect(feedText.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    // A retry with the command id of the first call gets the same URL back, not a second feed.
    const CREATE_FEED = 'mutation($c: ID) { createCalendarFeed(commandId: $c) }';
    const feedCommand = uniqueName('feed');
    const created1 = await gql<{ createCalendarFeed: string }>(mentee, CREATE_FEED, { c: feedCommand });
    const created2 = await gql<{ createCalendarFeed: string }>(mentee, CREATE_FEED, { c: feedCommand });
    expect(created2.data!.createCalendarFeed).toBe(created1.data!.createCalendarFeed);
    expect(created1.data!.createCalendarFeed).not.toBe(feedPath);
    expect((await fetch(`${base}${created1.data!.createCalendarFeed}`)).status).toBe(200);
    // Someone else's retry with that id is a command of their own.
    const othersFeed = await gql<{ createCalendarFeed: string }>(mentor, CREATE_FEED, { c: feedCommand });
    expect(othersFeed.data!.createCalendarFeed).not.toBe(created1.data!.createCalendarFeed);
    const REVOKE = 'mutation($c: ID) { revokeCalendarFeeds(commandId: $c) }';
    const revokeCommand = uniqueName('revoke');
    const revoked = await gql<{ revokeCalendarFeeds: number }>(mentee, REVOKE, { c: revokeCommand });
    expect(revoked.data!.revokeCalendarFeeds).toBe(2);
    const revokedAgain = await gql<{ revokeCalendarFeeds: number }>(mentee, REVOKE, { c: revokeCommand });
    expect(revokedAgain.data!.revokeCalendarFeeds).toBe(2);
    const revokedAnew = await gql<{ revokeCalendarFeeds: number }>(mentee, 'mutation { revokeCalendarFeeds }');
    expect(revokedAnew.data!.revokeCalendarFeeds).toBe(0);
    expect((await fetch(`${base}${feedPath}`)).status).toBe(404);
    expect((await fetch(`${base}${created1.data!.createCalendarFeed}`)).status).toBe(404);
    expect((await fetch(`${base}/calendar/feeds/not-a-real-token-at-all-0000000.ics`)).status).toBe(404);

    const stranger = await gql({ tenantId, personId: 'someone' }, `query($id: ID!) { session(id: $id) { id } }`, {
      id: created.id,
    });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers a retry after a crash between the commit and its read row, and still keeps other organizations out', async () => {
    const readModels = app.get(SessionsReadModels);
    const commandId = randomUUID();
    const input = {
      mentorshipId,
      startsAt: at(120),
      endsAt: at(121),
      timezone: 'Europe/Berlin',
      mode: 'virtual' as const,
      meetingLink: 'https://meet.example/after-crash',
    };
    const first = await scheduling.scheduleOneOnOne(mentor, input, { commandId });
    // The process died right after the commit: the events are there, the read rows are not.
    await readModels.sessions.deleteOne({ _id: first.sessionId });
    await readModels.engagements.deleteOne({ _id: mentorshipId });

    const outsider = { tenantId: uniqueName('other_org'), personId: mentor.personId };
    await expect(queries.calendar(outsider, first.sessionId, 'trellis.test')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(engagements.signAgreement(outsider, mentorshipId, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const retried = await scheduling.scheduleOneOnOne(mentor, input, { commandId });
    expect(retried).toMatchObject({ sessionId: first.sessionId, startsAt: first.startsAt, sequence: 0 });
    expect(await readModels.sessions.countDocuments({ _id: first.sessionId })).toBe(1);
    expect(await readModels.engagements.countDocuments({ _id: mentorshipId })).toBe(1);
    await scheduling.cancel(mentor, first.sessionId, 'schedule-conflict');
  });

  it('answers a retried change with the same command id instead of refusing it as done already', async () => {
    const twice = async <T>(who: typeof mentor, run: (actor: typeof mentor & { commandId: string }) => Promise<T>) => {
      const actor = { ...who, commandId: randomUUID() };
      const first = await run(actor);
      // The answer was lost on the way; the client sends the very same mutation again.
      const second = await run(actor);
      return [first, second] as const;
    };
    const [scheduled, again] = await twice(mentor, (a) =>
      scheduling.scheduleOneOnOne(a, {
        mentorshipId,
        startsAt: at(150),
        endsAt: at(151),
        timezone: 'Europe/Berlin',
        mode: 'virtual',
        meetingLink: 'https://meet.example/retried',
      }),
    );
    expect(again.sessionId).toBe(scheduled.sessionId);
    const id = scheduled.sessionId;
    const [rsvp, rsvpAgain] = await twice(mentee, (a) => sessionCommands.respond(a, id, 'accepted'));
    expect(rsvpAgain.rsvps).toEqual(rsvp.rsvps);
    const [moved, movedAgain] = await twice(mentor, (a) =>
      scheduling.reschedule(a, id, { startsAt: at(152), endsAt: at(153) }),
    );
    expect([moved.sequence, movedAgain.sequence]).toEqual([1, 1]);
    const [reflected, reflectedAgain] = await twice(mentee, (a) =>
      engagements.writeReflection(a, mentorshipId, 'Retried reflection'),
    );
    expect(Object.keys(reflectedAgain.reflections)).toEqual(Object.keys(reflected.reflections));
    const [cancelled, cancelledAgain] = await twice(mentor, (a) => scheduling.cancel(a, id, 'schedule-conflict'));
    expect([cancelled.status, cancelledAgain.status]).toEqual(['cancelled', 'cancelled']);
    // Without the id, a second cancel is the user's mistake and is refused as before.
    await expect(scheduling.cancel(mentor, id, 'schedule-conflict')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('closes the engagement on MentorshipEnded; no new sessions afterwards', async () => {
    const ended = envelope('MentorshipEnded', {
      mentorshipId,
      programId: 'prog-1',
      mentorPersonId: mentor.personId,
      menteePersonId: mentee.personId,
      reason: 'completed',
      endedBy: 'mentee',
    });
    const registry = new ContractRegistry(matchingContracts);
    expect(() => registry.validate(ended, false)).not.toThrow();
    await matching.publish([{ topic: wiring.matchingTopic, envelopes: [ended] }]);
    await waitUntil(async () => published.some((e) => e.type === 'EngagementClosed'));
    await expect(
      scheduling.scheduleOneOnOne(mentor, {
        mentorshipId,
        startsAt: at(200),
        endsAt: at(201),
        timezone: 'UTC',
        mode: 'virtual',
        meetingLink: 'https://x.example',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This mentorship has ended.' });
  });

  it('the daily health run nudges once per threshold crossing, however often it runs', async () => {
    const quietId = randomUUID();
    const quiet = {
      ...envelope('MentorshipStarted', {
        mentorshipId: quietId,
        programId: 'prog-1',
        mentorPersonId: `mentor2-${tenantId}`,
        menteePersonId: `mentee2-${tenantId}`,
        mentorParticipantId: 'pa-mentor-2',
        menteeParticipantId: 'pa-mentee-2',
        format: 'one-on-one',
        origin: 'proposal',
        originId: 'prop-1',
      }),
      streamId: `mentorship-${quietId}`,
    };
    await matching.publish([{ topic: wiring.matchingTopic, envelopes: [quiet] }]);
    await waitUntil(async () =>
      published.some((e) => e.type === 'EngagementOpened' && e.data['mentorshipId'] === quietId),
    );
    const monitor = app.get(EngagementHealthMonitor);
    const day = (n: number) => new Date(Date.parse(quiet.occurredAt) + n * 24 * HOUR);
    const signalsFor = async (n: number) =>
      (await monitor.runOnce(day(n))).signals.filter((e) => e.mentorshipId === quietId).map((e) => e.type);

    expect(await signalsFor(5)).toEqual([]);
    expect(await signalsFor(20)).toEqual(['EngagementAtRisk']);
    expect(await signalsFor(20)).toEqual([]);
    expect(await signalsFor(21)).toEqual([]);
    expect(await signalsFor(50)).toEqual(['EngagementStalled']);
    expect(await signalsFor(51)).toEqual([]);

    await waitUntil(async () =>
      published.some((e) => e.type === 'EngagementStalled' && e.data['mentorshipId'] === quietId),
    );
    const nudges = published.filter(
      (e) => e.data['mentorshipId'] === quietId && e.type.startsWith('Engagement') && e.type !== 'EngagementOpened',
    );
    expect(nudges.map((e) => [e.type, e.data['status'], e.data['reasons']])).toEqual([
      ['EngagementAtRisk', 'at-risk', ['no-agreement', 'no-goals', 'no-first-session']],
      ['EngagementStalled', 'stalled', ['no-agreement', 'no-goals', 'no-first-session', 'behind-cadence']],
    ]);
  });
});
