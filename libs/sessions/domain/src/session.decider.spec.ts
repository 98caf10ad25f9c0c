import type { SchedulingContext } from './scheduling';
import {
  canReadFeedback,
  canReadPrivateNote,
  sessionDecider,
  type SessionCommand,
  type SessionEvent,
} from './session.decider';
import { scenario, sealed } from './testing/decider-scenario';

const session = scenario(sessionDecider);
const mentor = 'p-mentor';
const mentee = 'p-mentee';
const stranger = 'p-stranger';
const now = '2026-03-02T09:00:00.000Z';
const startsAt = '2026-03-10T16:00:00.000Z';
const endsAt = '2026-03-10T17:00:00.000Z';
const during = '2026-03-10T16:30:00.000Z';
const after = '2026-03-10T17:10:00.000Z';
const free: SchedulingContext = { busy: [], availability: [], overrideAvailability: false };
const ref = { sessionId: 's-1', mentorshipId: 'm-1' };

const schedule = (fields: Partial<Extract<SessionCommand, { type: 'ScheduleSession' }>> = {}): SessionCommand => ({
  type: 'ScheduleSession',
  actor: mentor,
  now,
  sessionId: 's-1',
  programId: 'prog-1',
  kind: 'one-on-one',
  mentorshipId: 'm-1',
  pair: { mentorPersonId: mentor, menteePersonId: mentee },
  inviteePersonIds: [mentee],
  mode: 'virtual',
  meetingLink: sealed('https://meet.example/abc'),
  startsAt,
  endsAt,
  timezone: 'Europe/Berlin',
  scheduling: free,
  ...fields,
});
const scheduled: SessionEvent = {
  type: 'SessionScheduled',
  ...ref,
  programId: 'prog-1',
  kind: 'one-on-one',
  hostPersonId: mentor,
  inviteePersonIds: [mentee],
  attendeePersonIds: [mentor, mentee],
  capacity: 2,
  mode: 'virtual',
  place: sealed('https://meet.example/abc'),
  startsAt,
  endsAt,
  timezone: 'Europe/Berlin',
  sequence: 0,
  availabilityOverridden: false,
  scheduledAt: now,
};
const group: SessionEvent = {
  type: 'SessionScheduled',
  sessionId: 'g-1',
  programId: 'prog-1',
  kind: 'group',
  circleId: 'c-1',
  hostPersonId: mentor,
  inviteePersonIds: ['p-a', 'p-b', 'p-c'],
  attendeePersonIds: [mentor, 'p-a', 'p-b', 'p-c'],
  capacity: 3,
  mode: 'in-person',
  place: sealed('Room 4'),
  startsAt,
  endsAt,
  timezone: 'Europe/Berlin',
  sequence: 0,
  availabilityOverridden: false,
  scheduledAt: now,
};
const completed = (
  attendance: Array<[string, 'attended' | 'late' | 'left-early' | 'absent']>,
): Extract<SessionEvent, { type: 'SessionCompleted' }> => ({
  type: 'SessionCompleted',
  ...ref,
  kind: 'one-on-one',
  hostPersonId: mentor,
  completedByPersonId: mentor,
  attendance: attendance.map(([personId, status]) => ({ personId, status })),
  attendedPersonIds: attendance.filter(([, s]) => s !== 'absent').map(([p]) => p),
  startsAt,
  endsAt,
  completedAt: after,
});
const bothCame = completed([
  [mentor, 'attended'],
  [mentee, 'attended'],
]);
const act = (type: SessionCommand['type'], fields: Record<string, unknown> = {}, actor = mentor, at = now) =>
  ({ type, actor, now: at, ...fields }) as SessionCommand;

describe('Session decider', () => {
  describe('ScheduleSession', () => {
    it('schedules a one-on-one between the pair, stored in UTC with the organizer’s zone, sequence 0', () => {
      session.given([]).when(schedule()).then([scheduled]);
    });

    it('normalises the times to canonical UTC', () => {
      const events = session
        .given([])
        .when(schedule({ startsAt: '2026-03-10T16:00Z', endsAt: '2026-03-10T17:00:00Z' }))
        .events();
      expect(events[0]).toMatchObject({ startsAt, endsAt });
    });

    it('refuses a time in the past or right now', () => {
      session
        .given([])
        .when(schedule({ startsAt: '2026-03-01T16:00:00Z', endsAt: '2026-03-01T17:00:00Z' }))
        .thenError('BAD_USER_INPUT', /future/);
      session
        .given([])
        .when(schedule({ startsAt: now, endsAt: '2026-03-02T10:00:00Z' }))
        .thenError('BAD_USER_INPUT', /future/);
    });

    it('refuses local times passed as UTC and unknown zones', () => {
      session
        .given([])
        .when(schedule({ startsAt: '2026-03-10T17:00:00+01:00' }))
        .thenError('BAD_USER_INPUT', /UTC/);
      session
        .given([])
        .when(schedule({ startsAt: '2026-03-10 16:00' }))
        .thenError('BAD_USER_INPUT', /UTC/);
      session
        .given([])
        .when(schedule({ startsAt: '2026-02-30T16:00:00Z' }))
        .thenError('BAD_USER_INPUT', /UTC/);
      session
        .given([])
        .when(schedule({ timezone: 'Europe/Atlantis' }))
        .thenError('BAD_USER_INPUT', /IANA/);
    });

    it('keeps the duration within bounds', () => {
      session
        .given([])
        .when(schedule({ endsAt: '2026-03-10T16:10:00Z' }))
        .thenError('BAD_USER_INPUT', /15 minutes to 8 hours.*10 minutes/);
      session
        .given([])
        .when(schedule({ endsAt: '2026-03-11T01:00:00Z' }))
        .thenError('BAD_USER_INPUT', /540 minutes/);
      session
        .given([])
        .when(schedule({ endsAt: startsAt }))
        .thenError('BAD_USER_INPUT', /0 minutes/);
      session
        .given([])
        .when(schedule({ endsAt: '2026-03-10T16:10:00Z', scheduling: { ...free, policy: { minDurationMinutes: 5 } } }))
        .events();
    });

    it('refuses booking more than a year ahead', () => {
      session
        .given([])
        .when(schedule({ startsAt: '2027-06-01T16:00:00Z', endsAt: '2027-06-01T17:00:00Z' }))
        .thenError('BAD_USER_INPUT', /366 days/);
    });

    it('refuses an overlap with another session of any attendee and names the clashing session', () => {
      const busy = [
        {
          sessionId: 's-other',
          startsAt: '2026-03-10T16:30:00Z',
          endsAt: '2026-03-10T17:30:00Z',
          personIds: [mentee, 'p-x'],
        },
        { sessionId: 's-later', startsAt: '2026-03-10T16:45:00Z', endsAt: '2026-03-10T18:00:00Z', personIds: [mentee] },
      ];
      const error = session
        .given([])
        .when(schedule({ scheduling: { ...free, busy } }))
        .thenError('CONFLICT', /overlaps session s-other \(2026-03-10T16:30:00.000Z to 2026-03-10T17:30:00.000Z UTC\)/);
      expect(error.details).toEqual({ clashingSessionId: 's-other', personIds: [mentee] });
    });

    it('allows back-to-back sessions and ignores other people’s sessions', () => {
      const busy = [
        { sessionId: 's-before', startsAt: '2026-03-10T15:00:00Z', endsAt: startsAt, personIds: [mentor] },
        { sessionId: 's-after', startsAt: endsAt, endsAt: '2026-03-10T18:00:00Z', personIds: [mentee] },
        { sessionId: 's-same-time', startsAt, endsAt, personIds: ['p-x'] },
      ];
      session
        .given([])
        .when(schedule({ scheduling: { ...free, busy } }))
        .then([scheduled]);
    });

    it('outside someone’s stated availability needs an explicit override', () => {
      // Mentee in New York is available Tuesdays 09:00–12:00 local; 16:00 UTC on 10 March 2026 is 12:00 EDT (DST began 8 March).
      const availability = [
        {
          personId: mentee,
          timeZone: 'America/New_York',
          windows: [{ day: 1, startMinute: 9 * 60, endMinute: 12 * 60 }],
        },
      ];
      const error = session
        .given([])
        .when(schedule({ scheduling: { ...free, availability } }))
        .thenError(
          'CONFLICT',
          /outside the stated availability of one attendee \(available Tue 09:00–12:00 \(America\/New_York\)\)/,
        );
      expect(error.details).toEqual({
        outsideAvailabilityPersonIds: [mentee],
        outsideAvailability: [{ personId: mentee, timeZone: 'America/New_York', windows: availability[0]!.windows }],
      });
      const events = session
        .given([])
        .when(schedule({ scheduling: { ...free, availability, overrideAvailability: true } }))
        .events();
      expect(events[0]).toMatchObject({ availabilityOverridden: true });
      // One week earlier (before the US change) the same UTC time is 11:00 EST: inside the window.
      const earlier = {
        startsAt: '2026-03-03T16:00:00Z',
        endsAt: '2026-03-03T17:00:00Z',
        scheduling: { ...free, availability },
      };
      expect(session.given([]).when(schedule(earlier)).events()[0]).toMatchObject({
        startsAt: '2026-03-03T16:00:00.000Z',
      });
    });

    it('one-on-one is only between the mentorship’s pair, scheduled by one of them', () => {
      session
        .given([])
        .when(schedule({ actor: stranger }))
        .thenError('FORBIDDEN', /mentor or the mentee/);
      session
        .given([])
        .when(schedule({ inviteePersonIds: [stranger] }))
        .thenError('BAD_USER_INPUT', /between the mentor and the mentee/);
      session
        .given([])
        .when(schedule({ inviteePersonIds: [mentee, stranger] }))
        .thenError('BAD_USER_INPUT', /between the mentor and the mentee/);
      session
        .given([])
        .when(schedule({ pair: undefined }))
        .thenError('NOT_FOUND', /mentorship/);
      session
        .given([])
        .when(schedule({ inviteePersonIds: [mentor] }))
        .thenError('BAD_USER_INPUT', /do not invite yourself/);
      const byMentee = session
        .given([])
        .when(schedule({ actor: mentee, inviteePersonIds: [mentor] }))
        .events();
      expect(byMentee[0]).toMatchObject({ hostPersonId: mentee, attendeePersonIds: [mentee, mentor] });
    });

    it('group sessions have a host, invitees and a size limit', () => {
      const command = schedule({
        sessionId: 'g-1',
        kind: 'group',
        mentorshipId: undefined,
        pair: undefined,
        circleId: 'c-1',
        inviteePersonIds: ['p-a', 'p-b', 'p-c'],
        capacity: 3,
        mode: 'in-person',
        meetingLink: undefined,
        location: sealed('Room 4'),
      });
      session.given([]).when(command).then([group]);
      session
        .given([])
        .when({ ...command, capacity: 1 } as SessionCommand)
        .thenError('BAD_USER_INPUT', /capacity/);
      session
        .given([])
        .when({ ...command, capacity: undefined } as SessionCommand)
        .thenError('BAD_USER_INPUT', /capacity/);
      session
        .given([])
        .when({ ...command, inviteePersonIds: [] } as SessionCommand)
        .thenError('BAD_USER_INPUT', /at least one/);
      session
        .given([])
        .when({ ...command, inviteePersonIds: ['p-a', 'p-a'] } as SessionCommand)
        .thenError('BAD_USER_INPUT', /twice/);
    });

    it('virtual sessions need a link, in-person sessions a location', () => {
      session
        .given([])
        .when(schedule({ meetingLink: undefined }))
        .thenError('BAD_USER_INPUT', /Meeting link is required/);
      session
        .given([])
        .when(schedule({ location: sealed('Room 1') }))
        .thenError('BAD_USER_INPUT', /not a location/);
      session
        .given([])
        .when(schedule({ mode: 'in-person' }))
        .thenError('BAD_USER_INPUT', /not a meeting link/);
      session
        .given([])
        .when(schedule({ mode: 'in-person', meetingLink: undefined }))
        .thenError('BAD_USER_INPUT', /Location is required/);
      session
        .given([])
        .when(schedule({ mode: 'hybrid' as never }))
        .thenError('BAD_USER_INPUT', /mode/);
    });

    it('refuses a second schedule with the same id', () => {
      session
        .given([scheduled])
        .when(schedule())
        .thenError('CONFLICT', /already exists/);
    });
  });

  describe('RespondToInvitation', () => {
    it('records an RSVP from an invitee, quietly ignores the same answer twice', () => {
      const rsvp: SessionEvent = {
        type: 'RsvpGiven',
        ...ref,
        hostPersonId: mentor,
        personId: mentee,
        response: 'accepted',
        sequence: 0,
        respondedAt: now,
      };
      session
        .given([scheduled])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentee))
        .then([rsvp]);
      session
        .given([scheduled, rsvp])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentee))
        .then([]);
      const changed = session
        .given([scheduled, rsvp])
        .when(act('RespondToInvitation', { response: 'declined' }, mentee))
        .events();
      expect(changed[0]).toMatchObject({ response: 'declined' });
    });

    it('refuses the host, strangers, unknown answers, and answers after the end', () => {
      session
        .given([scheduled])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentor))
        .thenError('BAD_USER_INPUT', /hosting/);
      session
        .given([scheduled])
        .when(act('RespondToInvitation', { response: 'accepted' }, stranger))
        .thenError('FORBIDDEN');
      session
        .given([scheduled])
        .when(act('RespondToInvitation', { response: 'maybe' }, mentee))
        .thenError('BAD_USER_INPUT', /response/);
      session
        .given([scheduled])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentee, after))
        .thenError('CONFLICT', /over/);
      session
        .given([])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentee))
        .thenError('NOT_FOUND');
    });

    it('refuses acceptances beyond the group’s size limit (the host takes a place)', () => {
      const accepts = (personId: string): SessionEvent => ({
        type: 'RsvpGiven',
        sessionId: 'g-1',
        hostPersonId: mentor,
        personId,
        response: 'accepted',
        sequence: 0,
        respondedAt: now,
      });
      session
        .given([group])
        .when(act('RespondToInvitation', { response: 'accepted' }, 'p-a'))
        .then([accepts('p-a')]);
      session
        .given([group, accepts('p-a')])
        .when(act('RespondToInvitation', { response: 'accepted' }, 'p-b'))
        .then([accepts('p-b')]);
      session
        .given([group, accepts('p-a'), accepts('p-b')])
        .when(act('RespondToInvitation', { response: 'accepted' }, 'p-c'))
        .thenError('CONFLICT', /full \(3 places\)/);
      const declining = session
        .given([group, accepts('p-a'), accepts('p-b')])
        .when(act('RespondToInvitation', { response: 'declined' }, 'p-c'))
        .events();
      expect(declining).toHaveLength(1);
    });
  });

  describe('RescheduleSession', () => {
    const moved: SessionEvent = {
      type: 'SessionRescheduled',
      ...ref,
      hostPersonId: mentor,
      attendeePersonIds: [mentor, mentee],
      rescheduledByPersonId: mentee,
      previousStartsAt: startsAt,
      startsAt: '2026-03-12T16:00:00.000Z',
      endsAt: '2026-03-12T17:00:00.000Z',
      timezone: 'Europe/Berlin',
      sequence: 1,
      availabilityOverridden: false,
      rescheduledAt: now,
    };
    const reschedule = (fields: Record<string, unknown> = {}, actor = mentee) =>
      act(
        'RescheduleSession',
        { startsAt: '2026-03-12T16:00:00Z', endsAt: '2026-03-12T17:00:00Z', scheduling: free, ...fields },
        actor,
      );

    it('moves the session and increments the sequence; earlier RSVPs are void', () => {
      const rsvp: SessionEvent = {
        type: 'RsvpGiven',
        ...ref,
        hostPersonId: mentor,
        personId: mentee,
        response: 'accepted',
        sequence: 0,
        respondedAt: now,
      };
      const state = session.given([scheduled, rsvp]).when(reschedule()).then([moved]);
      expect(state).toMatchObject({ sequence: 1, rsvps: {} });
      const twice = session
        .given([scheduled, moved])
        .when(reschedule({ startsAt: '2026-03-13T16:00:00Z', endsAt: '2026-03-13T17:00:00Z' }))
        .events();
      expect(twice[0]).toMatchObject({ sequence: 2, previousStartsAt: '2026-03-12T16:00:00.000Z' });
    });

    it('applies the same rules as scheduling, ignoring the session’s own slot', () => {
      session
        .given([scheduled])
        .when(reschedule({ startsAt: '2026-03-01T16:00:00Z' }))
        .thenError('BAD_USER_INPUT', /future/);
      const ownSlot = [{ sessionId: 's-1', startsAt, endsAt, personIds: [mentor, mentee] }];
      const events = session
        .given([scheduled])
        .when(
          reschedule({
            startsAt: '2026-03-10T16:30:00Z',
            endsAt: '2026-03-10T17:30:00Z',
            scheduling: { ...free, busy: ownSlot },
          }),
        )
        .events();
      expect(events[0]).toMatchObject({ startsAt: '2026-03-10T16:30:00.000Z' });
      const clash = [
        { sessionId: 's-9', startsAt: '2026-03-12T16:30:00Z', endsAt: '2026-03-12T17:00:00Z', personIds: [mentor] },
      ];
      session
        .given([scheduled])
        .when(reschedule({ scheduling: { ...free, busy: clash } }))
        .thenError('CONFLICT', /s-9/);
    });

    it('does nothing when the time is unchanged', () => {
      session.given([scheduled]).when(reschedule({ startsAt, endsAt })).then([]);
    });

    it('in a group only the host moves the session; nobody moves a cancelled one', () => {
      session
        .given([group])
        .when(
          act(
            'RescheduleSession',
            { startsAt: '2026-03-12T16:00:00Z', endsAt: '2026-03-12T17:00:00Z', scheduling: free },
            'p-a',
          ),
        )
        .thenError('FORBIDDEN', /host/);
      const cancelled: SessionEvent = {
        type: 'SessionCancelled',
        ...ref,
        hostPersonId: mentor,
        attendeePersonIds: [mentor, mentee],
        cancelledByPersonId: mentor,
        reason: 'illness',
        startsAt,
        sequence: 1,
        cancelledAt: now,
      };
      session
        .given([scheduled, cancelled])
        .when(reschedule())
        .thenError('CONFLICT', /cancelled/);
    });
  });

  describe('CancelSession', () => {
    it('cancels with a reason code and increments the sequence', () => {
      const cancelled: SessionEvent = {
        type: 'SessionCancelled',
        ...ref,
        hostPersonId: mentor,
        attendeePersonIds: [mentor, mentee],
        cancelledByPersonId: mentee,
        reason: 'illness',
        startsAt,
        sequence: 1,
        cancelledAt: now,
      };
      const state = session
        .given([scheduled])
        .when(act('CancelSession', { reason: 'illness' }, mentee))
        .then([cancelled]);
      expect(state).toMatchObject({
        status: 'cancelled',
        sequence: 1,
        cancellation: { reason: 'illness', byPersonId: mentee },
      });
      session
        .given([scheduled, cancelled])
        .when(act('CancelSession', { reason: 'illness' }))
        .thenError('CONFLICT', /already cancelled/);
    });

    it('refuses unknown reasons, strangers and completed sessions', () => {
      session
        .given([scheduled])
        .when(act('CancelSession', { reason: 'meh' }))
        .thenError('BAD_USER_INPUT', /reason/);
      session
        .given([scheduled])
        .when(act('CancelSession', { reason: 'illness' }, stranger))
        .thenError('FORBIDDEN');
      session
        .given([scheduled, bothCame])
        .when(act('CancelSession', { reason: 'illness' }))
        .thenError('CONFLICT', /completed/);
    });
  });

  describe('attendance and completion', () => {
    it('records attendance once the session has started, for invited people only', () => {
      session
        .given([scheduled])
        .when(act('RecordAttendance', { attendance: [{ personId: mentee, status: 'late' }] }, mentor, during))
        .then([
          {
            type: 'AttendanceRecorded',
            ...ref,
            recordedByPersonId: mentor,
            attendance: [{ personId: mentee, status: 'late' }],
            recordedAt: during,
          },
        ]);
      session
        .given([scheduled])
        .when(act('RecordAttendance', { attendance: [{ personId: mentee, status: 'late' }] }))
        .thenError('CONFLICT', /started/);
      session
        .given([scheduled])
        .when(act('RecordAttendance', { attendance: [{ personId: stranger, status: 'attended' }] }, mentor, during))
        .thenError('BAD_USER_INPUT', /invited/);
      session
        .given([scheduled])
        .when(act('RecordAttendance', { attendance: [] }, mentor, during))
        .thenError('BAD_USER_INPUT');
    });

    it('completes with shared notes; unmarked attendees count as present unless they declined', () => {
      const declined: SessionEvent = {
        type: 'RsvpGiven',
        ...ref,
        hostPersonId: mentor,
        personId: mentee,
        response: 'declined',
        sequence: 0,
        respondedAt: now,
      };
      const done = session
        .given([scheduled])
        .when(act('CompleteSession', { sharedNotes: sealed('notes') }, mentor, after))
        .then([{ ...bothCame, sharedNotes: sealed('notes') }]);
      expect(done).toMatchObject({ status: 'completed', sharedNotes: { authorPersonId: mentor } });
      const events = session
        .given([scheduled, declined])
        .when(act('CompleteSession', {}, mentor, after))
        .events();
      expect(events[0]).toMatchObject({ attendedPersonIds: [mentor] });
      const marked = session
        .given([scheduled])
        .when(act('CompleteSession', { attendance: [{ personId: mentee, status: 'absent' }] }, mentor, after))
        .events();
      expect(marked[0]).toMatchObject({ attendedPersonIds: [mentor] });
    });

    it('refuses completing before the start, twice, or a cancelled session', () => {
      session
        .given([scheduled])
        .when(act('CompleteSession', {}))
        .thenError('CONFLICT', /once it has started/);
      session
        .given([scheduled, bothCame])
        .when(act('CompleteSession', {}, mentor, after))
        .thenError('CONFLICT', /already completed/);
      session
        .given([scheduled])
        .when(act('CompleteSession', {}, stranger, after))
        .thenError('FORBIDDEN');
    });
  });

  describe('notes', () => {
    it('shared notes are edited by their author only', () => {
      const withNotes: SessionEvent = { ...bothCame, sharedNotes: sealed('notes') };
      session
        .given([scheduled, withNotes])
        .when(act('WriteSharedNotes', { text: sealed('notes v2') }, mentor, after))
        .then([
          { type: 'SharedNotesWritten', ...ref, authorPersonId: mentor, text: sealed('notes v2'), writtenAt: after },
        ]);
      session
        .given([scheduled, withNotes])
        .when(act('WriteSharedNotes', { text: sealed('rewritten') }, mentee, after))
        .thenError('FORBIDDEN', /notes you wrote yourself/);
      session
        .given([scheduled])
        .when(act('WriteSharedNotes', { text: sealed('early') }, mentor))
        .thenError('CONFLICT', /completed/);
      session
        .given([scheduled, bothCame])
        .when(act('WriteSharedNotes', { text: sealed('x') }, stranger, after))
        .thenError('FORBIDDEN');
    });

    it('private notes belong to one attendee, who alone edits and reads them', () => {
      const note: SessionEvent = {
        type: 'PrivateNoteWritten',
        ...ref,
        noteId: 'n-1',
        authorPersonId: mentee,
        text: sealed('prep'),
        writtenAt: now,
      };
      const state = session
        .given([scheduled])
        .when(act('WritePrivateNote', { noteId: 'n-1', text: sealed('prep') }, mentee))
        .then([note]);
      session
        .given([scheduled, note])
        .when(act('WritePrivateNote', { noteId: 'n-1', text: sealed('mine') }, mentor))
        .thenError('FORBIDDEN', /notes you wrote yourself/);
      session
        .given([scheduled])
        .when(act('WritePrivateNote', { noteId: 'n-2', text: sealed('x') }, stranger))
        .thenError('FORBIDDEN');
      session
        .given([scheduled])
        .when(act('WritePrivateNote', { noteId: 'n-2' }, mentee))
        .thenError('BAD_USER_INPUT', /Notes is required/);
      expect(canReadPrivateNote(state, 'n-1', mentee)).toBe(true);
      expect(canReadPrivateNote(state, 'n-1', mentor)).toBe(false);
    });
  });

  describe('SubmitFeedback', () => {
    const feedback: SessionEvent = {
      type: 'FeedbackSubmitted',
      ...ref,
      hostPersonId: mentor,
      personId: mentee,
      rating: 5,
      wentWell: sealed('clear plan'),
      toImprove: sealed('more time'),
      submittedAt: after,
    };
    const give = (fields: Record<string, unknown> = {}, actor = mentee) =>
      act(
        'SubmitFeedback',
        { rating: 5, wentWell: sealed('clear plan'), toImprove: sealed('more time'), ...fields },
        actor,
        after,
      );

    it('takes one rating 1–5 with optional texts from each attendee after completion', () => {
      session.given([scheduled, bothCame]).when(give()).then([feedback]);
      session
        .given([scheduled, bothCame, feedback])
        .when(give())
        .thenError('CONFLICT', /already given feedback/);
      const fromHost = session
        .given([scheduled, bothCame, feedback])
        .when(give({ rating: 4 }, mentor))
        .events();
      expect(fromHost[0]).toMatchObject({ personId: mentor, rating: 4 });
    });

    it('refuses ratings outside 1–5 and fractions', () => {
      for (const rating of [0, 6, 4.5, '5']) {
        session
          .given([scheduled, bothCame])
          .when(give({ rating }))
          .thenError('BAD_USER_INPUT', /rating/);
      }
    });

    it('refuses feedback on a session not completed, not attended, or by someone not invited', () => {
      session
        .given([scheduled])
        .when(give())
        .thenError('CONFLICT', /once the session has been completed/);
      const menteeAbsent = completed([
        [mentor, 'attended'],
        [mentee, 'absent'],
      ]);
      session
        .given([scheduled, menteeAbsent])
        .when(give())
        .thenError('FORBIDDEN', /did not attend/);
      session
        .given([scheduled, bothCame])
        .when(give({}, stranger))
        .thenError('FORBIDDEN', /Only attendees/);
      const cancelled: SessionEvent = {
        type: 'SessionCancelled',
        ...ref,
        hostPersonId: mentor,
        attendeePersonIds: [mentor, mentee],
        cancelledByPersonId: mentor,
        reason: 'illness',
        startsAt,
        sequence: 1,
        cancelledAt: now,
      };
      session
        .given([scheduled, cancelled])
        .when(give())
        .thenError('CONFLICT', /cancelled/);
    });

    it('is visible per program policy; the author and program managers always see it', () => {
      const state = session.given([scheduled, bothCame, feedback]).state;
      const as = (personId: string, isProgramManager = false) => ({ personId, isProgramManager });
      expect(canReadFeedback(state, mentee, as(mentee), 'author-and-managers')).toBe(true);
      expect(canReadFeedback(state, mentee, as('p-pm', true), 'author-and-managers')).toBe(true);
      expect(canReadFeedback(state, mentee, as(mentor), 'author-and-managers')).toBe(false);
      expect(canReadFeedback(state, mentee, as(mentor), 'host-and-managers')).toBe(true);
      expect(canReadFeedback(state, mentee, as(stranger), 'all-attendees')).toBe(false);
      expect(canReadFeedback(state, mentor, as(mentor), 'all-attendees')).toBe(false);
    });
  });
});
