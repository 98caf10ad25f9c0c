import type { Principal } from '@trellis/shared/auth';
import { type E2eStack, type GraphqlResult, startStack } from '@trellis/shared/stack';
import { eventually, testInfrastructure, uniqueName, waitUntil } from '@trellis/shared/testing';
import { dataOf, errorCodes, expectHidden } from './support/graphql-results';

// Both sides live in a zone that is UTC all year, so a stated window and a UTC time read the same.
const ZONE = 'Atlantic/Reykjavik';
const DAY_MS = 86_400_000;

interface SessionView {
  id: string;
  status: string;
  mentorshipId: string | null;
  hostPersonId: string;
  startsAt: string;
  endsAt: string;
  sequence: number;
  myRsvp: string | null;
  attendees: Array<{
    personId: string;
    rsvp: string | null;
    attendance: string | null;
    participant: { displayName: string; initials: string } | null;
  }>;
  sharedNotes: { authorPersonId: string; text: string } | null;
  myPrivateNotes: Array<{ authorPersonId: string; text: string }>;
  feedback: Array<{ personId: string; rating: number; wentWell: string | null; comment: string | null }>;
  feedbackSummary: { count: number; averageRating: number | null };
}
interface EngagementView {
  mentorshipId: string;
  status: string;
  mentorPersonId: string;
  menteePersonId: string;
  mentor: { displayName: string; initials: string } | null;
  mentee: { displayName: string; initials: string } | null;
  agreements: Array<{ version: number; status: string; signedBy: string[]; expectations: string | null }>;
  goals: Array<{ id: string; title: string; targetDate: string; status: string }>;
  sessions: Array<{ id: string }>;
}

const SESSION_FIELDS = `id status mentorshipId hostPersonId startsAt endsAt sequence myRsvp
  attendees { personId rsvp attendance participant { displayName initials } }
  sharedNotes { authorPersonId text }
  myPrivateNotes { authorPersonId text }
  feedback { personId rating wentWell comment }
  feedbackSummary { count averageRating }`;
const ENGAGEMENT_FIELDS = `mentorshipId status mentorPersonId menteePersonId
  mentor { displayName initials } mentee { displayName initials }
  agreements { version status signedBy expectations }
  goals { id title targetDate status }
  sessions { id }`;
const ENGAGEMENT = `query($m: ID!) { engagement(mentorshipId: $m) { ${ENGAGEMENT_FIELDS} } }`;
const SESSION = `query($id: ID!) { session(id: $id) { ${SESSION_FIELDS} } }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { ${SESSION_FIELDS} } }`;
const RECORD_ATTENDANCE = `mutation($id: ID!, $a: [AttendanceInput!]!) { recordAttendance(id: $id, attendance: $a) {
  ${SESSION_FIELDS} } }`;
const FEEDBACK = `mutation($id: ID!, $rating: Int!, $wentWell: String, $comment: String) {
  submitSessionFeedback(id: $id, rating: $rating, wentWell: $wentWell, comment: $comment) { ${SESSION_FIELDS} } }`;

/** `YYYY-MM-DD` of a UTC instant. */
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Whole seconds, so the value reads back exactly as sent. */
const instant = (ms: number) => new Date(Math.ceil(ms / 1000) * 1000).toISOString();
/** Profiles numbers weekdays 1 = Monday … 7 = Sunday. */
const profileWeekday = (ms: number) => ((new Date(ms).getUTCDay() + 6) % 7) + 1;
/** The iCalendar form of a UTC instant: 20270301T093000Z. */
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** RFC 5545 content lines: CRLF-separated, folded lines (CRLF + space) joined again. */
const icsLines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

/** The iCalendar parts of the emails Mailpit holds for an address that concern one session. */
async function invitationsFor(address: string, sessionId: string): Promise<string[]> {
  const search = await fetch(
    `${testInfrastructure.mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=200`,
  );
  if (!search.ok) throw new Error(`mailpit search answered ${search.status}`);
  const { messages } = (await search.json()) as { messages: Array<{ ID: string }> };
  const calendars: string[] = [];
  for (const { ID } of messages) {
    const raw = await (await fetch(`${testInfrastructure.mailpitUrl}/api/v1/message/${ID}/raw`)).text();
    const part = /BEGIN:VCALENDAR[\s\S]*?END:VCALENDAR/.exec(raw.replace(/=\r?\n/g, ''))?.[0];
    if (part?.includes(sessionId)) calendars.push(part);
  }
  return calendars;
}

/**
 * Issue 8 end to end, from MentorshipStarted to feedback: a self-service request starts the mentorship in matching,
 * sessions opens the engagement from the Kafka event, and the pair works through it at the gateway with real tokens.
 */
describe('engagement through the gateway, from MentorshipStarted to feedback', () => {
  let stack: E2eStack;
  const tenantId = uniqueName('org_engage');
  const person = (role: string, orgAdmin = false): Principal => ({
    personId: `${role}-${tenantId}`,
    tenantId,
    orgAdmin,
  });
  const admin = person('admin', true);
  const manager = person('manager');
  const mentor = person('mentor');
  const mentee = person('mentee');
  const peer = person('peer');
  const outsiderOrg = uniqueName('org_outside');
  const outsider: Principal = { personId: `admin-${outsiderOrg}`, tenantId: outsiderOrg, orgAdmin: true };
  const marker = (what: string) => uniqueName(what.toUpperCase());
  const text = {
    expectations: marker('expect'),
    goal: marker('goal'),
    shared: marker('sharednote'),
    menteePrivate: marker('menteeprivate'),
    mentorPrivate: marker('mentorprivate'),
    menteeWentWell: marker('menteewell'),
    mentorComment: marker('mentorcomment'),
    link: `https://meet.example.org/${uniqueName('room')}`,
  };
  // A weekly window three days from now: far from the session about to start, room for one in ten days.
  const windowDayMs = Date.now() + 3 * DAY_MS;
  const availability = [{ day: profileWeekday(windowDayMs), startMinute: 9 * 60, endMinute: 12 * 60 }];
  let programId = '';
  let mentorshipId = '';
  let soon: SessionView;
  let later: SessionView;

  const gqlData = async <T>(as: Principal, query: string, variables?: Record<string, unknown>) =>
    dataOf(await stack.gql<T>(as, query, variables));
  const engagementAs = async (as: Principal) =>
    (await gqlData<{ engagement: EngagementView }>(as, ENGAGEMENT, { m: mentorshipId })).engagement;
  const bothAttended = () => [mentor, mentee].map((p) => ({ personId: p.personId, status: 'ATTENDED' }));
  const sessionAs = async (as: Principal, id: string) =>
    (await gqlData<{ session: SessionView }>(as, SESSION, { id })).session;

  beforeAll(async () => {
    stack = await startStack();
    const profile = (name: string, extra: Record<string, unknown>) => ({
      displayName: name,
      email: `${name.toLowerCase()}@example.org`,
      timezone: ZONE,
      languages: ['en'],
      availability,
      formats: ['VIRTUAL'],
      ...extra,
    });
    const created = await gqlData<{ createProgram: { id: string } }>(
      admin,
      `mutation($name: String!) { createProgram(name: $name, settings: { defaultMentorCapacity: 2 }) { id } }`,
      { name: 'Engagement e2e' },
    );
    programId = created.createProgram.id;
    await gqlData(admin, `mutation($p: ID!, $m: ID!) { assignProgramManager(programId: $p, personId: $m) { id } }`, {
      p: programId,
      m: manager.personId,
    });
    await gqlData(manager, `mutation($p: ID!) { openEnrollment(programId: $p) { status } }`, { p: programId });
    const enroll = `mutation($p: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $capacity: Int) {
      enroll(programId: $p, roles: $roles, profile: $profile, mentorCapacity: $capacity) { id } }`;
    await gqlData(mentor, enroll, {
      p: programId,
      roles: ['MENTOR'],
      capacity: 2,
      profile: profile('Maren', { department: 'engineering', skillsOffered: [{ skill: 'system design', level: 5 }] }),
    });
    for (const [who, name] of [
      [mentee, 'Tomas'],
      [peer, 'Petra'],
    ] as const) {
      await gqlData(who, enroll, {
        p: programId,
        roles: ['MENTEE'],
        profile: profile(name, { department: 'sales', skillsSought: ['system design'] }),
      });
    }
  }, 600_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('opens the engagement for both sides once a mentor accepts a request (MentorshipStarted over Kafka)', async () => {
    let requestId = '';
    // Matching learns about the program and its people from the profiles topic.
    await eventually(
      async () => {
        const requested = await gqlData<{ requestMentor: { requestId: string } }>(
          mentee,
          `mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorPersonId: $m, message: "Can we talk?") { requestId } }`,
          { p: programId, m: mentor.personId },
        );
        requestId = requested.requestMentor.requestId;
      },
      { timeoutMs: 90_000, intervalMs: 1_000 },
    );
    const accepted = await gqlData<{ acceptMentorshipRequest: { mentorshipId: string | null } }>(
      mentor,
      `mutation($r: ID!) { acceptMentorshipRequest(requestId: $r) { mentorshipId } }`,
      { r: requestId },
    );
    mentorshipId = accepted.acceptMentorshipRequest.mentorshipId ?? '';
    expect(mentorshipId).toBeTruthy();

    for (const who of [mentee, mentor]) {
      await eventually(
        async () => {
          expect(await engagementAs(who)).toEqual(
            expect.objectContaining({
              mentorshipId,
              status: 'OPEN',
              mentorPersonId: mentor.personId,
              menteePersonId: mentee.personId,
              // Names from profiles, through the gateway.
              mentor: { displayName: 'Maren', initials: 'M' },
              mentee: { displayName: 'Tomas', initials: 'T' },
            }),
          );
        },
        { timeoutMs: 90_000, intervalMs: 1_000 },
      );
    }
  });

  it('schedules a session outside stated availability only with an explicit override', async () => {
    // Tomorrow, outside both people's only window: refused without the override. Availability reaches sessions
    // from the profiles topic, so a booking made before it arrived is cancelled and tried again.
    const tomorrow = Date.parse(`${dateOf(Date.now() + DAY_MS)}T03:00:00Z`);
    const outside = {
      mentorshipId,
      startsAt: instant(tomorrow),
      endsAt: instant(tomorrow + 30 * 60_000),
      timezone: ZONE,
      mode: 'VIRTUAL',
      meetingLink: text.link,
    };
    await eventually(
      async () => {
        const refused = await stack.gql<{ scheduleSession: SessionView }>(mentor, SCHEDULE, { input: outside });
        if (refused.data?.scheduleSession) {
          await gqlData(mentor, `mutation($id: ID!) { cancelSession(id: $id, reason: OTHER) { id } }`, {
            id: refused.data.scheduleSession.id,
          });
        }
        expect(errorCodes(refused)).toEqual(['CONFLICT']);
        expect(refused.errors?.[0]?.message).toMatch(/availability/i);
      },
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );

    // In half a minute (time enough for the request to arrive before it starts), confirmed outside the windows: the
    // session the pair will hold, complete and rate.
    const startsAt = Date.now() + 30_000;
    const scheduled = await gqlData<{ scheduleSession: SessionView }>(mentor, SCHEDULE, {
      input: {
        ...outside,
        startsAt: instant(startsAt),
        endsAt: instant(startsAt + 30 * 60_000),
        title: 'First conversation',
        overrideAvailability: true,
      },
    });
    soon = scheduled.scheduleSession;
    expect(soon).toEqual(
      expect.objectContaining({
        status: 'SCHEDULED',
        mentorshipId,
        hostPersonId: mentor.personId,
        startsAt: instant(startsAt),
      }),
    );
    expect(soon.attendees.map((a) => a.personId).sort()).toEqual([mentee.personId, mentor.personId].sort());
    // The host first, each attendee with the name profiles holds for them.
    expect(soon.attendees.map((a) => [a.personId, a.participant])).toEqual([
      [mentor.personId, { displayName: 'Maren', initials: 'M' }],
      [mentee.personId, { displayName: 'Tomas', initials: 'T' }],
    ]);
  });

  it('has the pair agree on an agreement proposed by one side and signed by both', async () => {
    const proposed = await gqlData<{ proposeAgreement: EngagementView }>(
      mentor,
      `mutation($m: ID!, $a: AgreementInput!) { proposeAgreement(mentorshipId: $m, agreement: $a) { ${ENGAGEMENT_FIELDS} } }`,
      {
        m: mentorshipId,
        a: {
          cadence: 'FORTNIGHTLY',
          sessionMinutes: 45,
          durationMonths: 6,
          channels: ['VIDEO'],
          expectations: text.expectations,
          confidentiality: 'What we discuss stays between us.',
        },
      },
    );
    expect(proposed.proposeAgreement.agreements).toEqual([
      expect.objectContaining({ version: 1, status: 'PROPOSED', signedBy: [] }),
    ]);
    const sign = `mutation($m: ID!) { signAgreement(mentorshipId: $m, version: 1) { ${ENGAGEMENT_FIELDS} } }`;
    await gqlData(mentee, sign, { m: mentorshipId });
    const signed = await gqlData<{ signAgreement: EngagementView }>(mentor, sign, { m: mentorshipId });
    expect(signed.signAgreement.agreements).toEqual([
      expect.objectContaining({ version: 1, status: 'IN_EFFECT', expectations: text.expectations }),
    ]);
    expect(signed.signAgreement.agreements[0]!.signedBy.sort()).toEqual([mentee.personId, mentor.personId].sort());
    // Signing twice is refused.
    expect(errorCodes(await stack.gql(mentee, sign, { m: mentorshipId }))).toEqual(['CONFLICT']);
    expect((await engagementAs(mentee)).agreements[0]?.status).toBe('IN_EFFECT');
  });

  it('sets a shared goal and refuses a goal without a title or with a target before today', async () => {
    const setGoal = `mutation($m: ID!, $title: String!, $target: String!) {
      setGoal(mentorshipId: $m, title: $title, targetDate: $target, timezone: "${ZONE}") { ${ENGAGEMENT_FIELDS} } }`;
    for (const bad of [
      { title: '', target: dateOf(Date.now() + 90 * DAY_MS) },
      { title: 'Too late', target: dateOf(Date.now() - 2 * DAY_MS) },
    ]) {
      expect(errorCodes(await stack.gql(mentee, setGoal, { m: mentorshipId, ...bad }))).toEqual(['BAD_USER_INPUT']);
    }
    const target = dateOf(Date.now() + 90 * DAY_MS);
    await gqlData(mentee, setGoal, { m: mentorshipId, title: text.goal, target });
    for (const who of [mentee, mentor]) {
      expect((await engagementAs(who)).goals).toEqual([
        expect.objectContaining({ title: text.goal, targetDate: target, status: 'ACTIVE' }),
      ]);
    }
  });

  it('books a session inside both windows, refuses one in the past or overlapping it, and serves its iCalendar', async () => {
    // Ten days ahead on the window's weekday, 09:30–10:30 in both people's zone.
    const day = dateOf(windowDayMs + 7 * DAY_MS);
    const input = {
      mentorshipId,
      startsAt: `${day}T09:30:00Z`,
      endsAt: `${day}T10:30:00Z`,
      timezone: ZONE,
      mode: 'VIRTUAL',
      meetingLink: text.link,
    };
    later = (await gqlData<{ scheduleSession: SessionView }>(mentee, SCHEDULE, { input })).scheduleSession;
    expect(later.status).toBe('SCHEDULED');

    const past = await stack.gql(mentee, SCHEDULE, {
      input: { ...input, startsAt: instant(Date.now() - DAY_MS), endsAt: instant(Date.now() - DAY_MS + 3_600_000) },
    });
    expect(errorCodes(past)).toEqual(['BAD_USER_INPUT']);
    const overlapping = await stack.gql(mentor, SCHEDULE, {
      input: { ...input, startsAt: `${day}T10:00:00Z`, endsAt: `${day}T11:00:00Z` },
    });
    expect(errorCodes(overlapping)).toEqual(['CONFLICT']);
    expect(overlapping.errors?.[0]?.message).toContain(later.id);

    const calendar = async (as: Principal) =>
      (await gqlData<{ sessionCalendar: string }>(as, `query($id: ID!) { sessionCalendar(id: $id) }`, { id: later.id }))
        .sessionCalendar;
    const first = icsLines(await calendar(mentee));
    expect(first[0]).toBe('BEGIN:VCALENDAR');
    expect(first).toContain('BEGIN:VEVENT');
    const uid = first.find((l) => l.startsWith('UID:'));
    expect(uid).toMatch(new RegExp(`^UID:session-${later.id}@`));
    expect(first).toContain(`DTSTART:${icsTime(later.startsAt)}`);
    expect(first).toContain(`DTEND:${icsTime(later.endsAt)}`);
    expect(first).toContain('SEQUENCE:0');

    // Moving it keeps the calendar entry (same UID) with a higher SEQUENCE, so calendar apps update in place.
    const moved = await gqlData<{ rescheduleSession: SessionView }>(
      mentor,
      `mutation($id: ID!, $s: String!, $e: String!) { rescheduleSession(id: $id, startsAt: $s, endsAt: $e) { ${SESSION_FIELDS} } }`,
      { id: later.id, s: `${day}T10:30:00Z`, e: `${day}T11:30:00Z` },
    );
    later = moved.rescheduleSession;
    expect(later.sequence).toBe(1);
    const second = icsLines(await calendar(mentor));
    expect(second.find((l) => l.startsWith('UID:'))).toBe(uid);
    expect(second).toContain('SEQUENCE:1');
    expect(second).toContain(`DTSTART:${icsTime(`${day}T10:30:00Z`)}`);

    // The person's private feed (served by the sessions service at the path it returns) lists both sessions.
    const feedPath = (await gqlData<{ createCalendarFeed: string }>(mentee, `mutation { createCalendarFeed }`))
      .createCalendarFeed;
    const sessions = stack.subgraphs.find((s) => s.name === 'sessions')!;
    const feed = await fetch(`${sessions.url}${feedPath}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const feedText = icsLines(await feed.text()).join('\n');
    expect(feedText).toContain(`UID:session-${later.id}@`);
    expect(feedText).toContain(`UID:session-${soon.id}@`);

    // The emailed invitation names the session with the feed's UID, so a calendar that gets both shows it once.
    expect(icsLines(feedText.replace(/\n/g, '\r\n'))).toContain(uid);
    let invitations: string[] = [];
    await waitUntil(
      async () =>
        (invitations = [
          ...(await invitationsFor('maren@example.org', later.id)),
          ...(await invitationsFor('tomas@example.org', later.id)),
        ]).length > 0,
      { what: 'the emailed invitation of the session' },
    );
    for (const invitation of invitations) {
      expect(icsLines(invitation).filter((l) => l.startsWith('UID:'))).toEqual([uid]);
    }
  });

  it('takes the RSVP of the invitee and refuses attendance and feedback before the session', async () => {
    const rsvp = await gqlData<{ respondToSession: SessionView }>(
      mentee,
      `mutation($id: ID!) { respondToSession(id: $id, response: ACCEPTED) { ${SESSION_FIELDS} } }`,
      { id: soon.id },
    );
    expect(rsvp.respondToSession.myRsvp).toBe('ACCEPTED');
    const seenByMentor = await sessionAs(mentor, soon.id);
    expect(seenByMentor.attendees.find((a) => a.personId === mentee.personId)?.rsvp).toBe('ACCEPTED');

    if (Date.now() < Date.parse(soon.startsAt) - 5_000) {
      const early = await stack.gql(mentor, RECORD_ATTENDANCE, { id: soon.id, a: bothAttended() });
      expect(errorCodes(early)).toEqual(['CONFLICT']);
    }
    const feedbackEarly = await stack.gql(mentee, FEEDBACK, { id: soon.id, rating: 5, wentWell: null, comment: null });
    expect(errorCodes(feedbackEarly)).toEqual(['CONFLICT']);
  });

  it('marks attendance once the session has started and completes it with shared notes', async () => {
    await waitUntil(async () => Date.now() > Date.parse(soon.startsAt) + 1_000, {
      timeoutMs: 120_000,
      what: 'the session to start',
    });
    const marked = await gqlData<{ recordAttendance: SessionView }>(mentor, RECORD_ATTENDANCE, {
      id: soon.id,
      a: bothAttended(),
    });
    expect(marked.recordAttendance.attendees.map((a) => a.attendance)).toEqual(['ATTENDED', 'ATTENDED']);

    const completed = await gqlData<{ completeSession: SessionView }>(
      mentor,
      `mutation($id: ID!, $notes: String) { completeSession(id: $id, sharedNotes: $notes) { ${SESSION_FIELDS} } }`,
      { id: soon.id, notes: text.shared },
    );
    expect(completed.completeSession.status).toBe('COMPLETED');
    for (const who of [mentee, mentor]) {
      expect((await sessionAs(who, soon.id)).sharedNotes).toEqual({
        authorPersonId: mentor.personId,
        text: text.shared,
      });
    }
  });

  it('keeps each private note to its author', async () => {
    const write = `mutation($id: ID!, $text: String!) { writePrivateNote(id: $id, text: $text) { ${SESSION_FIELDS} } }`;
    await gqlData(mentee, write, { id: soon.id, text: text.menteePrivate });
    await gqlData(mentor, write, { id: soon.id, text: text.mentorPrivate });
    const asMentee = await stack.gql<{ session: SessionView }>(mentee, SESSION, { id: soon.id });
    const asMentor = await stack.gql<{ session: SessionView }>(mentor, SESSION, { id: soon.id });
    expect(dataOf(asMentee).session.myPrivateNotes).toEqual([
      { authorPersonId: mentee.personId, text: text.menteePrivate },
    ]);
    expect(dataOf(asMentor).session.myPrivateNotes).toEqual([
      { authorPersonId: mentor.personId, text: text.mentorPrivate },
    ]);
    expect(JSON.stringify(asMentee)).not.toContain(text.mentorPrivate);
    expect(JSON.stringify(asMentor)).not.toContain(text.menteePrivate);
  });

  it('takes feedback from both attendees once, shown per the program policy (author and managers)', async () => {
    expect(
      errorCodes(await stack.gql(mentee, FEEDBACK, { id: soon.id, rating: 6, wentWell: null, comment: null })),
    ).toEqual(['BAD_USER_INPUT']);
    await gqlData(mentee, FEEDBACK, { id: soon.id, rating: 5, wentWell: text.menteeWentWell, comment: null });
    await gqlData(mentor, FEEDBACK, { id: soon.id, rating: 4, wentWell: null, comment: text.mentorComment });
    expect(
      errorCodes(await stack.gql(mentee, FEEDBACK, { id: soon.id, rating: 1, wentWell: null, comment: null })),
    ).toEqual(['CONFLICT']);

    // Each attendee reads their own feedback, not the other's.
    const asMentee = await stack.gql<{ session: SessionView }>(mentee, SESSION, { id: soon.id });
    expect(dataOf(asMentee).session.feedback).toEqual([
      expect.objectContaining({ personId: mentee.personId, rating: 5, wentWell: text.menteeWentWell }),
    ]);
    expect(JSON.stringify(asMentee)).not.toContain(text.mentorComment);
    const asMentor = await stack.gql<{ session: SessionView }>(mentor, SESSION, { id: soon.id });
    expect(dataOf(asMentor).session.feedback).toEqual([
      expect.objectContaining({ personId: mentor.personId, rating: 4, comment: text.mentorComment }),
    ]);
    expect(JSON.stringify(asMentor)).not.toContain(text.menteeWentWell);

    // The program manager sees the ratings (the summary), never the texts, nor anyone's private notes.
    const asManager = await stack.gql<{ session: SessionView }>(manager, SESSION, { id: soon.id });
    const managed = dataOf(asManager).session;
    expect(managed.feedbackSummary).toEqual({ count: 2, averageRating: 4.5 });
    expect(managed.myPrivateNotes).toEqual([]);
    for (const secret of [text.menteeWentWell, text.mentorComment, text.menteePrivate, text.mentorPrivate]) {
      expect(JSON.stringify(asManager)).not.toContain(secret);
    }
  });

  it('lists both sessions on the engagement and shows none of it outside the pair', async () => {
    const sessionIds = (await engagementAs(mentee)).sessions.map((s) => s.id);
    expect(sessionIds).toEqual(expect.arrayContaining([soon.id, later.id]));

    const secrets = Object.values(text);
    for (const stranger of [outsider, peer]) {
      expectHidden(await stack.gql(stranger, ENGAGEMENT, { m: mentorshipId }), secrets);
      for (const id of [soon.id, later.id]) {
        expectHidden(await stack.gql(stranger, SESSION, { id }), secrets);
        expectHidden(await stack.gql(stranger, `query($id: ID!) { sessionCalendar(id: $id) }`, { id }), secrets);
      }
      const intruding: GraphqlResult = await stack.gql(stranger, FEEDBACK, {
        id: soon.id,
        rating: 1,
        wentWell: null,
        comment: null,
      });
      expectHidden(intruding, secrets, 'mutation');
    }
    // Nothing the strangers tried changed the session.
    expect((await sessionAs(mentor, soon.id)).feedback).toHaveLength(1);
    expect((await sessionAs(manager, soon.id)).feedbackSummary.count).toBe(2);
  });
});
