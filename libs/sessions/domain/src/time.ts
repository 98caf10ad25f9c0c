import { isRealDate } from '@trellis/sessions/contracts';
import { DomainError, isIanaTimeZone, offsetMinutes, zonedDate, zonedParts, zonedToUtc } from '@trellis/shared/kernel';

export { offsetMinutes, zonedParts, zonedToUtc, type LocalDateTime, type ZonedParts } from '@trellis/shared/kernel';

/**
 * Time rules of the sessions domain: instants are stored in UTC, each session keeps its organizer's IANA zone, and
 * every viewer sees the times in their own zone.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z$/;

/** Parses a UTC ISO instant (`Z` suffix required, so a local time can never pass for UTC); returns epoch ms. */
export function parseUtcInstant(value: unknown, field: string): number {
  const match = typeof value === 'string' ? UTC_INSTANT.exec(value) : null;
  const ms = match ? Date.parse(value as string) : NaN;
  const roundTrips =
    match !== null &&
    !Number.isNaN(ms) &&
    new Date(ms).getUTCDate() === Number(match[3]) &&
    new Date(ms).getUTCMonth() + 1 === Number(match[2]);
  if (!roundTrips) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a UTC date and time such as 2026-03-30T16:00:00Z.`, {
      field,
    });
  }
  return ms;
}

/** Canonical storage form of an instant. */
export const toUtcIso = (ms: number): string => new Date(ms).toISOString();

export function assertTimeZone(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isIanaTimeZone(value)) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be an IANA time zone such as Europe/Berlin.`, { field });
  }
  return value;
}

export function assertLocalDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isRealDate(value)) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a calendar date such as 2026-09-30.`, { field });
  }
  return value;
}

/** The calendar date of an instant in a zone, YYYY-MM-DD. */
export const localDate = zonedDate;

export interface ViewerTime {
  /** The viewer's zone. */
  timeZone: string;
  date: string;
  time: string;
  /** UTC offset at that instant, e.g. +02:00. */
  offset: string;
  /** Human text in the viewer's locale, e.g. "Monday 30 March 2026 at 18:00". */
  text: string;
}

/** How one instant reads for a viewer in their own zone and locale. */
export function forViewer(utcIso: string, viewerTimeZone: string, locale = 'en-GB'): ViewerTime {
  const ms = parseUtcInstant(utcIso, 'time');
  const timeZone = assertTimeZone(viewerTimeZone, 'viewer time zone');
  const p = zonedParts(ms, timeZone);
  const offset = offsetMinutes(ms, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return {
    timeZone,
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
    offset: `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`,
    text: new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(ms),
  };
}

/**
 * Weekly occurrences that keep the organizer's local wall-clock time across daylight-saving changes (a 18:00
 * Berlin meeting stays at 18:00 Berlin, so it moves by an hour in UTC) and keep the duration.
 */
export function weeklyOccurrences(
  first: { startsAt: string; endsAt: string },
  timeZone: string,
  count: number,
): Array<{ startsAt: string; endsAt: string }> {
  const start = parseUtcInstant(first.startsAt, 'startsAt');
  const duration = parseUtcInstant(first.endsAt, 'endsAt') - start;
  const zone = assertTimeZone(timeZone, 'timezone');
  const local = zonedParts(start, zone);
  const result: Array<{ startsAt: string; endsAt: string }> = [];
  for (let week = 0; week < count; week++) {
    // Date.UTC normalises day overflow (31 March + 7 → 7 April) without touching the wall-clock time.
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + 7 * week));
    const startMs = zonedToUtc(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour: local.hour,
        minute: local.minute,
      },
      zone,
    );
    result.push({ startsAt: toUtcIso(startMs), endsAt: toUtcIso(startMs + duration) });
  }
  return result;
}

/** Whole days from date a to date b (YYYY-MM-DD), negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

const pad = (n: number): string => String(n).padStart(2, '0');

export const MS = { MINUTE, DAY } as const;
