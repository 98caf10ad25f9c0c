import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalAttendeeData,
  type ICalCalendar,
} from 'ical-generator';
import { type RsvpResponse, sessionCalendarUid } from '@trellis/sessions/contracts';
import { sessionAttendees, type SessionState } from './session.decider';
import { parseUtcInstant } from './time';

/**
 * iCalendar (RFC 5545) for sessions, generated with ical-generator (CRLF line ends, lines folded at 75 octets, TEXT
 * escaping). The UID is fixed per session and SEQUENCE is the session's own sequence, so a calendar app updates the
 * same entry in place when the session is moved (REQUEST, higher SEQUENCE) or cancelled (CANCEL).
 *
 * Sessions store no names or emails and its free text is encrypted, so the app decrypts for the viewer and passes
 * what the entry shows as `CalendarPresentation`.
 */

export interface CalendarPresentation {
  summary: string;
  description?: string;
  /** Room or address (in person) — or the meeting link for a virtual session. */
  location?: string;
  url?: string;
  organizer?: { name: string; email: string };
  attendees?: Array<{ personId: string; name?: string; email: string }>;
}

export interface CalendarOptions {
  /** Right-hand side of every UID, e.g. the deployment's host name: UIDs must be globally unique. */
  uidDomain: string;
  /** DTSTAMP: when this iCalendar object was created. */
  now: string;
  prodId?: { company: string; product: string };
}

export type CalendarSession = Pick<
  SessionState,
  'sessionId' | 'status' | 'startsAt' | 'endsAt' | 'sequence' | 'hostPersonId' | 'inviteePersonIds' | 'rsvps'
>;

const PROD_ID = { company: 'Trellis', product: 'Sessions' };

/** The invitation (or cancellation) for one session: METHOD:REQUEST, or METHOD:CANCEL once it is cancelled. */
export function sessionIcs(
  session: CalendarSession,
  presentation: CalendarPresentation,
  options: CalendarOptions,
): string {
  const calendar = ical({
    prodId: options.prodId ?? PROD_ID,
    method: session.status === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  addEvent(calendar, session, presentation, options);
  return finish(calendar);
}

/**
 * A person's private calendar feed (subscribed by URL): every session they attend, cancelled ones included so
 * subscribed calendars drop them. Sessions the person is not part of are left out even if passed in.
 */
export function personFeedIcs(
  personId: string,
  entries: Array<{ session: CalendarSession; presentation: CalendarPresentation }>,
  options: CalendarOptions & { name?: string },
): string {
  const calendar = ical({
    prodId: options.prodId ?? PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: options.name ?? 'Trellis sessions',
  });
  const mine = entries
    .filter((e) => sessionAttendees(e.session).includes(personId))
    .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
  for (const entry of mine) addEvent(calendar, entry.session, entry.presentation, options);
  return finish(calendar);
}

function addEvent(
  calendar: ICalCalendar,
  session: CalendarSession,
  presentation: CalendarPresentation,
  options: CalendarOptions,
): void {
  if (session.status === 'none') throw new Error('A session that was never scheduled has no calendar entry');
  calendar.createEvent({
    id: sessionCalendarUid(session.sessionId, options.uidDomain),
    sequence: session.sequence,
    stamp: new Date(parseUtcInstant(options.now, 'now')),
    // No zone on the event: DTSTART/DTEND are written in UTC ("Z") and each calendar shows them in its own zone.
    start: new Date(parseUtcInstant(session.startsAt, 'startsAt')),
    end: new Date(parseUtcInstant(session.endsAt, 'endsAt')),
    summary: presentation.summary,
    description: presentation.description ?? null,
    location: presentation.location ?? null,
    url: presentation.url ?? null,
    status: session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: presentation.organizer ?? null,
    attendees: (presentation.attendees ?? [])
      .filter((a) => session.inviteePersonIds.includes(a.personId))
      .map(
        (a): ICalAttendeeData => ({
          email: a.email,
          name: a.name ?? null,
          role: ICalAttendeeRole.REQ,
          rsvp: true,
          status: partStat(session.rsvps[a.personId]),
        }),
      ),
  });
}

function partStat(response: RsvpResponse | undefined): ICalAttendeeStatus {
  switch (response) {
    case 'accepted':
      return ICalAttendeeStatus.ACCEPTED;
    case 'tentative':
      return ICalAttendeeStatus.TENTATIVE;
    case 'declined':
      return ICalAttendeeStatus.DECLINED;
    default:
      return ICalAttendeeStatus.NEEDSACTION;
  }
}

/** RFC 5545 §3.1: every content line ends with CRLF, the last one included. */
function finish(calendar: ICalCalendar): string {
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
