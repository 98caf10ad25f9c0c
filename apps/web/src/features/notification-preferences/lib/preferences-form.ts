import type {
  DigestMode,
  NotificationCategory,
  NotificationPreferencesInput,
  PreferencesForm_PreferencesFragment,
} from '../../../gql/graphql';
import type { RefusalFields } from '../../../lib/field-refusals';

/** Categories the API keeps in the app whatever the person chooses: they carry obligations (a moved session). */
export const ALWAYS_IN_APP: ReadonlySet<NotificationCategory> = new Set(['SESSION_UPDATES', 'WEBHOOK_ALERTS']);

export const DIGEST_MODES: readonly DigestMode[] = ['IMMEDIATE', 'DAILY', 'WEEKLY'];
export const MAX_DAILY_EMAIL_BUDGET = 100;

export interface ChannelValues {
  inApp: boolean;
  email: boolean;
}

/** The form as the person edits it: times as the "HH:MM" of a time input, the budget as typed. */
export interface PreferencesValues {
  channels: Record<string, ChannelValues>;
  quietHoursOn: boolean;
  quietFrom: string;
  quietTo: string;
  digest: DigestMode;
  dailyEmailBudget: number | string;
  resubscribe: NotificationCategory[];
}

export type PreferencesErrors = Partial<Record<'quietFrom' | 'quietTo' | 'dailyEmailBudget', PreferencesError>>;
export type PreferencesError = 'timeRequired' | 'budgetRange';

const pad = (n: number) => String(n).padStart(2, '0');

export function minuteToTime(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** Minutes after midnight of an "HH:MM" (or "HH:MM:SS") time, or null for anything else. */
export function timeToMinute(time: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(time.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

// Shown when quiet hours are switched on for the first time: a night's sleep.
const DEFAULT_QUIET = { from: '22:00', to: '07:00' };

export function valuesFromPreferences(preferences: PreferencesForm_PreferencesFragment): PreferencesValues {
  const quiet = preferences.quietHours;
  return {
    channels: Object.fromEntries(preferences.channels.map((c) => [c.category, { inApp: c.inApp, email: c.email }])),
    quietHoursOn: quiet !== null && quiet !== undefined,
    quietFrom: quiet ? minuteToTime(quiet.startMinute) : DEFAULT_QUIET.from,
    quietTo: quiet ? minuteToTime(quiet.endMinute) : DEFAULT_QUIET.to,
    digest: preferences.digest,
    dailyEmailBudget: preferences.dailyEmailBudget,
    resubscribe: [],
  };
}

/**
 * What the form can tell before asking the API: times must be times, the budget a whole number the API takes. Rules
 * about how values relate (two different quiet-hour times) are the API's, whose message lands on the field.
 */
export function validatePreferences(values: PreferencesValues): PreferencesErrors {
  const errors: PreferencesErrors = {};
  if (values.quietHoursOn) {
    if (timeToMinute(values.quietFrom) === null) errors.quietFrom = 'timeRequired';
    if (timeToMinute(values.quietTo) === null) errors.quietTo = 'timeRequired';
  }
  const budget = typeof values.dailyEmailBudget === 'number' ? values.dailyEmailBudget : Number.NaN;
  if (!Number.isInteger(budget) || budget < 0 || budget > MAX_DAILY_EMAIL_BUDGET)
    errors.dailyEmailBudget = 'budgetRange';
  return errors;
}

/**
 * Only what changed, so saving one switch never overwrites a change made meanwhile elsewhere (the one-click
 * unsubscribe of an email, another tab). Null when nothing did. Expects values that passed validatePreferences.
 */
export function preferencesChange(
  saved: PreferencesForm_PreferencesFragment,
  values: PreferencesValues,
): NotificationPreferencesInput | null {
  const input: NotificationPreferencesInput = {};
  const channels = saved.channels
    .map((before) => ({ before, after: values.channels[before.category] ?? before }))
    .filter(({ before, after }) => before.inApp !== after.inApp || before.email !== after.email)
    .map(({ before, after }) => ({ category: before.category, inApp: after.inApp, email: after.email }));
  if (channels.length) input.channels = channels;
  if (values.digest !== saved.digest) input.digest = values.digest;
  const quiet = values.quietHoursOn
    ? { startMinute: timeToMinute(values.quietFrom) ?? 0, endMinute: timeToMinute(values.quietTo) ?? 0 }
    : null;
  const before = saved.quietHours ?? null;
  if (quiet?.startMinute !== before?.startMinute || quiet?.endMinute !== before?.endMinute) input.quietHours = quiet;
  if (values.dailyEmailBudget !== saved.dailyEmailBudget) input.dailyEmailBudget = Number(values.dailyEmailBudget);
  const resubscribe = values.resubscribe.filter((c) => saved.unsubscribed.includes(c));
  if (resubscribe.length) input.resubscribe = resubscribe;
  return Object.keys(input).length ? input : null;
}

/** Where the API's refusals show: it reports quiet hours as one input, the form shows them on “until”. */
export const PREFERENCES_REFUSAL_FIELDS: RefusalFields<'quietTo' | 'dailyEmailBudget' | 'digest'> = {
  quietTo: ['quietHours'],
  dailyEmailBudget: ['dailyEmailBudget'],
  digest: ['digest'],
};
