import { given } from '@trellis/shared/kernel/testing';
import type { SchedulingContext } from './scheduling';
import {
  canReadFeedback,
  canReadPrivateNote,
  sessionDecider,
  type SessionCommand,
  type SessionEvent,
} from './session.decider';
import { sealed } from './testing/sealed.fixture';

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
      given(sessionDecider, []).when(schedule()).then([scheduled]);
    });

    it('normalises the times to canonical UTC', () => {
      const events = given(sessionDecider, [])
        .when(schedule({ startsAt: '2026-03-10T16:00Z', endsAt: '2026-03-10T17:00:00Z' }))
        .produced();
      expect(events[0]).toMatchObject({ startsAt, endsAt });
    });

    it('refuses a time in the past or right now', () => {
      given(sessionDecider, [])
        .when(schedule({ startsAt: '2026-03-01T16:00:00Z', endsAt: '2026-03-01T17:00:00Z' }))
        .thenFails('BAD_USER_INPUT', /future/);
      given(sessionDecider, [])
        .when(schedule({ startsAt: now, endsAt: '2026-03-02T10:00:00Z' }))
        .thenFails('BAD_USER_INPUT', /future/);
    });

    it('refuses local times passed as UTC and unknown zones', () => {
      given(sessionDecider, [])
        .when(schedule({ startsAt: '2026-03-10T17:00:00+01:00' }))
        .thenFails('BAD_USER_INPUT', /UTC/);
      given(sessionDecider, [])
        .when(schedule({ startsAt: '2026-03-10 16:00' }))
        .thenFails('BAD_USER_INPUT', /UTC/);
      given(sessionDecider, [])
        .when(schedule({ startsAt: '2026-02-30T16:00:00Z' }))
        .thenFails('BAD_USER_INPUT', /UTC/);
      given(sessionDecider, [])
        .when(schedule({ timezone: 'Europe/Atlantis' }))
        .thenFails('BAD_USER_INPUT', /IANA/);
    });

    it('keeps the duration within bounds', () => {
      given(sessionDecider, [])
        .when(schedule({ endsAt: '2026-03-10T16:10:00Z' }))
        .thenFails('BAD_USER_INPUT', /15 minutes to 8 hours.*10 minutes/);
      given(sessionDecider, [])
        .when(schedule({ endsAt: '2026-03-11T01:00:00Z' }))
        .thenFails('BAD_USER_INPUT', /540 minutes/);
      given(sessionDecider, [])
        .when(schedule({ endsAt: startsAt }))
        .thenFails('BAD_USER_INPUT', /0 minutes/);
      given(sessionDecider, [])
        .when(schedule({ endsAt: '2026-03-10T16:10:00Z', scheduling: { ...free, policy: { minDurationMinutes: 5 } } }))
        .produced();
    });

    it('refuses booking more than a year ahead', () => {
      given(sessionDecider, [])
        .when(schedule({ startsAt: '2027-06-01T16:00:00Z', endsAt: '2027-06-01T17:00:00Z' }))
        .thenFails('BAD_USER_INPUT', /366 days/);
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
      const error = given(sessionDecider, [])
        .when(schedule({ scheduling: { ...free, busy } }))
        .thenFails('CONFLICT', /overlaps session s-other \(2026-03-10T16:30:00.000Z to 2026-03-10T17:30:00.000Z UTC\)/);
      expect(error.details).toEqual({ clashingSessionId: 's-other', personIds: [mentee] });
    });

    it('allows back-to-back sessions and ignores other people’s sessions', () => {
      const busy = [
        { sessionId: 's-before', startsAt: '2026-03-10T15:00:00Z', endsAt: startsAt, personIds: [mentor] },
        { sessionId: 's-after', startsAt: endsAt, endsAt: '2026-03-10T18:00:00Z', personIds: [mentee] },
        { sessionId: 's-same-time', startsAt, endsAt, personIds: ['p-x'] },
      ];
      given(sessionDecider, [])
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
      const error = given(sessionDecider, [])
        .when(schedule({ scheduling: { ...free, availability } }))
        .thenFails(
          'CONFLICT',
          /outside the stated availability of one attendee \(available Tue 09:00–12:00 \(America\/New_York\)\)/,
        );
      expect(error.details).toEqual({
        outsideAvailabilityPersonIds: [mentee],
        outsideAvailability: [{ personId: mentee, timeZone: 'America/New_York', windows: availability[0]!.windows }],
      });
      const events = given(sessionDecider, [])
        .when(schedule({ scheduling: { ...free, availability, overrideAvailability: true } }))
        .produced();
      expect(events[0]).toMatchObject({ availabilityOverridden: true });
      // One week earlier (before the US change) the same UTC time is 11:00 EST: inside the window.
      const earlier = {
        startsAt: '2026-03-03T16:00:00Z',
        endsAt: '2026-03-03T17:00:00Z',
        scheduling: { ...free, availability },
      };
      expect(given(sessionDecider, []).when(schedule(earlier)).produced()[0]).toMatchObject({
        startsAt: '2026-03-03T16:00:00.000Z',
      });
    });

    it('one-on-one is only between the mentorship’s pair, scheduled by one of them', () => {
      given(sessionDecider, [])
        .when(schedule({ actor: stranger }))
        .thenFails('FORBIDDEN', /mentor or the mentee/);
      given(sessionDecider, [])
        .when(schedule({ inviteePersonIds: [stranger] }))
        .thenFails('BAD_USER_INPUT', /between the mentor and the mentee/);
      given(sessionDecider, [])
        .when(schedule({ inviteePersonIds: [mentee, stranger] }))
        .thenFails('BAD_USER_INPUT', /between the mentor and the mentee/);
      given(sessionDecider, [])
        .when(schedule({ pair: undefined }))
        .thenFails('NOT_FOUND', /mentorship/);
      given(sessionDecider, [])
        .when(schedule({ inviteePersonIds: [mentor] }))
        .thenFails('BAD_USER_INPUT', /do not invite yourself/);
      const byMentee = given(sessionDecider, [])
        .when(schedule({ actor: mentee, inviteePersonIds: [mentor] }))
        .produced();
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
      given(sessionDecider, []).when(command).then([group]);
      given(sessionDecider, [])
        .when({ ...command, capacity: 1 } as SessionCommand)
        .thenFails('BAD_USER_INPUT', /capacity/);
      given(sessionDecider, [])
        .when({ ...command, capacity: undefined } as SessionCommand)
        .thenFails('BAD_USER_INPUT', /capacity/);
      given(sessionDecider, [])
        .when({ ...command, inviteePersonIds: [] } as SessionCommand)
        .thenFails('BAD_USER_INPUT', /at least one/);
      given(sessionDecider, [])
        .when({ ...command, inviteePersonIds: ['p-a', 'p-a'] } as SessionCommand)
        .thenFails('BAD_USER_INPUT', /twice/);
    });

    it('virtual sessions need a link, in-person sessions a location', () => {
      given(sessionDecider, [])
        .when(schedule({ meetingLink: undefined }))
        .thenFails('BAD_USER_INPUT', /Meeting link is required/);
      given(sessionDecider, [])
        .when(schedule({ location: sealed('Room 1') }))
        .thenFails('BAD_USER_INPUT', /not a location/);
      given(sessionDecider, [])
        .when(schedule({ mode: 'in-person' }))
        .thenFails('BAD_USER_INPUT', /not a meeting link/);
      given(sessionDecider, [])
        .when(schedule({ mode: 'in-person', meetingLink: undefined }))
        .thenFails('BAD_USER_INPUT', /Location is required/);
      given(sessionDecider, [])
        .when(schedule({ mode: 'hybrid' as never }))
        .thenFails('BAD_USER_INPUT', /mode/);
    });

    it('refuses a second schedule with the same id', () => {
      given(sessionDecider, [scheduled])
        .when(schedule())
        .thenFails('CONFLICT', /already exists/);
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
      given(sessionDecider, [scheduled])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentee))
        .then([rsvp]);
      given(sessionDecider, [scheduled, rsvp])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentee))
        .then([]);
      const changed = given(sessionDecider, [scheduled, rsvp])
        .when(act('RespondToInvitation', { response: 'declined' }, mentee))
        .produced();
      expect(changed[0]).toMatchObject({ response: 'declined' });
    });

    it('refuses the host, strangers, unknown answers, and answers after the end', () => {
      given(sessionDecider, [scheduled])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentor))
        .thenFails('BAD_USER_INPUT', /hosting/);
      given(sessionDecider, [scheduled])
        .when(act('RespondToInvitation', { response: 'accepted' }, stranger))
        .thenFails('FORBIDDEN');
      given(sessionDecider, [scheduled])
        .when(act('RespondToInvitation', { response: 'maybe' }, mentee))
        .thenFails('BAD_USER_INPUT', /response/);
      given(sessionDecider, [scheduled])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentee, after))
        .thenFails('CONFLICT', /over/);
      given(sessionDecider, [])
        .when(act('RespondToInvitation', { response: 'accepted' }, mentee))
        .thenFails('NOT_FOUND');
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
      given(sessionDecider, [group])
        .when(act('RespondToInvitation', { response: 'accepted' }, 'p-a'))
        .then([accepts('p-a')]);
      given(sessionDecider, [group, accepts('p-a')])
        .when(act('RespondToInvitation', { response: 'accepted' }, 'p-b'))
        .then([accepts('p-b')]);
      given(sessionDecider, [group, accepts('p-a'), accepts('p-b')])
        .when(act('RespondToInvitation', { response: 'accepted' }, 'p-c'))
        .thenFails('CONFLICT', /full \(3 places\)/);
      const declining = given(sessionDecider, [group, accepts('p-a'), accepts('p-b')])
        .when(act('RespondToInvitation', { response: 'declined' }, 'p-c'))
        .produced();
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
      const state = given(sessionDecider, [scheduled, rsvp]).when(reschedule()).then([moved]);
      expect(state).toMatchObject({ sequence: 1, rsvps: {} });
      const twice = given(sessionDecider, [scheduled, moved])
        .when(reschedule({ startsAt: '2026-03-13T16:00:00Z', endsAt: '2026-03-13T17:00:00Z' }))
        .produced();
      expect(twice[0]).toMatchObject({ sequence: 2, previousStartsAt: '2026-03-12T16:00:00.000Z' });
    });

    it('applies the same rules as scheduling, ignoring the session’s own slot', () => {
      given(sessionDecider, [scheduled])
        .when(reschedule({ startsAt: '2026-03-01T16:00:00Z' }))
        .thenFails('BAD_USER_INPUT', /future/);
      const ownSlot = [{ sessionId: 's-1', startsAt, endsAt, personIds: [mentor, mentee] }];
      const events = given(sessionDecider, [scheduled])
        .when(
          reschedule({
            startsAt: '2026-03-10T16:30:00Z',
            endsAt: '2026-03-10T17:30:00Z',
            scheduling: { ...free, busy: ownSlot },
          }),
        )
        .produced();
      expect(events[0]).toMatchObject({ startsAt: '2026-03-10T16:30:00.000Z' });
      const clash = [
        { sessionId: 's-9', startsAt: '2026-03-12T16:30:00Z', endsAt: '2026-03-12T17:00:00Z', personIds: [mentor] },
      ];
      given(sessionDecider, [scheduled])
        .when(reschedule({ scheduling: { ...free, busy: clash } }))
        .thenFails('CONFLICT', /s-9/);
    });

    it('does nothing when the time is unchanged', () => {
      given(sessionDecider, [scheduled]).when(reschedule({ startsAt, endsAt })).then([]);
    });

    it('in a group only the host moves the session; nobody moves a cancelled one', () => {
      given(sessionDecider, [group])
        .when(
          act(
            'RescheduleSession',
            { startsAt: '2026-03-12T16:00:00Z', endsAt: '2026-03-12T17:00:00Z', scheduling: free },
            'p-a',
          ),
        )
        .thenFails('FORBIDDEN', /host/);
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
      given(sessionDecider, [scheduled, cancelled])
        .when(reschedule())
        .thenFails('CONFLICT', /cancelled/);
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
      const state = given(sessionDecider, [scheduled])
        .when(act('CancelSession', { reason: 'illness' }, mentee))
        .then([cancelled]);
      expect(state).toMatchObject({
        status: 'cancelled',
        sequence: 1,
        cancellation: { reason: 'illness', byPersonId: mentee },
      });
      given(sessionDecider, [scheduled, cancelled])
        .when(act('CancelSession', { reason: 'illness' }))
        .thenFails('CONFLICT', /already cancelled/);
    });

    it('refuses unknown reasons, strangers and completed sessions', () => {
      given(sessionDecider, [scheduled])
        .when(act('CancelSession', { reason: 'meh' }))
        .thenFails('BAD_USER_INPUT', /reason/);
      given(sessionDecider, [scheduled])
        .when(act('CancelSession', { reason: 'illness' }, stranger))
        .thenFails('FORBIDDEN');
      given(sessionDecider, [scheduled, bothCame])
        .when(act('CancelSession', { reason: 'illness' }))
        .thenFails('CONFLICT', /completed/);
    });
  });

  describe('attendance and completion', () => {
    it('records attendance once the session has started, for invited people only', () => {
      given(sessionDecider, [scheduled])
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
      given(sessionDecider, [scheduled])
        .when(act('RecordAttendance', { attendance: [{ personId: mentee, status: 'late' }] }))
        .thenFails('CONFLICT', /started/);
      given(sessionDecider, [scheduled])
        .when(act('RecordAttendance', { attendance: [{ personId: stranger, status: 'attended' }] }, mentor, during))
        .thenFails('BAD_USER_INPUT', /invited/);
      given(sessionDecider, [scheduled])
        .when(act('RecordAttendance', { attendance: [] }, mentor, during))
        .thenFails('BAD_USER_INPUT');
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
      const done = given(sessionDecider, [scheduled])
        .when(act('CompleteSession', { sharedNotes: sealed('notes') }, mentor, after))
        .then([{ ...bothCame, sharedNotes: sealed('notes') }]);
      expect(done).toMatchObject({ status: 'completed', sharedNotes: { authorPersonId: mentor } });
      const events = given(sessionDecider, [scheduled, declined])
        .when(act('CompleteSession', {}, mentor, after))
        .produced();
      expect(events[0]).toMatchObject({ attendedPersonIds: [mentor] });
      const marked = given(sessionDecider, [scheduled])
        .when(act('CompleteSession', { attendance: [{ personId: mentee, status: 'absent' }] }, mentor, after))
        .produced();
      expect(marked[0]).toMatchObject({ attendedPersonIds: [mentor] });
    });

    it('refuses completing before the start, twice, or a cancelled session', () => {
      given(sessionDecider, [scheduled])
        .when(act('CompleteSession', {}))
        .thenFails('CONFLICT', /once it has started/);
      given(sessionDecider, [scheduled, bothCame])
        .when(act('CompleteSession', {}, mentor, after))
        .thenFails('CONFLICT', /already completed/);
      given(sessionDecider, [scheduled])
        .when(act('CompleteSession', {}, stranger, after))
        .thenFails('FORBIDDEN');
    });
  });

  describe('notes', () => {
    it('shared notes are edited by their author only', () => {
      const withNotes: SessionEvent = { ...bothCame, sharedNotes: sealed('notes') };
      given(sessionDecider, [scheduled, withNotes])
        .when(act('WriteSharedNotes', { text: sealed('notes v2') }, mentor, after))
        .then([
          { type: 'SharedNotesWritten', ...ref, authorPersonId: mentor, text: sealed('notes v2'), writtenAt: after },
        ]);
      given(sessionDecider, [scheduled, withNotes])
        .when(act('WriteSharedNotes', { text: sealed('rewritten') }, mentee, after))
        .thenFails('FORBIDDEN', /notes you wrote yourself/);
      given(sessionDecider, [scheduled])
        .when(act('WriteSharedNotes', { text: sealed('early') }, mentor))
        .thenFails('CONFLICT', /completed/);
      given(sessionDecider, [scheduled, bothCame])
        .when(act('WriteSharedNotes', { text: sealed('x') }, stranger, after))
        .thenFails('FORBIDDEN');
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
      const state = given(sessionDecider, [scheduled])
        .when(act('WritePrivateNote', { noteId: 'n-1', text: sealed('prep') }, mentee))
        .then([note]);
      given(sessionDecider, [scheduled, note])
        .when(act('WritePrivateNote', { noteId: 'n-1', text: sealed('mine') }, mentor))
        .thenFails('FORBIDDEN', /notes you wrote yourself/);
      given(sessionDecider, [scheduled])
        .when(act('WritePrivateNote', { noteId: 'n-2', text: sealed('x') }, stranger))
        .thenFails('FORBIDDEN');
      given(sessionDecider, [scheduled])
        .when(act('WritePrivateNote', { noteId: 'n-2' }, mentee))
        .thenFails('BAD_USER_INPUT', /Notes is required/);
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
      given(sessionDecider, [scheduled, bothCame]).when(give()).then([feedback]);
      given(sessionDecider, [scheduled, bothCame, feedback])
        .when(give())
        .thenFails('CONFLICT', /already given feedback/);
      const fromHost = given(sessionDecider, [scheduled, bothCame, feedback])
        .when(give({ rating: 4 }, mentor))
        .produced();
      expect(fromHost[0]).toMatchObject({ personId: mentor, rating: 4 });
    });

    it('refuses ratings outside 1–5 and fractions', () => {
      for (const rating of [0, 6, 4.5, '5']) {
        given(sessionDecider, [scheduled, bothCame])
          .when(give({ rating }))
          .thenFails('BAD_USER_INPUT', /rating/);
      }
    });

    it('refuses feedback on a session not completed, not attended, or by someone not invited', () => {
      given(sessionDecider, [scheduled])
        .when(give())
        .thenFails('CONFLICT', /once the session has been completed/);
      const menteeAbsent = completed([
        [mentor, 'attended'],
        [mentee, 'absent'],
      ]);
      given(sessionDecider, [scheduled, menteeAbsent])
        .when(give())
        .thenFails('FORBIDDEN', /did not attend/);
      given(sessionDecider, [scheduled, bothCame])
        .when(give({}, stranger))
        .thenFails('FORBIDDEN', /Only attendees/);
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
      given(sessionDecider, [scheduled, cancelled])
        .when(give())
        .thenFails('CONFLICT', /cancelled/);
    });

    it('is visible per program policy; the author and program managers always see it', () => {
      const state = given(sessionDecider, [scheduled, bothCame, feedback]).state;
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
