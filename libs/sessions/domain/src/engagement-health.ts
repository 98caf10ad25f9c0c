import { HEALTH_REASONS, type HealthReason, type HealthStatus, type MeetingCadence } from '@trellis/sessions/contracts';
import { daysBetween, localDate, MS, parseUtcInstant, toUtcIso } from './time';

/**
 * Engagement health (issue 8): a pure verdict over what a projection knows about one mentorship. The daily process
 * feeds it the projection row and records the result on the engagement, which emits a nudge only when a threshold
 * is crossed (`healthCrossing`).
 */

export interface HealthSessionFact {
  sessionId: string;
  status: 'scheduled' | 'completed' | 'cancelled';
  startsAt: string;
  endsAt: string;
}

export interface HealthInput {
  now: string;
  openedAt: string;
  /** Cadence of the agreement in effect; null while none is signed (the thresholds' default applies). */
  cadence: MeetingCadence | null;
  agreementInEffect: boolean;
  sessions: HealthSessionFact[];
  actionItems: Array<{ dueDate: string; completed: boolean }>;
  /** Ratings in the order they were given. */
  feedbackRatings: number[];
  goals: Array<{ status: 'active' | 'achieved' | 'abandoned'; progressPercent: number; targetDate: string }>;
  /** Zone that decides what "today" is for due dates (the mentee's). */
  timeZone: string;
}

export interface HealthThresholds {
  defaultCadence: MeetingCadence;
  /** Days after opening before a missing agreement, goals or first session counts. */
  settleInDays: number;
  /** No session for this many cadence intervals (and nothing planned): stalled. */
  stalledAfterIntervals: number;
  /** …but never sooner than this many days. */
  stalledMinDays: number;
  /** Fewer sessions held than this share of those the cadence expects: at risk. */
  behindCadenceRatio: number;
  overdueActionItems: number;
  /** A single action item overdue by this many days is enough. */
  longOverdueDays: number;
  lowFeedbackAverage: number;
  minRatings: number;
  recentRatings: number;
  repeatedCancellations: number;
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  defaultCadence: 'fortnightly',
  settleInDays: 14,
  stalledAfterIntervals: 3,
  stalledMinDays: 30,
  behindCadenceRatio: 0.5,
  overdueActionItems: 2,
  longOverdueDays: 14,
  lowFeedbackAverage: 3,
  minRatings: 2,
  recentRatings: 5,
  repeatedCancellations: 3,
};

export const CADENCE_DAYS: Record<MeetingCadence, number> = { weekly: 7, fortnightly: 14, monthly: 30 };

export interface HealthReport {
  status: HealthStatus;
  /** Every reason found, in a fixed order; the status is the worst of them. */
  reasons: HealthReason[];
  lastSessionAt: string | null;
  nextSessionAt: string | null;
  daysSinceLastSession: number | null;
  sessionsHeld: number;
  sessionsExpected: number;
  overdueActionItems: number;
  averageFeedback: number | null;
  goalProgressPercent: number | null;
}

export function assessEngagementHealth(
  input: HealthInput,
  thresholds: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): HealthReport {
  const now = parseUtcInstant(input.now, 'now');
  const opened = parseUtcInstant(input.openedAt, 'openedAt');
  const today = localDate(now, input.timeZone);
  const cadenceDays = CADENCE_DAYS[input.cadence ?? thresholds.defaultCadence];
  const daysOpen = (now - opened) / MS.DAY;
  const found = new Map<HealthReason, 'at-risk' | 'stalled'>();
  const flag = (reason: HealthReason, severity: 'at-risk' | 'stalled') => {
    if (found.get(reason) !== 'stalled') found.set(reason, severity);
  };

  const held = input.sessions
    .filter((s) => s.status === 'completed')
    .map((s) => parseUtcInstant(s.endsAt, 'endsAt'))
    .filter((end) => end <= now);
  const last = held.length > 0 ? Math.max(...held) : null;
  const upcoming = input.sessions
    .filter((s) => s.status === 'scheduled')
    .map((s) => parseUtcInstant(s.startsAt, 'startsAt'))
    .filter((start) => start > now);
  const next = upcoming.length > 0 ? Math.min(...upcoming) : null;
  const settled = daysOpen > thresholds.settleInDays;
  const stalledDays = Math.max(thresholds.stalledMinDays, thresholds.stalledAfterIntervals * cadenceDays);

  if (settled && !input.agreementInEffect) flag('no-agreement', 'at-risk');
  if (settled && input.goals.length === 0) flag('no-goals', 'at-risk');

  if (last === null) {
    if (next === null && daysOpen > stalledDays) flag('no-first-session', 'stalled');
    else if (next === null && settled) flag('no-first-session', 'at-risk');
  } else if (next === null) {
    const gapDays = (now - last) / MS.DAY;
    if (gapDays > stalledDays) flag('no-session-for-long', 'stalled');
    else if (gapDays > cadenceDays) flag('no-upcoming-session', 'at-risk');
  }

  const sessionsExpected = Math.floor(daysOpen / cadenceDays);
  if (sessionsExpected >= 2 && held.length < sessionsExpected * thresholds.behindCadenceRatio) {
    flag('behind-cadence', 'at-risk');
  }

  const recent = input.sessions
    .filter((s) => s.status === 'cancelled' || parseUtcInstant(s.startsAt, 'startsAt') <= now)
    .sort((a, b) => parseUtcInstant(b.startsAt, 'startsAt') - parseUtcInstant(a.startsAt, 'startsAt'))
    .slice(0, thresholds.repeatedCancellations);
  if (recent.length === thresholds.repeatedCancellations && recent.every((s) => s.status === 'cancelled')) {
    flag('repeated-cancellations', 'at-risk');
  }

  const overdue = input.actionItems.filter((a) => !a.completed && a.dueDate < today);
  const longOverdue = overdue.some((a) => daysBetween(a.dueDate, today) > thresholds.longOverdueDays);
  if (overdue.length >= thresholds.overdueActionItems || longOverdue) flag('overdue-action-items', 'at-risk');

  const recentRatings = input.feedbackRatings.slice(-thresholds.recentRatings);
  if (recentRatings.length >= thresholds.minRatings && mean(recentRatings) < thresholds.lowFeedbackAverage) {
    flag('low-feedback', 'at-risk');
  }

  if (input.goals.some((g) => g.status === 'active' && g.targetDate < today)) flag('goals-overdue', 'at-risk');

  const counted = input.goals.filter((g) => g.status !== 'abandoned');
  const reasons = HEALTH_REASONS.filter((r) => found.has(r));
  const severities = [...found.values()];
  return {
    status: severities.includes('stalled') ? 'stalled' : severities.length > 0 ? 'at-risk' : 'healthy',
    reasons,
    lastSessionAt: last === null ? null : toUtcIso(last),
    nextSessionAt: next === null ? null : toUtcIso(next),
    daysSinceLastSession: last === null ? null : Math.floor((now - last) / MS.DAY),
    sessionsHeld: held.length,
    sessionsExpected,
    overdueActionItems: overdue.length,
    averageFeedback: input.feedbackRatings.length > 0 ? round2(mean(input.feedbackRatings)) : null,
    goalProgressPercent:
      counted.length > 0
        ? Math.round(mean(counted.map((g) => (g.status === 'achieved' ? 100 : g.progressPercent))))
        : null,
  };
}

export type HealthSignal = 'EngagementAtRisk' | 'EngagementStalled' | 'EngagementRecovered';

/**
 * The nudge a status change deserves: one per crossing, none while the status stays put (the daily run sees the
 * same status again and again). Getting worse into at-risk or stalled, or back to healthy, is a crossing; stalled
 * to at-risk is an improvement that is recorded but not announced, so a later relapse to stalled fires again.
 */
export function healthCrossing(previous: HealthStatus, next: HealthStatus): HealthSignal | null {
  if (previous === next) return null;
  if (next === 'healthy') return 'EngagementRecovered';
  if (next === 'stalled') return 'EngagementStalled';
  return previous === 'healthy' ? 'EngagementAtRisk' : null;
}

const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
const round2 = (value: number): number => Math.round(value * 100) / 100;
