import {
  DIGEST_MODES,
  type DigestMode,
  NOTIFICATION_CATEGORIES,
  type NotificationCategory,
  type NotificationPriority,
} from '@trellis/notifications/contracts';
import { DomainError } from '@trellis/shared/kernel';
import { addDays, localDate, localParts, zonedTime } from './time-zone';

export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
}

export interface QuietHours {
  /** Minutes after local midnight; an end before the start spans midnight (22:00–07:00). */
  startMinute: number;
  endMinute: number;
}

export interface NotificationPreferences {
  channels: Partial<Record<NotificationCategory, ChannelChoice>>;
  /** Applies to low-priority categories only: urgent things are never held back. */
  digest: DigestMode;
  quietHours: QuietHours | null;
  /** Non-critical emails per local day before the rest waits for the digest. */
  dailyEmailBudget: number;
  /** Categories unsubscribed from by one-click link: no email, in-app stays. */
  unsubscribed: NotificationCategory[];
}

export const DEFAULT_PREFERENCES: NotificationPreferences = {
  channels: {},
  digest: 'immediate',
  quietHours: null,
  dailyEmailBudget: 10,
  unsubscribed: [],
};

/** Categories a person cannot switch off in the app: they carry obligations (a session moved, an admin notice). */
const ALWAYS_IN_APP = new Set<NotificationCategory>(['session-updates', 'webhook-alerts']);
/** The hour digests go out, local time. */
export const DIGEST_MINUTE_OF_DAY = 8 * 60;

export function channelsFor(preferences: NotificationPreferences, category: NotificationCategory): ChannelChoice {
  const chosen = preferences.channels[category] ?? { inApp: true, email: true };
  return {
    inApp: chosen.inApp || ALWAYS_IN_APP.has(category),
    email: chosen.email && !preferences.unsubscribed.includes(category),
  };
}

/** Validates a preferences change and returns the merged result. */
export function changePreferences(
  current: NotificationPreferences,
  change: {
    channels?: Array<{ category: string; inApp: boolean; email: boolean }>;
    digest?: string;
    quietHours?: QuietHours | null;
    dailyEmailBudget?: number;
    resubscribe?: string[];
  },
): NotificationPreferences {
  const next: NotificationPreferences = {
    ...current,
    channels: { ...current.channels },
    unsubscribed: [...current.unsubscribed],
  };
  for (const choice of change.channels ?? []) {
    const category = assertCategory(choice.category);
    next.channels[category] = { inApp: choice.inApp, email: choice.email };
  }
  if (change.digest !== undefined) {
    if (!(DIGEST_MODES as readonly string[]).includes(change.digest)) {
      throw new DomainError('BAD_USER_INPUT', `digest must be one of ${DIGEST_MODES.join(', ')}`, { field: 'digest' });
    }
    next.digest = change.digest as DigestMode;
  }
  if (change.quietHours !== undefined) {
    const q = change.quietHours;
    if (q && (!validMinute(q.startMinute) || !validMinute(q.endMinute) || q.startMinute === q.endMinute)) {
      throw new DomainError('BAD_USER_INPUT', 'quiet hours need two different minutes of the day (0–1439)', {
        field: 'quietHours',
      });
    }
    next.quietHours = q;
  }
  if (change.dailyEmailBudget !== undefined) {
    if (!Number.isInteger(change.dailyEmailBudget) || change.dailyEmailBudget < 0 || change.dailyEmailBudget > 100) {
      throw new DomainError('BAD_USER_INPUT', 'dailyEmailBudget must be an integer from 0 to 100', {
        field: 'dailyEmailBudget',
      });
    }
    next.dailyEmailBudget = change.dailyEmailBudget;
  }
  for (const category of change.resubscribe ?? []) {
    const c = assertCategory(category);
    next.unsubscribed = next.unsubscribed.filter((u) => u !== c);
  }
  return next;
}

export function assertCategory(value: string): NotificationCategory {
  if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(value)) {
    throw new DomainError('BAD_USER_INPUT', `unknown notification category ${value}`, { field: 'category' });
  }
  return value as NotificationCategory;
}

const validMinute = (m: number) => Number.isInteger(m) && m >= 0 && m < 1440;

export function inQuietHours(quiet: QuietHours, instant: Date, timeZone: string): boolean {
  const p = localParts(instant, timeZone);
  const minute = p.hour * 60 + p.minute;
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}

/** The first instant at or after `from` that is outside quiet hours. */
export function quietHoursEnd(quiet: QuietHours, from: Date, timeZone: string): Date {
  const p = localParts(from, timeZone);
  const minute = p.hour * 60 + p.minute;
  const today = { year: p.year, month: p.month, day: p.day };
  // Past midnight inside a span that started yesterday, the end is today; otherwise it is tomorrow (or later today).
  const endDay = quiet.startMinute > quiet.endMinute && minute >= quiet.startMinute ? addDays(today, 1) : today;
  return zonedTime(endDay, quiet.endMinute, timeZone);
}

/** When the digest that an item arriving at `now` belongs to goes out (daily 08:00 local, weekly Monday 08:00). */
export function nextDigestAt(mode: DigestMode, now: Date, timeZone: string): Date {
  const p = localParts(now, timeZone);
  const today = { year: p.year, month: p.month, day: p.day };
  let candidate = zonedTime(today, DIGEST_MINUTE_OF_DAY, timeZone);
  if (candidate.getTime() <= now.getTime()) candidate = zonedTime(addDays(today, 1), DIGEST_MINUTE_OF_DAY, timeZone);
  if (mode === 'weekly') {
    const weekday = localParts(candidate, timeZone).weekday;
    const shift = (8 - weekday) % 7;
    if (shift) {
      const c = localParts(candidate, timeZone);
      candidate = zonedTime(
        addDays({ year: c.year, month: c.month, day: c.day }, shift),
        DIGEST_MINUTE_OF_DAY,
        timeZone,
      );
    }
  }
  return candidate;
}

export type EmailPlan =
  | { action: 'send'; countsAgainstBudget: boolean; budgetDay: string }
  | { action: 'defer'; until: Date; reason: 'quiet-hours' }
  | { action: 'digest'; digestAt: Date; reason: 'digest-preference' | 'daily-budget' }
  | { action: 'skip'; reason: 'email-off' };

export interface EmailPlanInput {
  category: NotificationCategory;
  priority: NotificationPriority;
  preferences: NotificationPreferences;
  timeZone: string;
  now: Date;
  /** Non-critical emails already sent on the recipient's current local day. */
  emailsSentToday: number;
}

/**
 * What to do with one email right now, decided at send time (when the recipient's zone is known). Order matters:
 * a switched-off channel wins, then digests for low priority, then quiet hours, then the daily budget.
 */
export function planEmail(input: EmailPlanInput): EmailPlan {
  const { preferences, priority, now, timeZone } = input;
  if (!channelsFor(preferences, input.category).email) return { action: 'skip', reason: 'email-off' };
  const critical = priority === 'critical';
  if (priority === 'low' && preferences.digest !== 'immediate') {
    return { action: 'digest', digestAt: nextDigestAt(preferences.digest, now, timeZone), reason: 'digest-preference' };
  }
  if (!critical && preferences.quietHours && inQuietHours(preferences.quietHours, now, timeZone)) {
    return { action: 'defer', until: quietHoursEnd(preferences.quietHours, now, timeZone), reason: 'quiet-hours' };
  }
  if (!critical && input.emailsSentToday >= preferences.dailyEmailBudget) {
    return { action: 'digest', digestAt: nextDigestAt('daily', now, timeZone), reason: 'daily-budget' };
  }
  return { action: 'send', countsAgainstBudget: !critical, budgetDay: localDate(now, timeZone) };
}
