import { DomainError } from '@trellis/shared/kernel';
import type { EngagementState, Goal } from './engagement.decider';
import { assertTimeZone, daysBetween, localDate, MS } from './time';

export const GOALS_DUE_MAX_DAYS = 365;

/** The dates that decide which goals are "due soon" for a viewer: their own today and the end of the window. */
export interface GoalsDueWindow {
  today: string;
  /** Last calendar date (inclusive) a target may fall on to be listed. */
  until: string;
}

/**
 * Today is the viewer's today, not UTC's: a goal due "tomorrow" in Tokyo may be due "today" in UTC. Overdue goals
 * have targets before today and are always inside the window.
 */
export function goalsDueWindow(withinDays: number, viewerTimeZone: string, nowMs: number): GoalsDueWindow {
  if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > GOALS_DUE_MAX_DAYS) {
    throw new DomainError('BAD_USER_INPUT', `withinDays must be a whole number from 1 to ${GOALS_DUE_MAX_DAYS}.`, {
      field: 'withinDays',
    });
  }
  const zone = assertTimeZone(viewerTimeZone, 'viewerTimeZone');
  const today = localDate(nowMs, zone);
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + withinDays * MS.DAY).toISOString().slice(0, 10);
  return { today, until };
}

/**
 * The earliest target date of the engagement's active goals, or null: kept on the engagement's row so "whose goals
 * fall due before X" is one indexed range query over rows instead of a look into every engagement.
 */
export function earliestActiveGoalDate(state: Pick<EngagementState, 'goals'>): string | null {
  const dates = Object.values(state.goals)
    .filter((g) => g.status === 'active')
    .map((g) => g.targetDate)
    .sort();
  return dates[0] ?? null;
}

export interface DueGoal {
  goal: Goal;
  /** Whole days from the viewer's today to the target; negative once overdue. */
  daysLeft: number;
}

/** Active goals of one engagement whose target falls within the window (or before today), soonest first. */
export function goalsDue(state: Pick<EngagementState, 'goals'>, window: GoalsDueWindow): DueGoal[] {
  return Object.values(state.goals)
    .filter((g) => g.status === 'active' && g.targetDate <= window.until)
    .sort((a, b) => a.targetDate.localeCompare(b.targetDate) || a.goalId.localeCompare(b.goalId))
    .map((goal) => ({ goal, daysLeft: daysBetween(window.today, goal.targetDate) }));
}
