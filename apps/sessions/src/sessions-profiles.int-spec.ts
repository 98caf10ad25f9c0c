import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { MatchingProfile } from '@trellis/profiles/contracts';
import { EventStore } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { uniqueName, waitUntil } from '@trellis/shared/testing';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import type { Connection } from 'mongoose';
import { SessionsReadModels } from './core/read-models';
import { SESSIONS_DIRECTORY } from './core/sessions-wiring';
import type { SchedulingService } from './scheduling/scheduling.service';
import type { SessionsDirectory } from './core/sessions-directory';
import { clockedUseCases } from './testing/clocked-use-cases';
import { SessionsHarness } from './testing/sessions-harness';
import { participantProfile } from './testing/upstream-events.fixture';
import { UpstreamFeed } from './testing/upstream-feed';

const HOUR = 3_600_000;

/**
 * The sessions service fed by profiles (availability, program managers, erasure) and the GraphQL surface of every
 * command, on the real broker and FerretDB. Topics and groups are this test's own, so nothing else reaches them.
 */
describe('sessions with profiles facts (real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions_profiles', { memberships: true });
  const { wiring, gql, ok } = sessions;
  let app: INestApplication;
  let feed: UpstreamFeed;
  const tenantId = uniqueName('org');
  const programId = randomUUID();
  const person = (role: string) => ({ tenantId, personId: `${role}-${randomUUID()}` });
  const mentor = person('mentor');
  const mentee = person('mentee');
  const manager = person('manager');
  const peer = person('peer');
  const outsider = person('outsider');
  const mentorshipId = randomUUID();
  let clockMs = Date.now();
  let scheduling: SchedulingService;

  const publish = (topic: string, ...envelopes: EventEnvelope[]) => feed.publish(topic, ...envelopes);
  const profile = (timezone: string, availability: MatchingProfile['availability']) =>
    participantProfile({ timezone, availability });
  const participantStream = (who: { personId: string }) => feed.participantStream(who);
  const participantEvent = (who: { personId: string }, type: string, data: Record<string, unknown> = {}) =>
    feed.participantEvent(who, type, data);
  const enroll = (
    who: { personId: string },
    role: 'mentor' | 'mentee',
    timezone: string,
    windows: Parameters<typeof profile>[1],
  ) => feed.enrolled(who, role, profile(timezone, windows));

  const fails = (as: { tenantId: string; personId: string }, query: string, variables: Record<string, unknown> = {}) =>
    sessions.refused(as, query, variables);

  beforeAll(async () => {
    app = await sessions.start();
    feed = new UpstreamFeed(sessions.kafka, tenantId, programId);
    scheduling = clockedUseCases(app, () => new Date(clockMs)).scheduling;
  });

  afterAll(async () => {
    await feed?.disconnect();
    await sessions.close();
  });

  /** A whole hour at least two days ahead, and where it falls in New York (weekday 1 = Monday, minute of day). */
  const slot = (() => {
    const start = Math.ceil((Date.now() + 50 * HOUR) / HOUR) * HOUR;
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        hourCycle: 'h23',
        weekday: 'short',
        hour: 'numeric',
      })
        .formatToParts(new Date(start))
        .map((p) => [p.type, p.value]),
    );
    const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts['weekday']!) + 1;
    return { start, day, minute: Number(parts['hour']) * 60 };
  })();
  const iso = (ms: number) => new Date(ms).toISOString();

  it('opens the engagement and learns the participants, their program manager and stated availability', async () => {
    await publish(
      wiring.profilesTopic,
      feed.managerAssigned(manager),
      enroll(mentor, 'mentor', 'Europe/Berlin', []),
      enroll(peer, 'mentee', 'Asia/Kolkata', []),
      // Two hours on the chosen day, in New York.
      enroll(mentee, 'mentee', 'America/New_York', [
        { day: slot.day, startMinute: slot.minute, endMinute: slot.minute + 120 },
      ]),
    );
    await publish(wiring.matchingTopic, feed.mentorshipStarted(mentorshipId, mentor, mentee));
    const directory = app.get<symbol, SessionsDirectory>(SESSIONS_DIRECTORY);
    await waitUntil(
      async () => (await directory.availability.forProgram(tenantId, programId, [mentee.personId])).length === 1,
    );
    await waitUntil(
      async () => (await app.get(SessionsReadModels).engagementsOf(tenantId).findOne({ _id: mentorshipId })) !== null,
    );
    await waitUntil(
      async () => (await directory.memberships.membership(tenantId, programId, manager.personId)) !== null,
    );
  });

  const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id startsAt status } }`;
  const scheduleInput = (startMs: number, override = false) => ({
    mentorshipId,
    startsAt: iso(startMs),
    endsAt: iso(startMs + HOUR),
    timezone: 'Europe/Berlin',
    mode: 'VIRTUAL',
    meetingLink: 'https://meet.example/pair',
    overrideAvailability: override,
  });

  it('refuses a time outside the stated availability unless the organizer overrides it', async () => {
    const outside = await fails(mentor, SCHEDULE, { input: scheduleInput(slot.start + 3 * HOUR) });
    expect(outside.code).toBe('CONFLICT');
    expect(outside.message).toContain('outside the stated availability of one attendee');
    const hh = String(slot.minute / 60).padStart(2, '0');
    const until = String(slot.minute / 60 + 2).padStart(2, '0');
    expect(outside.message).toContain(`${hh}:00–${until}:00 (America/New_York)`);
    expect(await app.get(EventStore).commits.countDocuments({ 'meta.tenantId': tenantId, streamType: 'session' })).toBe(
      0,
    );

    const inside = await ok(mentor, SCHEDULE, { input: scheduleInput(slot.start) });
    expect(inside['scheduleSession']).toMatchObject({ status: 'SCHEDULED' });
    const overridden = await ok(mentor, SCHEDULE, { input: scheduleInput(slot.start + 3 * HOUR, true) });
    expect(overridden['scheduleSession']).toMatchObject({ status: 'SCHEDULED' });

    // A profile update replaces the windows: now the earlier hour is outside too. The new window lies two days
    // later, so the hour asked for below (six hours after the slot, possibly past midnight) is never inside it.
    await publish(
      wiring.profilesTopic,
      participantEvent(mentee, 'ParticipantProfileUpdated', {
        profile: profile('America/New_York', [{ day: ((slot.day + 1) % 7) + 1, startMinute: 0, endMinute: 60 }]),
      }),
    );
    await waitUntil(async () => {
      const [a] = await app
        .get<symbol, SessionsDirectory>(SESSIONS_DIRECTORY)
        .availability.forProgram(tenantId, programId, [mentee.personId]);
      return a?.windows[0]?.startMinute === 0;
    });
    const moved = await fails(mentor, SCHEDULE, { input: scheduleInput(slot.start + 6 * HOUR) });
    expect(moved.code).toBe('CONFLICT');
    expect(moved.message).toContain('00:00–01:00 (America/New_York)');
  });

  const SESSION_FIELDS = `id status sequence capacity programId localStart { timeZone time offset } localEnd { timeZone }
    attendees { personId host rsvp attendance } sharedNotes { authorPersonId text } myPrivateNotes { id text }
    feedback { personId rating wentWell } feedbackSummary { count averageRating } completedAt`;

  it('group sessions: the host invites participants of the program, RSVPs respect the size limit', async () => {
    const GROUP = `mutation($input: ScheduleGroupSessionInput!) { scheduleGroupSession(input: $input, viewerTimeZone: "Asia/Kolkata") { ${SESSION_FIELDS} } }`;
    const input = (invitees: string[]) => ({
      programId,
      inviteePersonIds: invitees,
      capacity: 2,
      startsAt: iso(slot.start + 30 * HOUR),
      endsAt: iso(slot.start + 31 * HOUR),
      timezone: 'Europe/Berlin',
      mode: 'IN_PERSON',
      location: 'Room 4',
      title: 'Career circle',
      overrideAvailability: true,
    });
    const stranger = await fails(mentor, GROUP, { input: input([mentee.personId, outsider.personId]) });
    expect(stranger).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: `Person ${outsider.personId} is not part of this program.`,
    });
    expect((await fails(outsider, GROUP, { input: input([mentee.personId]) })).code).toBe('FORBIDDEN');
    const otherProgram = await fails(mentor, GROUP, {
      input: { ...input([mentee.personId]), programId: randomUUID() },
    });
    expect(otherProgram.code).toBe('NOT_FOUND');

    const created = (await ok(mentor, GROUP, { input: input([mentee.personId, peer.personId]) }))[
      'scheduleGroupSession'
    ]!;
    expect(created).toMatchObject({
      status: 'SCHEDULED',
      capacity: 2,
      programId,
      localStart: { timeZone: 'Asia/Kolkata', offset: '+05:30' },
      attendees: [
        { personId: mentor.personId, host: true, rsvp: null, attendance: null },
        { personId: mentee.personId, host: false, rsvp: null, attendance: null },
        { personId: peer.personId, host: false, rsvp: null, attendance: null },
      ],
    });
    const RSVP = `mutation($id: ID!) { respondToSession(id: $id, response: ACCEPTED, viewerTimeZone: "America/New_York") { myRsvp localStart { timeZone } } }`;
    expect((await ok(mentee, RSVP, { id: created['id'] }))['respondToSession']).toEqual({
      myRsvp: 'ACCEPTED',
      localStart: { timeZone: 'America/New_York' },
    });
    const full = await fails(peer, RSVP, { id: created['id'] });
    expect(full).toMatchObject({ code: 'CONFLICT', message: 'This session is full (2 places).' });
    const viewed = await ok(peer, `query($id: ID!) { session(id: $id) { attendees { personId rsvp } } }`, {
      id: created['id'],
    });
    expect(viewed['session']!['attendees']).toEqual([
      { personId: mentor.personId, rsvp: null },
      { personId: mentee.personId, rsvp: 'ACCEPTED' },
      { personId: peer.personId, rsvp: null },
    ]);
    expect((await fails(outsider, `query($id: ID!) { session(id: $id) { id } }`, { id: created['id'] })).code).toBe(
      'NOT_FOUND',
    );
  });

  let pastSessionId: string;

  it('attendance, completion with shared notes, private notes and feedback per attendee, with visibility rules', async () => {
    // Booked two hours ago by the service's own clock, so the real clock now finds it started.
    clockMs = Date.now() - 3 * HOUR;
    const booked = await scheduling.scheduleOneOnOne(mentee, {
      mentorshipId,
      startsAt: iso(clockMs + HOUR),
      endsAt: iso(clockMs + 2 * HOUR),
      timezone: 'America/New_York',
      mode: 'virtual',
      meetingLink: 'https://meet.example/past',
      overrideAvailability: true,
    });
    pastSessionId = booked.sessionId;
    const id = pastSessionId;
    const ATTEND = `mutation($id: ID!, $a: [AttendanceInput!]!) { recordAttendance(id: $id, attendance: $a) { attendees { personId attendance } } }`;
    const strangerMark = await fails(mentor, ATTEND, { id, a: [{ personId: outsider.personId, status: 'ATTENDED' }] });
    expect(strangerMark.code).toBe('BAD_USER_INPUT');
    expect(
      (await ok(mentor, ATTEND, { id, a: [{ personId: mentee.personId, status: 'LATE' }] }))['recordAttendance'],
    ).toEqual({
      attendees: [
        { personId: mentee.personId, attendance: 'LATE' },
        { personId: mentor.personId, attendance: null },
      ],
    });
    const early = await fails(mentee, `mutation($id: ID!) { submitSessionFeedback(id: $id, rating: 4) { id } }`, {
      id,
    });
    expect(early).toMatchObject({ code: 'CONFLICT', message: 'Feedback opens once the session has been completed.' });

    const completed = await ok(
      mentor,
      `mutation($id: ID!) { completeSession(id: $id, sharedNotes: "SECRET-SHARED plan for May", attendance: [{ personId: "${mentor.personId}", status: ATTENDED }], viewerTimeZone: "Europe/Berlin") { ${SESSION_FIELDS} } }`,
      { id },
    );
    expect(completed['completeSession']).toMatchObject({
      status: 'COMPLETED',
      localStart: { timeZone: 'Europe/Berlin' },
      sharedNotes: { authorPersonId: mentor.personId, text: 'SECRET-SHARED plan for May' },
      attendees: [
        { personId: mentee.personId, attendance: 'LATE' },
        { personId: mentor.personId, attendance: 'ATTENDED' },
      ],
    });
    const notEditable = await fails(
      mentee,
      `mutation($id: ID!) { writeSharedNotes(id: $id, text: "mine now") { id } }`,
      {
        id,
      },
    );
    expect(notEditable.code).toBe('FORBIDDEN');
    await ok(mentor, `mutation($id: ID!) { writeSharedNotes(id: $id, text: "SECRET-SHARED revised") { id } }`, { id });

    const NOTE = `mutation($id: ID!, $t: String!, $n: ID) { writePrivateNote(id: $id, text: $t, noteId: $n) { myPrivateNotes { id text } } }`;
    const menteeNotes = (await ok(mentee, NOTE, { id, t: 'SECRET-PRIVATE-MENTEE nervous' }))['writePrivateNote']!;
    const noteId = (menteeNotes['myPrivateNotes'] as Array<{ id: string }>)[0]!.id;
    expect((await ok(mentor, NOTE, { id, t: 'SECRET-PRIVATE-MENTOR push harder' }))['writePrivateNote']).toEqual({
      myPrivateNotes: [expect.objectContaining({ text: 'SECRET-PRIVATE-MENTOR push harder' })],
    });
    expect((await fails(mentor, NOTE, { id, t: 'overwrite', n: noteId })).code).toBe('FORBIDDEN');
    await ok(mentee, NOTE, { id, t: 'SECRET-PRIVATE-MENTEE calmer now', n: noteId });

    const FEEDBACK = `mutation($id: ID!, $r: Int!) { submitSessionFeedback(id: $id, rating: $r, wentWell: "SECRET-FEEDBACK clear") { feedback { personId rating wentWell } } }`;
    expect((await fails(mentee, FEEDBACK, { id, r: 6 })).code).toBe('BAD_USER_INPUT');
    expect((await ok(mentee, FEEDBACK, { id, r: 4 }))['submitSessionFeedback']).toEqual({
      feedback: [{ personId: mentee.personId, rating: 4, wentWell: 'SECRET-FEEDBACK clear' }],
    });
    expect((await fails(mentee, FEEDBACK, { id, r: 4 })).code).toBe('CONFLICT');
    expect((await fails(outsider, FEEDBACK, { id, r: 4 })).code).toBe('FORBIDDEN');

    const READ = `query($id: ID!) { session(id: $id, viewerTimeZone: "Asia/Tokyo") { ${SESSION_FIELDS} } }`;
    // The program's policy (author and managers): the mentor does not read the mentee's feedback, not even its rating.
    const asMentor = (await ok(mentor, READ, { id }))['session']!;
    expect(asMentor['feedback']).toEqual([]);
    expect(asMentor['feedbackSummary']).toEqual({ count: 0, averageRating: null });
    expect(asMentor['myPrivateNotes']).toEqual([
      expect.objectContaining({ text: 'SECRET-PRIVATE-MENTOR push harder' }),
    ]);
    const asMentee = (await ok(mentee, READ, { id }))['session']!;
    expect(asMentee['myPrivateNotes']).toEqual([{ id: noteId, text: 'SECRET-PRIVATE-MENTEE calmer now' }]);
    // Managers see the ratings in aggregate, the shared notes, and no private notes.
    const asManager = (await ok(manager, READ, { id }))['session']!;
    expect(asManager).toMatchObject({
      feedback: [],
      feedbackSummary: { count: 1, averageRating: 4 },
      myPrivateNotes: [],
      sharedNotes: { text: 'SECRET-SHARED revised' },
      localStart: { timeZone: 'Asia/Tokyo', offset: '+09:00' },
    });
  });

  it('goals with SMART fields, milestones, progress, achieve and abandon; action items, resources, introductions', async () => {
    const FIELDS = `{ viewerRole goals { id title status progressPercent smart { specific measurable } milestones { id title targetDate reachedAt }
      progress { progressPercent note } abandonReason achievedAt } actionItems { id title goalId }
      introductions { kind personId contact { name email organization } note introducedByPersonId } myReflections { text }
      sessions { id status localStart { timeZone } } feedbackSummary { count averageRating } }`;
    const m = mentorshipId;
    const goal = await ok(
      mentee,
      `mutation($m: ID!) { setGoal(mentorshipId: $m, title: "Lead a team", targetDate: "2099-06-30", timezone: "UTC",
        smart: { specific: "Run the platform team", measurable: "Two releases" },
        milestones: [{ title: "Shadow a lead", targetDate: "2099-01-31" }]) ${FIELDS} }`,
      { m },
    );
    const [created] = goal['setGoal']!['goals'] as Array<Record<string, unknown>>;
    expect(created).toMatchObject({
      title: 'Lead a team',
      smart: { specific: 'Run the platform team', measurable: 'Two releases' },
      milestones: [{ title: 'Shadow a lead', targetDate: '2099-01-31', reachedAt: null }],
    });
    const goalId = created!['id'] as string;
    const lateMilestone = await fails(
      mentee,
      `mutation($m: ID!, $g: ID!) { addMilestone(mentorshipId: $m, goalId: $g, title: "Too late", targetDate: "2100-01-01", timezone: "UTC") { viewerRole } }`,
      { m, g: goalId },
    );
    expect(lateMilestone.code).toBe('BAD_USER_INPUT');
    const withMilestone = await ok(
      mentor,
      `mutation($m: ID!, $g: ID!) { addMilestone(mentorshipId: $m, goalId: $g, title: "Lead a retro", timezone: "Europe/Berlin") ${FIELDS} }`,
      { m, g: goalId },
    );
    const milestones = (withMilestone['addMilestone']!['goals'] as Array<{ milestones: Array<{ id: string }> }>)[0]!
      .milestones;
    expect(milestones).toHaveLength(2);
    const reached = await ok(
      mentee,
      `mutation($m: ID!, $g: ID!, $ms: ID!) { reachMilestone(mentorshipId: $m, goalId: $g, milestoneId: $ms) ${FIELDS} }`,
      { m, g: goalId, ms: milestones[1]!.id },
    );
    expect(
      (reached['reachMilestone']!['goals'] as Array<{ milestones: Array<{ reachedAt: string | null }> }>)[0]!
        .milestones[1]!.reachedAt,
    ).not.toBeNull();
    await ok(
      mentee,
      `mutation($m: ID!, $g: ID!) { updateGoalProgress(mentorshipId: $m, goalId: $g, progressPercent: 60, note: "SECRET-PROGRESS most done") { viewerRole } }`,
      { m, g: goalId },
    );
    const achieved = await ok(
      mentee,
      `mutation($m: ID!, $g: ID!) { achieveGoal(mentorshipId: $m, goalId: $g) ${FIELDS} }`,
      {
        m,
        g: goalId,
      },
    );
    expect((achieved['achieveGoal']!['goals'] as Array<Record<string, unknown>>)[0]).toMatchObject({
      status: 'ACHIEVED',
      progress: [{ progressPercent: 60, note: 'SECRET-PROGRESS most done' }],
    });
    const again = await fails(
      mentee,
      `mutation($m: ID!, $g: ID!) { abandonGoal(mentorshipId: $m, goalId: $g, reason: OUT_OF_REACH) { viewerRole } }`,
      { m, g: goalId },
    );
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'This goal is already achieved.' });
    const second = await ok(
      mentee,
      `mutation($m: ID!) { setGoal(mentorshipId: $m, title: "Public speaking", targetDate: "2099-01-01", timezone: "UTC") { goals { id title } } }`,
      { m },
    );
    const secondId = (second['setGoal']!['goals'] as Array<{ id: string; title: string }>).find(
      (g) => g.title === 'Public speaking',
    )!.id;
    const abandoned = await ok(
      mentee,
      `mutation($m: ID!, $g: ID!) { abandonGoal(mentorshipId: $m, goalId: $g, reason: NO_LONGER_RELEVANT, note: "changed role") ${FIELDS} }`,
      { m, g: secondId },
    );
    expect(
      (abandoned['abandonGoal']!['goals'] as Array<{ id: string; abandonReason: string }>).find(
        (g) => g.id === secondId,
      ),
    ).toMatchObject({ status: 'ABANDONED', abandonReason: 'NO_LONGER_RELEVANT' });

    const item = await ok(
      mentor,
      `mutation($m: ID!, $o: ID!, $g: ID!) { addActionItem(mentorshipId: $m, title: "Book the retro room", ownerPersonId: $o, dueDate: "2099-01-10", timezone: "UTC", goalId: $g) ${FIELDS} }`,
      { m, o: mentee.personId, g: goalId },
    );
    expect(item['addActionItem']!['actionItems']).toEqual([
      expect.objectContaining({ title: 'Book the retro room', goalId }),
    ]);

    const INTRO = `mutation($m: ID!, $c: ContactInput, $p: ID, $n: String) { makeIntroduction(mentorshipId: $m, contact: $c, toPersonId: $p, note: $n) ${FIELDS} }`;
    const contact = { name: 'SECRET-CONTACT Ada', email: 'ada@example.org', organization: 'Analytical Engines' };
    expect((await fails(mentee, INTRO, { m, c: contact })).code).toBe('FORBIDDEN');
    expect((await fails(mentor, INTRO, { m, c: { ...contact, email: 'not-an-email' } })).code).toBe('BAD_USER_INPUT');
    expect((await fails(mentor, INTRO, { m })).code).toBe('BAD_USER_INPUT');
    expect((await fails(mentor, INTRO, { m, p: mentee.personId })).code).toBe('BAD_USER_INPUT');
    await ok(mentor, INTRO, { m, p: peer.personId, n: 'You both like Rust' });
    const introduced = await ok(mentor, INTRO, { m, c: contact, n: 'SECRET-INTRO-NOTE say hi' });
    expect(introduced['makeIntroduction']!['introductions']).toEqual([
      {
        kind: 'PARTICIPANT',
        personId: peer.personId,
        contact: null,
        note: 'You both like Rust',
        introducedByPersonId: mentor.personId,
      },
      {
        kind: 'EXTERNAL_CONTACT',
        personId: null,
        contact: { name: 'SECRET-CONTACT Ada', email: 'ada@example.org', organization: 'Analytical Engines' },
        note: 'SECRET-INTRO-NOTE say hi',
        introducedByPersonId: mentor.personId,
      },
    ]);
    await ok(
      mentee,
      `mutation($m: ID!) { writeReflection(mentorshipId: $m, text: "SECRET-REFLECTION shy") { viewerRole } }`,
      {
        m,
      },
    );

    // The program's manager reads the engagement without private entries or contact details.
    const READ = `query($m: ID!, $z: String!) { engagement(mentorshipId: $m, viewerTimeZone: $z) ${FIELDS} }`;
    const asManager = (await ok(manager, READ, { m, z: 'Asia/Tokyo' }))['engagement']!;
    expect(asManager['viewerRole']).toBe('MANAGER');
    expect(asManager['myReflections']).toEqual([]);
    expect(asManager['introductions']).toEqual([
      expect.objectContaining({ kind: 'PARTICIPANT', contact: null }),
      expect.objectContaining({ kind: 'EXTERNAL_CONTACT', contact: null, note: null }),
    ]);
    expect(asManager['feedbackSummary']).toEqual({ count: 1, averageRating: 4 });
    expect(
      (asManager['sessions'] as Array<{ localStart: { timeZone: string } }>).map((s) => s.localStart.timeZone),
    ).toEqual(expect.arrayContaining(['Asia/Tokyo']));
    expect((asManager['goals'] as Array<{ title: string }>).map((g) => g.title).sort()).toEqual([
      'Lead a team',
      'Public speaking',
    ]);
    const asMentee = (await ok(mentee, READ, { m, z: 'UTC' }))['engagement']!;
    expect(asMentee['myReflections']).toEqual([{ text: 'SECRET-REFLECTION shy' }]);
    expect(asMentee['viewerRole']).toBe('MENTEE');
    expect((await fails(outsider, READ, { m, z: 'UTC' })).code).toBe('NOT_FOUND');

    const LIST = `query($p: ID!) { programEngagements(programId: $p) { mentorshipId viewerRole } }`;
    expect((await ok(manager, LIST, { p: programId }))['programEngagements']).toEqual([
      { mentorshipId, viewerRole: 'MANAGER' },
    ]);
    expect((await fails(mentee, LIST, { p: programId })).code).toBe('FORBIDDEN');
    expect((await fails(outsider, LIST, { p: programId })).code).toBe('FORBIDDEN');
    expect(
      (
        await fails(
          mentor,
          `mutation($m: ID!) { recommendResource(mentorshipId: $m, kind: COURSE, title: "x", link: "javascript:alert(1)") { viewerRole } }`,
          { m },
        )
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await fails(
          manager,
          `mutation($m: ID!) { writeReflection(mentorshipId: $m, text: "managers cannot") { viewerRole } }`,
          { m },
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('ten concurrent bookings of overlapping times for the same pair: exactly one succeeds, the rest name it', async () => {
    const base = slot.start + 100 * HOUR;
    const scheduledCommits = () =>
      app.get(EventStore).commits.countDocuments({ 'meta.tenantId': tenantId, 'events.type': 'SessionScheduled' });
    const before = await scheduledCommits();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gql<{ scheduleSession: { id: string } }>(i % 2 === 0 ? mentor : mentee, SCHEDULE, {
          input: { ...scheduleInput(base + i * 5 * 60_000, true), meetingLink: `https://meet.example/race-${i}` },
        }),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.data!.scheduleSession.id;
    const losers = results.filter((r) => r.errors);
    expect(losers).toHaveLength(9);
    for (const loser of losers) {
      expect(loser.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect(loser.errors![0]!.message).toContain(`overlaps session ${winner}`);
    }
    expect(await scheduledCommits()).toBe(before + 1);
    const rows = await app
      .get(SessionsReadModels)
      .sessionsOf(tenantId)
      .find({ status: 'scheduled', startsAt: { $gte: iso(base), $lt: iso(base + 2 * HOUR) } });
    expect(rows.map((r) => r._id)).toEqual([winner]);

    // Cancelling gives the time back: the same hour can be booked again, and a retry of a refused time still fails.
    await ok(mentor, `mutation($id: ID!) { cancelSession(id: $id, reason: SCHEDULE_CONFLICT) { status } }`, {
      id: winner,
    });
    const again = await ok(mentee, SCHEDULE, { input: scheduleInput(base + 15 * 60_000, true) });
    expect(again['scheduleSession']).toMatchObject({ status: 'SCHEDULED' });
    const clash = await fails(mentor, SCHEDULE, { input: scheduleInput(base, true) });
    expect(clash.message).toContain(`overlaps session ${(again['scheduleSession'] as { id: string }).id}`);
  });

  it('erasure: ParticipantDataErased shreds the person’s key, forgets their feeds and pseudonymizes the rows', async () => {
    const connection = app.get<symbol, Connection>(MONGO_CONNECTION);
    await ok(mentee, 'mutation { createCalendarFeed }');
    expect(await connection.collection('calendar_feeds').countDocuments({ personId: mentee.personId })).toBe(1);
    const FIELDS = `{ goals { title progress { note } } myReflections { text } introductions { contact { name } note } }`;
    const before = (await ok(mentor, `query($m: ID!) { engagement(mentorshipId: $m) ${FIELDS} }`, { m: mentorshipId }))[
      'engagement'
    ]!;
    expect(JSON.stringify(before)).toContain('SECRET-PROGRESS most done');

    await publish(wiring.profilesTopic, participantEvent(mentee, 'ParticipantDataErased'));
    await waitUntil(
      async () => (await connection.collection('person_keys').countDocuments({ _id: mentee.personId as never })) === 0,
    );
    await waitUntil(
      async () => (await connection.collection('calendar_feeds').countDocuments({ personId: mentee.personId })) === 0,
    );
    await waitUntil(
      async () => (await connection.collection('sessions').countDocuments({ personIds: mentee.personId })) === 0,
    );

    // No read model row names the erased person any more; the availability row is a tombstone.
    for (const name of [
      'person_calendars',
      'engagements',
      'sessions',
      'participant_availability',
      'calendar_feeds',
      'erased_people',
      'memberships',
    ]) {
      const rows = JSON.stringify(await connection.collection(name).find({}).toArray());
      expect(rows).not.toContain(mentee.personId);
    }
    const tombstone = await connection
      .collection('participant_availability')
      .findOne({ _id: participantStream(mentee) as never });
    expect(tombstone).toMatchObject({ _deleted: true });

    // What the mentee wrote reads as erased for everyone; what the mentor wrote stays readable.
    const fresh = new PersonKeyStore(connection);
    const commits = await app.get(EventStore).commits.find({ 'meta.tenantId': tenantId }).toArray();
    const sealed = commits.flatMap((c) => findSealed(c.events));
    const byMentee = sealed.filter((f) => f.personId === mentee.personId);
    expect(byMentee.length).toBeGreaterThanOrEqual(6);
    for (const field of byMentee) expect(await fresh.decrypt(field as never)).toBe('[erased]');
    const after = (await ok(mentor, `query($m: ID!) { engagement(mentorshipId: $m) ${FIELDS} }`, { m: mentorshipId }))[
      'engagement'
    ]!;
    const text = JSON.stringify(after);
    expect(text).not.toContain('SECRET-PROGRESS');
    expect(text).toContain('[erased]');
    expect(text).toContain('SECRET-CONTACT Ada');

    // The mentor's erasure takes the contact details of their network with it.
    await publish(wiring.profilesTopic, participantEvent(mentor, 'ParticipantDataErased'));
    await waitUntil(
      async () => (await connection.collection('person_keys').countDocuments({ _id: mentor.personId as never })) === 0,
    );
    app.get(PersonKeyStore).clearCache();
    const plain = JSON.stringify(
      await Promise.all(sealed.map((f) => fresh.decrypt(f as never).catch(() => 'unreadable'))),
    );
    for (const marker of [
      'SECRET-CONTACT',
      'SECRET-PRIVATE',
      'SECRET-REFLECTION',
      'SECRET-FEEDBACK',
      'SECRET-SHARED',
      'SECRET-PROGRESS',
      'SECRET-INTRO',
    ]) {
      expect(plain).not.toContain(marker);
    }
    // Sealed values hold ciphertext only: no marker is in the database or on the topic in the clear.
    const everything = JSON.stringify(
      await Promise.all(
        (await connection.db!.listCollections().toArray()).map((c) => connection.collection(c.name).find({}).toArray()),
      ),
    );
    expect(everything).not.toMatch(/SECRET-[A-Z]/);
  });
});

/** Every sealed value (`{ enc, personId, iv, tag, ct }`) anywhere inside the stored events. */
function findSealed(value: unknown): Array<{ personId: string }> {
  if (Array.isArray(value)) return value.flatMap(findSealed);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record['enc'] === 'aes-256-gcm:v1') return [record as { personId: string }];
    return Object.values(record).flatMap(findSealed);
  }
  return [];
}
