import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { uniqueName, waitUntil } from '@trellis/shared/testing';
import { SessionsReadModels } from '../core/read-models';
import { SessionsStore } from '../core/sessions-store';
import type { SchedulingService } from '../scheduling/scheduling.service';
import type { EngagementCommandsService } from '../engagements/engagement-commands.service';
import { clockedUseCases } from '../testing/clocked-use-cases';
import { startProgram } from '../testing/program.fixture';
import { SessionsHarness } from '../testing/sessions-harness';
import { UpstreamFeed } from '../testing/upstream-feed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Who = { tenantId: string; personId: string };
type SessionPage = {
  mySessions: {
    edges: Array<{ cursor: string; node: { id: string; status: string; localStart: { timeZone: string } } }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
};
type GoalsDue = {
  myGoalsDueSoon: Array<{
    mentorshipId: string;
    programId: string;
    viewerRole: string;
    daysLeft: number;
    overdue: boolean;
    goal: { id: string; title: string; targetDate: string; status: string };
  }>;
};

/**
 * The home page's agenda on the real broker and FerretDB: a mentee with two mentors, another mentee of one of them,
 * a group session, and the same person id in another organization. Topics and groups are this test's own.
 */
describe('my sessions and my goals due soon (real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions_agenda', { memberships: true });
  const { wiring, gql, ok } = sessions;
  let app: INestApplication;
  let feed: UpstreamFeed;
  /** The same use cases with a clock ten days back: the only way to have sessions and goals in the past. */
  let scheduling: SchedulingService;
  let engagements: EngagementCommandsService;
  const tenantId = uniqueName('org');
  const programId = randomUUID();
  const person = (role: string): Who => ({ tenantId, personId: `${role}-${randomUUID()}` });
  const mentee = person('mentee');
  const otherMentee = person('other-mentee');
  const mentorA = person('mentor-a');
  const mentorB = person('mentor-b');
  const manager = person('manager');
  const elsewhere: Who = { tenantId: uniqueName('org-elsewhere'), personId: mentee.personId };
  const withA = randomUUID();
  const withB = randomUUID();
  const otherWithB = randomUUID();
  const base = Math.ceil((Date.now() + 48 * HOUR) / HOUR) * HOUR;
  const iso = (ms: number) => new Date(ms).toISOString();
  const dayOffset = (days: number) => iso(Date.now() + days * DAY).slice(0, 10);

  const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`;
  const schedule = async (as: Who, mentorshipId: string, startMs: number) =>
    (
      await ok<{ scheduleSession: { id: string } }>(as, SCHEDULE, {
        input: {
          mentorshipId,
          startsAt: iso(startMs),
          endsAt: iso(startMs + HOUR),
          timezone: 'UTC',
          mode: 'VIRTUAL',
          meetingLink: 'https://meet.example/pair',
        },
      })
    ).scheduleSession.id;
  const MY_SESSIONS = `query($first: Int!, $after: String, $past: Boolean!, $cancelled: Boolean!) {
    mySessions(first: $first, after: $after, viewerTimeZone: "Asia/Tokyo", includePast: $past, includeCancelled: $cancelled) {
      edges { cursor node { id status localStart { timeZone } } } pageInfo { endCursor hasNextPage } } }`;
  const mySessions = async (
    as: Who,
    first: number,
    options: { after?: string; past?: boolean; cancelled?: boolean } = {},
  ) =>
    (
      await ok<SessionPage>(as, MY_SESSIONS, {
        first,
        after: options.after ?? null,
        past: options.past ?? false,
        cancelled: options.cancelled ?? false,
      })
    ).mySessions;
  const ids = (page: SessionPage['mySessions']) => page.edges.map((e) => e.node.id);

  const GOALS_DUE = `query($days: Int!) { myGoalsDueSoon(withinDays: $days) {
    mentorshipId programId viewerRole daysLeft overdue goal { id title targetDate status } } }`;
  const goalsDue = async (as: Who, days = 14) => (await ok<GoalsDue>(as, GOALS_DUE, { days })).myGoalsDueSoon;
  const setGoal = async (as: Who, mentorshipId: string, title: string, targetDate: string) => {
    const result = await ok<{ setGoal: { goals: Array<{ id: string; title: string }> } }>(
      as,
      `mutation($m: ID!, $t: String!, $d: String!) { setGoal(mentorshipId: $m, title: $t, targetDate: $d, timezone: "UTC") { goals { id title } } }`,
      { m: mentorshipId, t: title, d: targetDate },
    );
    return result.setGoal.goals.find((g) => g.title === title)!.id;
  };

  beforeAll(async () => {
    app = await sessions.start();
    feed = new UpstreamFeed(sessions.kafka, tenantId, programId);
    ({ scheduling, engagements } = clockedUseCases(app, () => new Date(Date.now() - 10 * DAY)));
    await startProgram(sessions, feed, {
      manager,
      participants: [
        [mentorA, 'mentor'],
        [mentorB, 'mentor'],
        [mentee, 'mentee'],
        [otherMentee, 'mentee'],
      ],
      mentorships: [
        { mentorshipId: withA, mentor: mentorA, mentee },
        { mentorshipId: withB, mentor: mentorB, mentee },
        { mentorshipId: otherWithB, mentor: mentorB, mentee: otherMentee },
      ],
    });
  });

  afterAll(async () => {
    await feed?.disconnect();
    await sessions.close();
  });

  it('lists my sessions across mentorships and group invitations, earliest first, paging with a stable cursor', async () => {
    // Ten days ago, a session for "nine days ago": over now.
    const past = await scheduling.scheduleOneOnOne(mentee, {
      mentorshipId: withA,
      startsAt: iso(base - 9 * DAY),
      endsAt: iso(base - 9 * DAY + HOUR),
      timezone: 'UTC',
      mode: 'virtual',
      meetingLink: 'https://meet.example/old',
    });
    const second = await schedule(mentorA, withA, base + 3 * DAY);
    const first = await schedule(mentee, withB, base + 2 * DAY);
    const cancelled = await schedule(mentorB, withB, base + 4 * DAY);
    await ok(mentorB, `mutation($id: ID!) { cancelSession(id: $id, reason: ILLNESS) { id } }`, { id: cancelled });
    const fourth = await schedule(mentee, withA, base + 5 * DAY);
    const group = (
      await ok<{ scheduleGroupSession: { id: string } }>(
        manager,
        `mutation($input: ScheduleGroupSessionInput!) { scheduleGroupSession(input: $input) { id } }`,
        {
          input: {
            programId,
            inviteePersonIds: [mentee.personId, otherMentee.personId],
            capacity: 5,
            startsAt: iso(base + 6 * DAY),
            endsAt: iso(base + 6 * DAY + HOUR),
            timezone: 'UTC',
            mode: 'VIRTUAL',
            meetingLink: 'https://meet.example/circle',
            title: 'Career circle',
          },
        },
      )
    ).scheduleGroupSession.id;
    // Someone else's session with one of my mentors, earlier than all of mine.
    const notMine = await schedule(otherMentee, otherWithB, base + DAY);

    const page1 = await mySessions(mentee, 2);
    expect(ids(page1)).toEqual([first, second]);
    expect(page1.pageInfo).toEqual({ endCursor: page1.edges[1]!.cursor, hasNextPage: true });
    expect(page1.edges[0]!.node.localStart.timeZone).toBe('Asia/Tokyo');

    // A session booked meanwhile before the cursor neither repeats nor shifts the next page.
    const bookedMeanwhile = await schedule(mentorA, withA, base + 2 * DAY + 3 * HOUR);
    const page2 = await mySessions(mentee, 2, { after: page1.pageInfo.endCursor! });
    expect(ids(page2)).toEqual([fourth, group]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(ids(await mySessions(mentee, 20))).toEqual([first, bookedMeanwhile, second, fourth, group]);

    // Cancelled and past sessions only when asked for.
    expect(ids(await mySessions(mentee, 20, { cancelled: true }))).toEqual([
      first,
      bookedMeanwhile,
      second,
      cancelled,
      fourth,
      group,
    ]);
    const withPast = await mySessions(mentee, 20, { past: true, cancelled: true });
    expect(ids(withPast)[0]).toBe(past.sessionId);
    expect(withPast.edges.find((e) => e.node.id === cancelled)!.node.status).toBe('CANCELLED');

    // Each person sees their own: the other mentee their session and the group, the mentor both mentorships' ones.
    expect(ids(await mySessions(otherMentee, 20))).toEqual([notMine, group]);
    expect(ids(await mySessions(mentorB, 20))).toEqual([notMine, first]);
    // The same person id in another organization has no sessions at all.
    expect(ids(await mySessions(elsewhere, 20, { past: true, cancelled: true }))).toEqual([]);
  });

  it('refuses a page size or cursor it cannot use, on its field', async () => {
    const tooMany = await gql(mentee, MY_SESSIONS, { first: 101, past: false, cancelled: false });
    expect(tooMany.data).toBeNull();
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await gql(mentee, MY_SESSIONS, { first: 5, after: 'not-a-cursor', past: false, cancelled: false });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('lists active goals due soon and overdue across my mentorships, soonest first, per person and organization', async () => {
    // Set ten days ago for "three days ago": overdue now.
    const overdueState = await engagements.setGoal(mentee, withA, {
      title: 'Update my CV',
      targetDate: dayOffset(-3),
      timezone: 'UTC',
    });
    const overdue = Object.keys(overdueState.goals)[0]!;
    const soon = await setGoal(mentee, withA, 'Mock interview', dayOffset(5));
    await setGoal(mentee, withA, 'Give a talk', dayOffset(40));
    const achieved = await setGoal(mentee, withA, 'Read the handbook', dayOffset(2));
    await ok(mentee, `mutation($m: ID!, $g: ID!) { achieveGoal(mentorshipId: $m, goalId: $g) { mentorshipId } }`, {
      m: withA,
      g: achieved,
    });
    const fromB = await setGoal(mentorB, withB, 'Ship a side project', dayOffset(10));
    const othersGoal = await setGoal(otherMentee, otherWithB, 'Learn SQL', dayOffset(3));

    expect(await goalsDue(mentee)).toEqual([
      {
        mentorshipId: withA,
        programId,
        viewerRole: 'MENTEE',
        daysLeft: -3,
        overdue: true,
        goal: { id: overdue, title: 'Update my CV', targetDate: dayOffset(-3), status: 'ACTIVE' },
      },
      {
        mentorshipId: withA,
        programId,
        viewerRole: 'MENTEE',
        daysLeft: 5,
        overdue: false,
        goal: { id: soon, title: 'Mock interview', targetDate: dayOffset(5), status: 'ACTIVE' },
      },
      {
        mentorshipId: withB,
        programId,
        viewerRole: 'MENTEE',
        daysLeft: 10,
        overdue: false,
        goal: { id: fromB, title: 'Ship a side project', targetDate: dayOffset(10), status: 'ACTIVE' },
      },
    ]);
    expect((await goalsDue(mentee, 60)).map((g) => g.goal.title)).toEqual([
      'Update my CV',
      'Mock interview',
      'Ship a side project',
      'Give a talk',
    ]);
    // A mentor sees the goals of each of their mentees, and only theirs.
    expect((await goalsDue(mentorB)).map((g) => [g.mentorshipId, g.goal.id, g.viewerRole])).toEqual([
      [otherWithB, othersGoal, 'MENTOR'],
      [withB, fromB, 'MENTOR'],
    ]);
    expect((await goalsDue(mentorA)).map((g) => g.goal.id)).toEqual([overdue, soon]);
    expect((await goalsDue(otherMentee)).map((g) => g.goal.id)).toEqual([othersGoal]);
    expect(await goalsDue(elsewhere, 365)).toEqual([]);

    // An ended mentorship's goals are no longer due.
    await feed.publish(wiring.matchingTopic, feed.mentorshipEnded(withB, mentorB, mentee, 'completed'));
    await waitUntil(
      async () =>
        (await app.get(SessionsReadModels).engagementsOf(tenantId).findOne({ _id: withB }))?.status === 'closed',
    );
    expect((await goalsDue(mentee)).map((g) => g.goal.id)).toEqual([overdue, soon]);
  });

  it('refuses a window outside 1 to 365 days on its field, and the goals stay as they were', async () => {
    const before = await goalsDue(mentee, 365);
    for (const days of [0, 366, -1]) {
      const refused = await gql<GoalsDue>(mentee, GOALS_DUE, { days });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'withinDays' });
    }
    const badZone = await gql(mentee, `{ myGoalsDueSoon(viewerTimeZone: "Mars/Olympus") { mentorshipId } }`);
    expect(badZone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'viewerTimeZone' });
    expect(await goalsDue(mentee, 365)).toEqual(before);
  });

  it('fills in rows written before these queries existed, at start-up, and answers from indexes on them', async () => {
    const readModels = app.get(SessionsReadModels);
    await readModels.sessions.updateMany({ tenantId }, { $unset: { agendaKey: '' } });
    await readModels.engagements.updateMany({ tenantId }, { $unset: { personIds: '', activeGoalsDueBy: '' } });
    expect((await mySessions(mentee, 20)).edges).toEqual([]);
    expect(await goalsDue(mentee)).toEqual([]);

    const upgraded = await app.get(SessionsStore).upgradeRows();
    expect(upgraded).toMatchObject({ sessions: 8, engagements: 3 });
    expect(ids(await mySessions(mentee, 20))).toHaveLength(5);
    expect((await goalsDue(mentee)).map((g) => g.goal.title)).toEqual(['Update my CV', 'Mock interview']);
    expect(await app.get(SessionsStore).upgradeRows()).toEqual({ sessions: 0, engagements: 0 });

    const sessionIndexes = (await readModels.sessions.indexes()).map((i) => i.name);
    const engagementIndexes = (await readModels.engagements.indexes()).map((i) => i.name);
    expect(sessionIndexes).toContain('person_agenda');
    expect(engagementIndexes).toContain('person_goals_due');
  });
});
