import { personFeedIcs, sessionIcs, type CalendarPresentation } from './calendar';
import { sessionDecider, type SessionCommand, type SessionState } from './session.decider';
import { sealed } from './testing/sealed.fixture';
import { parseIcs, prop, propValue, unescapeText, type IcsComponent } from './testing/ics-parser';

const options = { uidDomain: 'trellis.test', now: '2026-03-02T09:00:00Z' };
const free = { busy: [], availability: [], overrideAvailability: false };
const summary = 'Mentoring: career plan; next steps, “Q2” — Zoë 🚀';
const description = `Agenda:\n1. Review goals, progress; blockers\n2. ${'A long line that must be folded. '.repeat(6)}`;
const presentation: CalendarPresentation = {
  summary,
  description,
  location: 'https://meet.example/abc?x=1,2',
  organizer: { name: 'Ana Mentor', email: 'ana@example.test' },
  attendees: [{ personId: 'p-mentee', name: 'Ben Mentee', email: 'ben@example.test' }],
};

function run(commands: SessionCommand[]): SessionState {
  return commands.reduce(
    (state, command) => sessionDecider.decide(command, state).reduce(sessionDecider.evolve, state),
    sessionDecider.initialState(),
  );
}

const schedule: SessionCommand = {
  type: 'ScheduleSession',
  actor: 'p-mentor',
  now: '2026-03-02T09:00:00Z',
  sessionId: 's-1',
  programId: 'prog-1',
  kind: 'one-on-one',
  mentorshipId: 'm-1',
  pair: { mentorPersonId: 'p-mentor', menteePersonId: 'p-mentee' },
  inviteePersonIds: ['p-mentee'],
  mode: 'virtual',
  meetingLink: sealed('link'),
  startsAt: '2026-03-10T16:00:00Z',
  endsAt: '2026-03-10T17:00:00Z',
  timezone: 'Europe/Berlin',
  scheduling: free,
};
const reschedule: SessionCommand = {
  type: 'RescheduleSession',
  actor: 'p-mentee',
  now: '2026-03-03T09:00:00Z',
  startsAt: '2026-03-12T17:30:00Z',
  endsAt: '2026-03-12T18:30:00Z',
  scheduling: free,
};
const cancel: SessionCommand = {
  type: 'CancelSession',
  actor: 'p-mentor',
  now: '2026-03-04T09:00:00Z',
  reason: 'illness',
};

const onlyEvent = (calendar: IcsComponent): IcsComponent => {
  expect(calendar.components.map((c) => c.type)).toEqual(['VEVENT']);
  return calendar.components[0]!;
};

describe('iCalendar for a session', () => {
  it('is valid RFC 5545 text: CRLF everywhere, lines folded at 75 octets, TEXT escaped', () => {
    const text = sessionIcs(run([schedule]), presentation, options);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lengths = text.split('\r\n').map((line) => Buffer.byteLength(line, 'utf8'));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(75);
    expect(text).toContain('\r\n '); // the description really was folded
    const calendar = parseIcs(text);
    expect(calendar.type).toBe('VCALENDAR');
    expect(propValue(calendar, 'VERSION')).toBe('2.0');
    expect(propValue(calendar, 'PRODID')).toBe('-//Trellis//Sessions//EN');
    const event = onlyEvent(calendar);
    expect(unescapeText(propValue(event, 'SUMMARY')!)).toBe(summary);
    expect(unescapeText(propValue(event, 'DESCRIPTION')!)).toBe(description);
    expect(unescapeText(propValue(event, 'LOCATION')!)).toBe(presentation.location);
    expect(propValue(event, 'SUMMARY')).toContain('\\;');
    expect(propValue(event, 'SUMMARY')).toContain('\\,');
  });

  it('invites with METHOD:REQUEST, a stable UID, SEQUENCE 0, times in UTC and the organizer and attendees', () => {
    const calendar = parseIcs(sessionIcs(run([schedule]), presentation, options));
    expect(propValue(calendar, 'METHOD')).toBe('REQUEST');
    const event = onlyEvent(calendar);
    expect(propValue(event, 'UID')).toBe('session-s-1@trellis.test');
    expect(propValue(event, 'SEQUENCE')).toBe('0');
    expect(propValue(event, 'DTSTART')).toBe('20260310T160000Z');
    expect(propValue(event, 'DTEND')).toBe('20260310T170000Z');
    expect(propValue(event, 'DTSTAMP')).toBe('20260302T090000Z');
    expect(propValue(event, 'STATUS')).toBe('CONFIRMED');
    expect(prop(event, 'ORGANIZER')).toMatchObject({ value: 'mailto:ana@example.test', params: { CN: 'Ana Mentor' } });
    expect(prop(event, 'ATTENDEE')).toMatchObject({
      value: 'MAILTO:ben@example.test',
      params: { PARTSTAT: 'NEEDS-ACTION', RSVP: 'TRUE', CN: 'Ben Mentee' },
    });
  });

  it('keeps the UID and raises SEQUENCE when rescheduled, then cancels the same UID with METHOD:CANCEL', () => {
    const first = onlyEvent(parseIcs(sessionIcs(run([schedule]), presentation, options)));
    const movedCalendar = parseIcs(sessionIcs(run([schedule, reschedule]), presentation, options));
    const moved = onlyEvent(movedCalendar);
    const cancelledCalendar = parseIcs(sessionIcs(run([schedule, reschedule, cancel]), presentation, options));
    const cancelled = onlyEvent(cancelledCalendar);
    expect([first, moved, cancelled].map((e) => propValue(e, 'UID'))).toEqual(
      Array(3).fill('session-s-1@trellis.test'),
    );
    expect([first, moved, cancelled].map((e) => Number(propValue(e, 'SEQUENCE')))).toEqual([0, 1, 2]);
    expect(propValue(movedCalendar, 'METHOD')).toBe('REQUEST');
    expect(propValue(moved, 'DTSTART')).toBe('20260312T173000Z');
    expect(propValue(cancelledCalendar, 'METHOD')).toBe('CANCEL');
    expect(propValue(cancelled, 'STATUS')).toBe('CANCELLED');
  });

  it('shows each invitee’s RSVP as PARTSTAT', () => {
    const accepted = run([
      schedule,
      { type: 'RespondToInvitation', actor: 'p-mentee', now: '2026-03-02T10:00:00Z', response: 'accepted' },
    ]);
    const event = onlyEvent(parseIcs(sessionIcs(accepted, presentation, options)));
    expect(prop(event, 'ATTENDEE')?.params['PARTSTAT']).toBe('ACCEPTED');
  });
});

describe('a person’s calendar feed', () => {
  const other = run([
    { ...schedule, sessionId: 's-2', startsAt: '2026-03-09T16:00:00Z', endsAt: '2026-03-09T17:00:00Z' },
  ]);
  const strangers = run([
    {
      ...schedule,
      sessionId: 's-3',
      actor: 'p-x',
      pair: { mentorPersonId: 'p-x', menteePersonId: 'p-y' },
      inviteePersonIds: ['p-y'],
    },
  ]);
  const cancelled = run([schedule, cancel]);

  it('publishes the person’s sessions in time order, cancelled ones marked, other people’s left out', () => {
    const text = personFeedIcs(
      'p-mentee',
      [cancelled, other, strangers].map((session) => ({ session, presentation: { summary: 'Mentoring' } })),
      options,
    );
    const calendar = parseIcs(text);
    expect(propValue(calendar, 'METHOD')).toBe('PUBLISH');
    expect(propValue(calendar, 'X-WR-CALNAME')).toBe('Trellis sessions');
    expect(
      calendar.components.map((e) => [propValue(e, 'UID'), propValue(e, 'STATUS'), propValue(e, 'SEQUENCE')]),
    ).toEqual([
      ['session-s-2@trellis.test', 'CONFIRMED', '0'],
      ['session-s-1@trellis.test', 'CANCELLED', '1'],
    ]);
  });

  it('is an empty but valid calendar for someone without sessions', () => {
    const calendar = parseIcs(personFeedIcs('p-nobody', [{ session: other, presentation: { summary: 'x' } }], options));
    expect(calendar.components).toEqual([]);
  });
});
