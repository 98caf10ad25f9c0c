import { HEALTH_STATUSES } from '@trellis/sessions/contracts';
import {
  assessEngagementHealth,
  DEFAULT_HEALTH_THRESHOLDS,
  healthCrossing,
  type HealthInput,
  type HealthSessionFact,
} from './engagement-health';
import { engagementDecider, type EngagementEvent } from './engagement.decider';

const DAY = 86_400_000;
const now = '2026-05-01T12:00:00.000Z';
const daysBefore = (days: number, from = now) => new Date(Date.parse(from) - days * DAY).toISOString();
const held = (id: string, daysAgo: number): HealthSessionFact => ({
  sessionId: id,
  status: 'completed',
  startsAt: daysBefore(daysAgo + 1 / 24),
  endsAt: daysBefore(daysAgo),
});
const planned = (id: string, daysAhead: number): HealthSessionFact => ({
  sessionId: id,
  status: 'scheduled',
  startsAt: daysBefore(-daysAhead),
  endsAt: daysBefore(-daysAhead - 1 / 24),
});
const cancelled = (id: string, daysAgo: number): HealthSessionFact => ({ ...held(id, daysAgo), status: 'cancelled' });

/** A pair doing well: meeting every two weeks for two months, next session booked, goals moving. */
const healthy: HealthInput = {
  now,
  openedAt: daysBefore(61),
  cadence: 'fortnightly',
  agreementInEffect: true,
  sessions: [held('s1', 57), held('s2', 43), held('s3', 29), held('s4', 15), held('s5', 1), planned('s6', 13)],
  actionItems: [
    { dueDate: '2026-04-20', completed: true },
    { dueDate: '2026-05-10', completed: false },
  ],
  feedbackRatings: [5, 4, 4, 5],
  goals: [{ status: 'active', progressPercent: 40, targetDate: '2026-09-30' }],
  timeZone: 'Europe/Berlin',
};

describe('assessEngagementHealth', () => {
  it('reports a healthy pair with its figures', () => {
    expect(assessEngagementHealth(healthy)).toEqual({
      status: 'healthy',
      reasons: [],
      lastSessionAt: daysBefore(1),
      nextSessionAt: daysBefore(-13),
      daysSinceLastSession: 1,
      sessionsHeld: 5,
      sessionsExpected: 4,
      overdueActionItems: 0,
      averageFeedback: 4.5,
      goalProgressPercent: 40,
    });
  });

  it('gives a new pair time to settle in, then asks for an agreement, goals and a first session', () => {
    const fresh: HealthInput = {
      ...healthy,
      openedAt: daysBefore(10),
      sessions: [],
      agreementInEffect: false,
      goals: [],
      feedbackRatings: [],
    };
    expect(assessEngagementHealth(fresh)).toMatchObject({
      status: 'healthy',
      reasons: [],
      lastSessionAt: null,
      averageFeedback: null,
      goalProgressPercent: null,
    });
    expect(assessEngagementHealth({ ...fresh, openedAt: daysBefore(20) })).toMatchObject({
      status: 'at-risk',
      reasons: ['no-agreement', 'no-goals', 'no-first-session'],
    });
    expect(
      assessEngagementHealth({ ...fresh, openedAt: daysBefore(20), sessions: [planned('s1', 3)] }).reasons,
    ).not.toContain('no-first-session');
    expect(assessEngagementHealth({ ...fresh, openedAt: daysBefore(50) })).toMatchObject({
      status: 'stalled',
      reasons: ['no-agreement', 'no-goals', 'no-first-session', 'behind-cadence'],
    });
  });

  it('is at risk when nothing is booked after a cadence interval, stalled after three', () => {
    const lapsed = (daysAgo: number): HealthInput => ({
      ...healthy,
      openedAt: daysBefore(daysAgo + 5),
      sessions: [held('s1', daysAgo)],
    });
    expect(assessEngagementHealth(lapsed(10))).toMatchObject({ status: 'healthy' });
    expect(assessEngagementHealth(lapsed(20))).toMatchObject({
      status: 'at-risk',
      reasons: ['no-upcoming-session'],
      daysSinceLastSession: 20,
    });
    expect(assessEngagementHealth(lapsed(43))).toMatchObject({ status: 'stalled' });
    expect(assessEngagementHealth(lapsed(43)).reasons).toContain('no-session-for-long');
    // A booked session means the pair is not stalled, though still behind.
    expect(assessEngagementHealth({ ...lapsed(43), sessions: [held('s1', 43), planned('s2', 2)] }).status).toBe(
      'at-risk',
    );
  });

  it('scales the gaps with the agreed cadence (monthly pairs are not stalled after 6 weeks)', () => {
    const monthly: HealthInput = {
      ...healthy,
      cadence: 'monthly',
      openedAt: daysBefore(50),
      sessions: [held('s1', 42)],
    };
    expect(assessEngagementHealth(monthly)).toMatchObject({ status: 'at-risk', reasons: ['no-upcoming-session'] });
    expect(assessEngagementHealth({ ...monthly, cadence: 'weekly' }).status).toBe('stalled');
    // Without a signed agreement the default (fortnightly) applies: stalled after more than 42 days.
    expect(assessEngagementHealth({ ...monthly, cadence: null }).status).toBe('at-risk');
    expect(assessEngagementHealth({ ...monthly, cadence: null, sessions: [held('s1', 43)] }).status).toBe('stalled');
  });

  it('flags falling behind the cadence', () => {
    const behind: HealthInput = { ...healthy, sessions: [held('s1', 5), planned('s2', 3)] };
    expect(assessEngagementHealth(behind)).toMatchObject({
      status: 'at-risk',
      reasons: ['behind-cadence'],
      sessionsHeld: 1,
      sessionsExpected: 4,
    });
    expect(
      assessEngagementHealth({ ...behind, sessions: [held('s1', 5), held('s2', 20), planned('s3', 3)] }).status,
    ).toBe('healthy');
  });

  it('flags three cancellations in a row', () => {
    const sessions = [
      held('s1', 50),
      held('s2', 36),
      held('s3', 22),
      cancelled('c1', 15),
      cancelled('c2', 8),
      cancelled('c3', 1),
      planned('s4', 6),
    ];
    expect(assessEngagementHealth({ ...healthy, sessions }).reasons).toEqual(['repeated-cancellations']);
    expect(
      assessEngagementHealth({ ...healthy, sessions: sessions.filter((s) => s.sessionId !== 'c1') }).reasons,
    ).toEqual([]);
  });

  it('flags overdue action items by the pair’s own date: two of them, or one long overdue', () => {
    const items = (...dueDates: string[]) => dueDates.map((dueDate) => ({ dueDate, completed: false }));
    expect(assessEngagementHealth({ ...healthy, actionItems: items('2026-04-28') })).toMatchObject({
      status: 'healthy',
      overdueActionItems: 1,
    });
    expect(assessEngagementHealth({ ...healthy, actionItems: items('2026-04-28', '2026-04-30') })).toMatchObject({
      reasons: ['overdue-action-items'],
      overdueActionItems: 2,
    });
    expect(assessEngagementHealth({ ...healthy, actionItems: items('2026-04-10') }).reasons).toEqual([
      'overdue-action-items',
    ]);
    expect(
      assessEngagementHealth({ ...healthy, actionItems: [{ dueDate: '2026-04-10', completed: true }] }).reasons,
    ).toEqual([]);
    // 23:30 on 1 May in UTC is already 2 May in Tokyo: an item due 1 May is overdue there, not in New York.
    const late = { ...healthy, now: '2026-05-01T23:30:00.000Z', actionItems: items('2026-05-01', '2026-05-01') };
    expect(assessEngagementHealth({ ...late, timeZone: 'Asia/Tokyo' }).overdueActionItems).toBe(2);
    expect(assessEngagementHealth({ ...late, timeZone: 'America/New_York' }).overdueActionItems).toBe(0);
  });

  it('flags low recent feedback, needing at least two ratings', () => {
    expect(assessEngagementHealth({ ...healthy, feedbackRatings: [2, 3, 2] })).toMatchObject({
      reasons: ['low-feedback'],
      averageFeedback: 2.33,
    });
    expect(assessEngagementHealth({ ...healthy, feedbackRatings: [1] }).reasons).toEqual([]);
    expect(assessEngagementHealth({ ...healthy, feedbackRatings: [1, 1, 5, 5, 5, 5, 5] }).reasons).toEqual([]);
  });

  it('flags active goals past their target date and averages progress without abandoned goals', () => {
    const goals: HealthInput['goals'] = [
      { status: 'active', progressPercent: 20, targetDate: '2026-04-30' },
      { status: 'achieved', progressPercent: 80, targetDate: '2026-04-01' },
      { status: 'abandoned', progressPercent: 0, targetDate: '2026-04-01' },
    ];
    expect(assessEngagementHealth({ ...healthy, goals })).toMatchObject({
      reasons: ['goals-overdue'],
      goalProgressPercent: 60,
    });
  });

  it('takes custom thresholds', () => {
    const strict = { ...DEFAULT_HEALTH_THRESHOLDS, lowFeedbackAverage: 4.6 };
    expect(assessEngagementHealth(healthy, strict).reasons).toEqual(['low-feedback']);
  });
});

describe('healthCrossing', () => {
  it.each([
    ['healthy', 'healthy', null],
    ['healthy', 'at-risk', 'EngagementAtRisk'],
    ['healthy', 'stalled', 'EngagementStalled'],
    ['at-risk', 'healthy', 'EngagementRecovered'],
    ['at-risk', 'at-risk', null],
    ['at-risk', 'stalled', 'EngagementStalled'],
    ['stalled', 'healthy', 'EngagementRecovered'],
    ['stalled', 'at-risk', null],
    ['stalled', 'stalled', null],
  ] as const)('%s → %s: %s', (previous, next, signal) => {
    expect(healthCrossing(previous, next)).toBe(signal);
  });

  it('covers every pair of statuses', () => {
    for (const a of HEALTH_STATUSES) for (const b of HEALTH_STATUSES) expect(() => healthCrossing(a, b)).not.toThrow();
  });
});

describe('the daily run over a pair that drifts apart and comes back', () => {
  it('emits each transition once, however many days the status lasts', () => {
    const opened: EngagementEvent = {
      type: 'EngagementOpened',
      mentorshipId: 'm-1',
      programId: 'prog-1',
      mentorPersonId: 'p-mentor',
      menteePersonId: 'p-mentee',
      mentorParticipantId: 'pa-1',
      menteeParticipantId: 'pa-2',
      format: 'one-on-one',
      openedAt: '2026-01-01T12:00:00.000Z',
    };
    let state = engagementDecider.evolve(engagementDecider.initialState(), opened);
    const emitted: string[] = [];
    const base = Date.parse('2026-01-01T12:00:00Z');
    // Fortnightly sessions for 8 weeks, then nothing until day 120, when they meet again and book the next one.
    const sessions: HealthSessionFact[] = [14, 28, 42, 56].map((d) => ({
      sessionId: `s${d}`,
      status: 'completed',
      startsAt: new Date(base + d * DAY - 3_600_000).toISOString(),
      endsAt: new Date(base + d * DAY).toISOString(),
    }));
    for (let day = 1; day <= 130; day++) {
      const today = new Date(base + day * DAY).toISOString();
      const facts = [...sessions];
      if (day >= 120) {
        facts.push({
          sessionId: 'back',
          status: 'completed',
          startsAt: new Date(base + 120 * DAY - 3_600_000).toISOString(),
          endsAt: new Date(base + 120 * DAY).toISOString(),
        });
        facts.push({
          sessionId: 'next',
          status: 'scheduled',
          startsAt: new Date(base + 134 * DAY).toISOString(),
          endsAt: new Date(base + 134 * DAY + 3_600_000).toISOString(),
        });
      }
      const report = assessEngagementHealth({
        now: today,
        openedAt: opened.openedAt,
        cadence: 'fortnightly',
        agreementInEffect: true,
        sessions: facts,
        actionItems: [],
        feedbackRatings: [],
        goals: [{ status: 'active', progressPercent: 10, targetDate: '2026-12-31' }],
        timeZone: 'UTC',
      });
      const events = engagementDecider.decide(
        { type: 'RecordHealth', status: report.status, reasons: report.reasons, now: today },
        state,
      );
      for (const event of events) {
        emitted.push(`${event.type}@${day}`);
        state = engagementDecider.evolve(state, event);
      }
    }
    // Day 71: two weeks with nothing booked; day 99: more than six weeks; day 120: they met again.
    expect(emitted).toEqual(['EngagementAtRisk@71', 'EngagementStalled@99', 'EngagementRecovered@120']);
  });
});
