import { zonedDate, zonedParts, zonedToUtc } from '@trellis/shared/kernel';

/** Wall-clock parts of an instant in an IANA zone. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const { year, month, day, hour, minute, weekday } = zonedParts(instant.getTime(), timeZone);
  return { year, month, day, hour, minute, weekday: weekday + 1 };
}

/** The person's calendar date of an instant, YYYY-MM-DD: the day a daily email budget belongs to. */
export const localDate = (instant: Date, timeZone: string): string => zonedDate(instant.getTime(), timeZone);

/**
 * The instant a wall-clock time has in a zone: a time skipped by a spring-forward gap moves forward by the gap (02:30
 * on a spring-forward day becomes 03:30), one repeated by a fall-back overlap takes the earlier instant.
 */
export function zonedTime(
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timeZone: string,
): Date {
  const { year, month, day } = date;
  return new Date(
    zonedToUtc({ year, month, day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 }, timeZone),
  );
}

/** Adds whole calendar days to a local date (no zone involved). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A date and time as the recipient reads it, in their zone, with the zone named. */
export function formatForRecipient(instant: Date, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}
