import { reminderCommandApplies, reminderCommandsFor, type ReminderCommand } from './reminders';
import type { SourceEvent } from './rules';

const scheduled = (startsAt: string, sequence: number, type = 'SessionScheduled'): SourceEvent => ({
  id: `e-${sequence}`,
  type,
  occurredAt: '2026-03-01T10:00:00.000Z',
  tenantId: 'org',
  data: {
    sessionId: 's1',
    hostPersonId: 'mentor',
    attendeePersonIds: ['mentor', 'mentee'],
    startsAt,
    endsAt: startsAt,
    timezone: 'Europe/Berlin',
    sequence,
    previousStartsAt: startsAt,
  },
});

const dueTimes = (commands: ReminderCommand[]) =>
  commands.map((c) => (c.kind === 'schedule' ? `${c.plan.offset}@${c.plan.dueAt}` : `cancel ${c.reminderId}`));

describe('reminder planning', () => {
  it('given a session in three days, then reminders are due 24 h and 1 h before, for host and attendees', () => {
    const commands = reminderCommandsFor(scheduled('2026-03-04T14:00:00.000Z', 0));
    expect(dueTimes(commands)).toEqual(['24h@2026-03-03T14:00:00.000Z', '1h@2026-03-04T13:00:00.000Z']);
    expect(commands[0]?.kind === 'schedule' && commands[0].plan.recipients).toEqual(['mentor', 'mentee']);
  });

  it('given a session in 5 hours, then the 24 h reminder is not planned (it would arrive late)', () => {
    expect(dueTimes(reminderCommandsFor(scheduled('2026-03-01T15:00:00.000Z', 0)))).toEqual([
      'cancel session:s1:24h',
      '1h@2026-03-01T14:00:00.000Z',
    ]);
  });

  it('given a reschedule, then the same reminder rows move (same ids, higher sequence)', () => {
    const [first] = reminderCommandsFor(scheduled('2026-03-04T14:00:00.000Z', 0));
    const [moved] = reminderCommandsFor(scheduled('2026-03-06T09:00:00.000Z', 1, 'SessionRescheduled'));
    expect(first?.kind === 'schedule' && moved?.kind === 'schedule').toBe(true);
    if (first?.kind !== 'schedule' || moved?.kind !== 'schedule') return;
    expect(moved.plan.reminderId).toBe(first.plan.reminderId);
    expect(reminderCommandApplies({ sequence: 0, state: 'scheduled' }, moved)).toBe(true);
    expect(reminderCommandApplies({ sequence: 1, state: 'scheduled' }, first)).toBe(false);
  });

  it('given a cancellation, then both reminders are cancelled, and a replayed schedule does not re-arm them', () => {
    const cancel = reminderCommandsFor({ ...scheduled('2026-03-04T14:00:00.000Z', 1, 'SessionCancelled') });
    expect(cancel.map((c) => c.kind)).toEqual(['cancel', 'cancel']);
    expect(reminderCommandApplies({ sequence: 0, state: 'scheduled' }, cancel[0]!)).toBe(true);
    const replayed = reminderCommandsFor(scheduled('2026-03-04T14:00:00.000Z', 0))[0]!;
    expect(reminderCommandApplies({ sequence: 1, state: 'cancelled' }, replayed)).toBe(false);
  });

  it('given a goal with a target date, then a reminder is due two days before; achieving it cancels', () => {
    const set: SourceEvent = {
      id: 'g',
      type: 'GoalSet',
      occurredAt: '2026-03-01T10:00:00.000Z',
      tenantId: 'org',
      data: { mentorshipId: 'm', goalId: 'g1', ownerPersonId: 'mentee', targetDate: '2026-04-10' },
    };
    expect(dueTimes(reminderCommandsFor(set))).toEqual(['goal-2d@2026-04-08T09:00:00.000Z']);
    const achieved = reminderCommandsFor({ ...set, type: 'GoalAchieved', data: { goalId: 'g1' } });
    expect(reminderCommandApplies({ sequence: 0, state: 'scheduled' }, achieved[0]!)).toBe(true);
  });
});
