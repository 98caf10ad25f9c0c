import { wallTimeToUtc } from './time-zones';

/** A calendar day as a date input gives it; the functions below turn it into instants where the viewer is. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The first instant of a calendar day in a time zone, or null for text that is no day. */
export function startOfDay(day: string, timeZone: string): string | null {
  return DAY.test(day) ? wallTimeToUtc(`${day}T00:00`, timeZone) : null;
}

/** The last instant (to the millisecond) of a calendar day in a time zone, or null for text that is no day. */
export function endOfDay(day: string, timeZone: string): string | null {
  if (!DAY.test(day) || !startOfDay(day, timeZone)) return null;
  const next = startOfDay(nextDay(day), timeZone);
  return next === null ? null : new Date(Date.parse(next) - 1).toISOString();
}

/**
 * The `asOf` for a picked day: the end of that day where the viewer is. The API refuses a moment in the future, so a
 * day that has not ended yet (today) asks for "now" by leaving `asOf` out.
 */
export function asOfForDay(day: string, timeZone: string, now: Date): string | undefined {
  const end = endOfDay(day, timeZone);
  if (end === null || Date.parse(end) >= now.getTime()) return undefined;
  return end;
}
