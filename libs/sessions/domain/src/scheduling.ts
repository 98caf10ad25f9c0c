import { DomainError } from '@trellis/shared/kernel';
import { MS, parseUtcInstant, toUtcIso, zonedParts } from './time';

/**
 * Scheduling rules for one session time: in the future, within duration bounds, no overlap with another session of
 * any attendee, inside each attendee's stated availability unless the organizer overrides it. The other sessions
 * and the availability come from read models the app passes in, so the rule stays pure.
 */

export interface SchedulingPolicy {
  minDurationMinutes: number;
  maxDurationMinutes: number;
  /** How far ahead a session may be booked. */
  maxDaysAhead: number;
}

export const DEFAULT_SCHEDULING_POLICY: SchedulingPolicy = {
  minDurationMinutes: 15,
  maxDurationMinutes: 8 * 60,
  maxDaysAhead: 366,
};

/** Another session an attendee already has (not cancelled). */
export interface BusySlot {
  sessionId: string;
  startsAt: string;
  endsAt: string;
  personIds: string[];
}

/** A weekly window in the person's own zone: day 0 = Monday, minutes from local midnight (end ≤ 1440). */
export interface AvailabilityWindow {
  day: number;
  startMinute: number;
  endMinute: number;
}

export interface PersonAvailability {
  personId: string;
  timeZone: string;
  windows: AvailabilityWindow[];
}

export interface SchedulingContext {
  busy: BusySlot[];
  /** People without an entry (or with no windows) stated no availability: any time suits them. */
  availability: PersonAvailability[];
  /** The organizer confirmed a time outside someone's stated availability. */
  overrideAvailability: boolean;
  policy?: Partial<SchedulingPolicy>;
}

export interface ProposedTime {
  startsAt: string;
  endsAt: string;
}

/** Validates a time for the given attendees; returns it in canonical UTC form. */
export function checkSessionTime(
  time: ProposedTime,
  attendeePersonIds: string[],
  now: string,
  context: SchedulingContext,
  ownSessionId: string,
): { startsAt: string; endsAt: string } {
  const policy = { ...DEFAULT_SCHEDULING_POLICY, ...context.policy };
  const start = parseUtcInstant(time.startsAt, 'startsAt');
  const end = parseUtcInstant(time.endsAt, 'endsAt');
  const nowMs = parseUtcInstant(now, 'now');
  if (start <= nowMs) {
    throw new DomainError('BAD_USER_INPUT', 'A session must start in the future.', { field: 'startsAt' });
  }
  if (start > nowMs + policy.maxDaysAhead * MS.DAY) {
    throw new DomainError('BAD_USER_INPUT', `A session can be booked at most ${policy.maxDaysAhead} days ahead.`, {
      field: 'startsAt',
    });
  }
  const minutes = (end - start) / MS.MINUTE;
  if (minutes < policy.minDurationMinutes || minutes > policy.maxDurationMinutes) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `A session lasts from ${policy.minDurationMinutes} minutes to ${policy.maxDurationMinutes / 60} hours; this one would last ${Math.round(minutes)} minutes.`,
      { field: 'endsAt' },
    );
  }

  const attendees = new Set(attendeePersonIds);
  assertNoClash(context.busy, attendeePersonIds, start, end, ownSessionId);

  if (!context.overrideAvailability) {
    const outside = context.availability
      .filter((a) => attendees.has(a.personId) && a.windows.length > 0)
      .filter((a) => !withinAvailability(start, end, a))
      .sort((a, b) => a.personId.localeCompare(b.personId));
    if (outside.length > 0) {
      // The organizer needs to see which window was missed to pick another time; ids and times only, no names.
      const described = outside.map((a) => describeAvailability(a)).join('; ');
      throw new DomainError(
        'CONFLICT',
        `This time is outside the stated availability of ${outside.length === 1 ? 'one attendee' : `${outside.length} attendees`} (${described}); choose another time or confirm to schedule it anyway.`,
        {
          outsideAvailabilityPersonIds: outside.map((a) => a.personId),
          outsideAvailability: outside.map((a) => ({ personId: a.personId, timeZone: a.timeZone, windows: a.windows })),
        },
      );
    }
  }
  return { startsAt: toUtcIso(start), endsAt: toUtcIso(end) };
}

/** True when [start, end) fits inside one weekly window, read in the person's zone on the session's local day. */
export function withinAvailability(start: number, end: number, availability: PersonAvailability): boolean {
  const from = zonedParts(start, availability.timeZone);
  const to = zonedParts(end, availability.timeZone);
  const startMinute = from.hour * 60 + from.minute;
  const sameDay = from.year === to.year && from.month === to.month && from.day === to.day;
  // A session ending exactly at local midnight still belongs to the day it started.
  const endsAtMidnight = !sameDay && to.hour === 0 && to.minute === 0 && end - start <= MS.DAY;
  if (!sameDay && !endsAtMidnight) return false;
  const endMinute = endsAtMidnight ? 24 * 60 : to.hour * 60 + to.minute;
  return availability.windows.some(
    (w) => w.day === from.weekday && w.startMinute <= startMinute && endMinute <= w.endMinute,
  );
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** "available Mon 09:00–12:00, Wed 14:00–18:00 (America/New_York)". */
export function describeAvailability(availability: PersonAvailability): string {
  const windows = [...availability.windows]
    .sort((a, b) => a.day - b.day || a.startMinute - b.startMinute)
    .map((w) => `${DAY_NAMES[w.day] ?? `day ${w.day}`} ${hhmm(w.startMinute)}–${hhmm(w.endMinute)}`);
  return `available ${windows.join(', ')} (${availability.timeZone})`;
}

/**
 * Profiles states availability as ISO weekdays (1 = Monday … 7 = Sunday) in the participant's own zone; the
 * scheduling rules count days from 0 = Monday. Windows that make no sense (bad day, empty or past midnight) are
 * dropped rather than trusted, so a malformed profile never blocks or allows a time by accident.
 */
export function availabilityFromProfile(
  personId: string,
  profile: { timezone: string; availability: Array<{ day: number; startMinute: number; endMinute: number }> },
): PersonAvailability {
  return {
    personId,
    timeZone: profile.timezone,
    windows: profile.availability
      .filter(
        (w) =>
          Number.isInteger(w.day) &&
          w.day >= 1 &&
          w.day <= 7 &&
          w.startMinute >= 0 &&
          w.endMinute <= 24 * 60 &&
          w.startMinute < w.endMinute,
      )
      .map((w) => ({ day: w.day - 1, startMinute: w.startMinute, endMinute: w.endMinute })),
  };
}

/** Throws CONFLICT naming the earliest other session of any attendee that overlaps [start, end). */
export function assertNoClash(
  busy: BusySlot[],
  attendeePersonIds: string[],
  start: number,
  end: number,
  ownSessionId: string,
): void {
  const attendees = new Set(attendeePersonIds);
  const clash = busy
    .filter((slot) => slot.sessionId !== ownSessionId && slot.personIds.some((p) => attendees.has(p)))
    .map((slot) => ({
      slot,
      start: parseUtcInstant(slot.startsAt, 'busy startsAt'),
      end: parseUtcInstant(slot.endsAt, 'busy endsAt'),
    }))
    // Back-to-back sessions touch but do not overlap.
    .filter((s) => s.start < end && start < s.end)
    .sort((a, b) => a.start - b.start || a.slot.sessionId.localeCompare(b.slot.sessionId))[0];
  if (clash) {
    const personIds = clash.slot.personIds.filter((p) => attendees.has(p)).sort();
    throw new DomainError(
      'CONFLICT',
      `This time overlaps session ${clash.slot.sessionId} (${toUtcIso(clash.start)} to ${toUtcIso(clash.end)} UTC), which ${personIds.length === 1 ? 'an attendee is' : `${personIds.length} attendees are`} already booked for.`,
      { clashingSessionId: clash.slot.sessionId, personIds },
    );
  }
}
