import { utcToWallTime, wallTimeToUtc } from '../../../lib/time-zones';

/** A session's time as the form holds it: a wall-clock start in a chosen zone and a length. */
export interface SessionTimeDraft {
  start: string;
  minutes: number | string;
  timeZone: string;
}

export interface SessionTimeInput {
  startsAt: string;
  endsAt: string;
  timezone: string;
}

/** The API's instants for the draft, or null while the start is not a complete, real time. */
export function toSessionTimeInput(draft: SessionTimeDraft): SessionTimeInput | null {
  const startsAt = wallTimeToUtc(draft.start, draft.timeZone);
  const minutes = Number(draft.minutes);
  if (!startsAt || !Number.isFinite(minutes) || minutes <= 0) return null;
  const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
  return { startsAt, endsAt, timezone: draft.timeZone };
}

/** The form's values for an existing session, to move it. */
export function draftOfSession(session: { startsAt: string; endsAt: string }, timeZone: string): SessionTimeDraft {
  return {
    start: utcToWallTime(session.startsAt, timeZone),
    minutes: Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000),
    timeZone,
  };
}

/** The next full hour at least a day ahead, in the zone: a sensible first suggestion that is never in the past. */
export function suggestedStart(now: Date, timeZone: string): string {
  const wall = utcToWallTime(new Date(now.getTime() + 24 * 3_600_000), timeZone);
  const [day, time] = wall.split('T') as [string, string];
  const hour = Math.min(Number(time.slice(0, 2)) + 1, 23);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}
