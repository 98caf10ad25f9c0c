import type { NotificationCategory, NotificationPriority, TemplateId } from '@trellis/notifications/contracts';
import type { SourceEvent } from './rules';
import { surveyCommandsFor } from './survey-reminders';
import { DEFAULT_UNREAD_MESSAGE_AFTER_MS, unreadMessageCommandsFor } from './unread-message-reminders';

export type ReminderOffset = '24h' | '1h' | 'goal-2d' | 'unread' | 'survey-open' | 'survey-remind';

export interface ReminderPlan {
  /** One row per (thing, offset): rescheduling moves the row instead of adding one. */
  reminderId: string;
  subject: { kind: 'session' | 'goal' | 'mentorship' | 'circle' | 'survey'; id: string };
  offset: ReminderOffset;
  dueAt: string;
  /** A newer plan keeps the due time of one still scheduled instead of moving it later. */
  keepEarlierDue?: boolean;
  /** Upstream sequence: an older event arriving late never moves a reminder back. */
  sequence: number;
  templateId: TemplateId;
  category: NotificationCategory;
  priority: NotificationPriority;
  recipients: string[];
  params: Record<string, string | number>;
  /** From this instant the reminder is pointless (what it asks for is over): a late tick drops it unsent. */
  staleAfter?: string;
}

export type ReminderCommand =
  | { kind: 'schedule'; plan: ReminderPlan }
  /**
   * With a tombstone, a cancel that finds nothing stores the reminder as cancelled at its sequence, so a schedule
   * delivered after it (from another stream, on another partition) cannot arm it.
   */
  | { kind: 'cancel'; reminderId: string; sequence: number; tombstone?: ReminderPlan };

const HOUR = 3_600_000;
const SESSION_OFFSETS: ReadonlyArray<{ offset: ReminderOffset; before: number; templateId: TemplateId }> = [
  { offset: '24h', before: 24 * HOUR, templateId: 'session-reminder-24h' },
  { offset: '1h', before: HOUR, templateId: 'session-reminder-1h' },
];

export const sessionReminderId = (sessionId: string, offset: ReminderOffset): string =>
  `session:${sessionId}:${offset}`;
export const goalReminderId = (goalId: string): string => `goal:${goalId}:goal-2d`;

/**
 * Reminders an event schedules, moves or cancels. A reminder whose time has already passed when the session is
 * (re)scheduled is cancelled rather than fired late: "in 24 hours" sent 3 hours before is wrong.
 */
export function reminderCommandsFor(
  event: SourceEvent,
  unreadMessageAfterMs = DEFAULT_UNREAD_MESSAGE_AFTER_MS,
): ReminderCommand[] {
  const d = event.data;
  switch (event.type) {
    case 'SessionScheduled':
    case 'SessionRescheduled': {
      const sessionId = String(d['sessionId']);
      const startsAt = new Date(String(d['startsAt']));
      const sequence = Number(d['sequence']);
      const recipients = [...new Set([String(d['hostPersonId']), ...(d['attendeePersonIds'] as string[])])];
      const decidedAt = new Date(event.occurredAt).getTime();
      return SESSION_OFFSETS.map(({ offset, before, templateId }): ReminderCommand => {
        const reminderId = sessionReminderId(sessionId, offset);
        const due = startsAt.getTime() - before;
        if (due <= decidedAt) return { kind: 'cancel', reminderId, sequence };
        return {
          kind: 'schedule',
          plan: {
            reminderId,
            subject: { kind: 'session', id: sessionId },
            offset,
            dueAt: new Date(due).toISOString(),
            sequence,
            templateId,
            category: 'session-reminders',
            priority: 'critical',
            recipients,
            params: { startsAt: startsAt.toISOString(), endsAt: String(d['endsAt']) },
          },
        };
      });
    }
    case 'SessionCancelled': {
      const sessionId = String(d['sessionId']);
      const sequence = Number(d['sequence']);
      return SESSION_OFFSETS.map(({ offset }) => ({
        kind: 'cancel' as const,
        reminderId: sessionReminderId(sessionId, offset),
        sequence,
      }));
    }
    case 'GoalSet': {
      // Two days before the target date, 09:00 UTC (the owner's zone is only known at send time).
      const [year, month, day] = String(d['targetDate']).split('-').map(Number) as [number, number, number];
      const due = Date.UTC(year, month - 1, day - 2, 9);
      const goalId = String(d['goalId']);
      if (due <= new Date(event.occurredAt).getTime()) return [];
      return [
        {
          kind: 'schedule',
          plan: {
            reminderId: goalReminderId(goalId),
            subject: { kind: 'goal', id: goalId },
            offset: 'goal-2d',
            dueAt: new Date(due).toISOString(),
            sequence: 0,
            templateId: 'goal-due-soon',
            category: 'goal-reminders',
            priority: 'low',
            recipients: [String(d['ownerPersonId'])],
            params: { targetDate: String(d['targetDate']), mentorshipId: String(d['mentorshipId']) },
          },
        },
      ];
    }
    case 'GoalAchieved':
    case 'GoalAbandoned':
      // Sequence 1 outranks the GoalSet's 0: a goal closed before its reminder never reminds.
      return [{ kind: 'cancel', reminderId: goalReminderId(String(d['goalId'])), sequence: 1 }];
    case 'SurveyOccurrenceOpened':
    case 'SurveyAnswered':
      return surveyCommandsFor(event);
    default:
      return unreadMessageCommandsFor(event, unreadMessageAfterMs);
  }
}

export interface StoredReminder {
  sequence: number;
  state: 'scheduled' | 'firing' | 'fired' | 'cancelled';
}

/**
 * Whether a command changes a stored reminder. Equal sequences are the same decision replayed; lower ones arrive
 * late. A fired reminder is history, but a reschedule to a new time arms it again (new sequence).
 */
export function reminderCommandApplies(existing: StoredReminder | null, command: ReminderCommand): boolean {
  const sequence = command.kind === 'schedule' ? command.plan.sequence : command.sequence;
  if (!existing) return command.kind === 'schedule';
  if (sequence < existing.sequence) return false;
  if (sequence === existing.sequence) return command.kind === 'cancel' && existing.state === 'scheduled';
  return true;
}
