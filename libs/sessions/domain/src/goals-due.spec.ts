import { DomainError } from '@trellis/shared/kernel';
import type { Goal } from './engagement.decider';
import { earliestActiveGoalDate, goalsDue, goalsDueWindow } from './goals-due';

const sealedTitle = { enc: 'aes-256-gcm:v1' as const, personId: 'mentee', iv: 'i', tag: 't', ct: 'c' };
const goal = (goalId: string, targetDate: string, status: Goal['status'] = 'active'): Goal => ({
  goalId,
  ownerPersonId: 'mentee',
  setByPersonId: 'mentee',
  title: sealedTitle,
  smart: {},
  targetDate,
  status,
  progressPercent: 0,
  progress: [],
  milestones: [],
});
const goals = (...list: Goal[]) => ({ goals: Object.fromEntries(list.map((g) => [g.goalId, g])) });

describe('goals due soon', () => {
  it("starts the window at the viewer's own today", () => {
    // 23:30 UTC on 30 March is already 31 March in Tokyo and still 30 March in New York.
    const now = Date.UTC(2026, 2, 30, 23, 30);
    expect(goalsDueWindow(14, 'Asia/Tokyo', now)).toEqual({ today: '2026-03-31', until: '2026-04-14' });
    expect(goalsDueWindow(14, 'America/New_York', now)).toEqual({ today: '2026-03-30', until: '2026-04-13' });
    expect(goalsDueWindow(1, 'UTC', now)).toEqual({ today: '2026-03-30', until: '2026-03-31' });
  });

  it.each([0, -3, 366, 1.5, Number.NaN])('refuses withinDays %p on its field', (withinDays) => {
    let caught: unknown;
    try {
      goalsDueWindow(withinDays, 'UTC', Date.now());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'withinDays' } });
  });

  it('refuses a zone that is not IANA on its field', () => {
    expect(() => goalsDueWindow(14, 'Mars/Olympus', Date.now())).toThrow(/IANA/);
  });

  it('lists active goals due within the window and overdue ones, soonest first, with days left', () => {
    const state = goals(
      goal('later', '2026-05-01'),
      goal('due', '2026-04-10'),
      goal('overdue', '2026-03-20'),
      goal('done', '2026-04-01', 'achieved'),
      goal('dropped', '2026-04-01', 'abandoned'),
      goal('edge', '2026-04-13'),
    );
    const due = goalsDue(state, { today: '2026-03-30', until: '2026-04-13' });
    expect(due.map((d) => [d.goal.goalId, d.daysLeft])).toEqual([
      ['overdue', -10],
      ['due', 11],
      ['edge', 14],
    ]);
  });

  it("keeps the earliest active target on the engagement's row, ignoring closed goals", () => {
    expect(earliestActiveGoalDate(goals())).toBeNull();
    expect(earliestActiveGoalDate(goals(goal('a', '2026-06-01'), goal('b', '2026-01-01', 'achieved')))).toBe(
      '2026-06-01',
    );
    expect(earliestActiveGoalDate(goals(goal('a', '2026-06-01'), goal('c', '2026-05-01')))).toBe('2026-05-01');
  });
});
