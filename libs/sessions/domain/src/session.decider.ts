import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import {
  ATTENDANCE_STATUSES,
  CANCELLATION_REASONS,
  RSVP_RESPONSES,
  SESSION_KINDS,
  SESSION_MODES,
  type AttendanceStatus,
  type CancellationReason,
  type RsvpResponse,
  type SessionKind,
  type SessionMode,
} from '@trellis/sessions/contracts';
import { checkSessionTime, type SchedulingContext } from './scheduling';
import { optionalSealed, requireSealed } from './sealed';
import { assertTimeZone, parseUtcInstant, toUtcIso } from './time';
import { optionalId, requireDistinctIds, requireId, requireInt, requireOneOf, withOptional } from './validation';

/**
 * Session: one meeting (stream `session-<sessionId>`), one-on-one for a mentorship or a group session with a host,
 * invitees and a size limit; virtual (meeting link) or in person (location). Every change a calendar must follow
 * (reschedule, cancel) raises `sequence`, which becomes the iCalendar SEQUENCE.
 */

export const MAX_GROUP_CAPACITY = 500;

export interface Attendance {
  personId: string;
  status: AttendanceStatus;
}

export interface SessionFeedback {
  personId: string;
  rating: number;
  wentWell?: SealedText;
  toImprove?: SealedText;
  comment?: SealedText;
  submittedAt: string;
}

export interface SessionState {
  status: 'none' | 'scheduled' | 'cancelled' | 'completed';
  sessionId: string;
  programId: string;
  kind: SessionKind;
  mentorshipId?: string;
  circleId?: string;
  hostPersonId: string;
  inviteePersonIds: string[];
  capacity: number;
  mode: SessionMode;
  /** Meeting link (virtual) or location (in person), encrypted. */
  place?: SealedText;
  title?: SealedText;
  startsAt: string;
  endsAt: string;
  timezone: string;
  sequence: number;
  rsvps: Record<string, RsvpResponse>;
  attendance: Record<string, AttendanceStatus>;
  sharedNotes?: { authorPersonId: string; text: SealedText; writtenAt: string };
  privateNotes: Record<string, { noteId: string; authorPersonId: string; text: SealedText; writtenAt: string }>;
  feedback: Record<string, SessionFeedback>;
  cancellation?: { reason: CancellationReason; byPersonId: string; at: string };
  completedAt?: string;
}

export const initialSessionState = (): SessionState => ({
  status: 'none',
  sessionId: '',
  programId: '',
  kind: 'one-on-one',
  hostPersonId: '',
  inviteePersonIds: [],
  capacity: 2,
  mode: 'virtual',
  startsAt: '',
  endsAt: '',
  timezone: 'UTC',
  sequence: 0,
  rsvps: {},
  attendance: {},
  privateNotes: {},
  feedback: {},
});

export const sessionAttendees = (state: Pick<SessionState, 'hostPersonId' | 'inviteePersonIds'>): string[] => [
  state.hostPersonId,
  ...state.inviteePersonIds,
];

const ATTENDED: readonly AttendanceStatus[] = ['attended', 'late', 'left-early'];
export const didAttend = (status: AttendanceStatus | undefined): boolean =>
  status !== undefined && ATTENDED.includes(status);

// ---------- commands ----------

interface ByPerson {
  actor: string;
  now: string;
}

export type SessionCommand =
  | ({
      type: 'ScheduleSession';
      sessionId: string;
      programId: string;
      kind: SessionKind;
      /** One-on-one: the mentorship and its pair, from the engagement read model. */
      mentorshipId?: string;
      pair?: { mentorPersonId: string; menteePersonId: string };
      circleId?: string;
      inviteePersonIds: string[];
      /** Group sessions: the most people (host included) who may accept. */
      capacity?: number;
      mode: SessionMode;
      meetingLink?: SealedText;
      location?: SealedText;
      title?: SealedText;
      startsAt: string;
      endsAt: string;
      /** The organizer's IANA zone. */
      timezone: string;
      scheduling: SchedulingContext;
    } & ByPerson)
  | ({ type: 'RespondToInvitation'; response: RsvpResponse } & ByPerson)
  | ({
      type: 'RescheduleSession';
      startsAt: string;
      endsAt: string;
      timezone?: string;
      scheduling: SchedulingContext;
    } & ByPerson)
  | ({ type: 'CancelSession'; reason: CancellationReason } & ByPerson)
  | ({ type: 'RecordAttendance'; attendance: Attendance[] } & ByPerson)
  | ({ type: 'CompleteSession'; sharedNotes?: SealedText; attendance?: Attendance[] } & ByPerson)
  | ({ type: 'WriteSharedNotes'; text: SealedText } & ByPerson)
  | ({ type: 'WritePrivateNote'; noteId: string; text: SealedText } & ByPerson)
  | ({
      type: 'SubmitFeedback';
      rating: number;
      wentWell?: SealedText;
      toImprove?: SealedText;
      comment?: SealedText;
    } & ByPerson);

// ---------- events ----------

interface OnSession {
  sessionId: string;
  mentorshipId?: string;
}

export type SessionEvent =
  | ({
      type: 'SessionScheduled';
      programId: string;
      kind: SessionKind;
      circleId?: string;
      hostPersonId: string;
      inviteePersonIds: string[];
      attendeePersonIds: string[];
      capacity: number;
      mode: SessionMode;
      place: SealedText;
      title?: SealedText;
      startsAt: string;
      endsAt: string;
      timezone: string;
      sequence: number;
      availabilityOverridden: boolean;
      scheduledAt: string;
    } & OnSession)
  | ({
      type: 'SessionRescheduled';
      hostPersonId: string;
      attendeePersonIds: string[];
      rescheduledByPersonId: string;
      previousStartsAt: string;
      startsAt: string;
      endsAt: string;
      timezone: string;
      sequence: number;
      availabilityOverridden: boolean;
      rescheduledAt: string;
    } & OnSession)
  | ({
      type: 'SessionCancelled';
      hostPersonId: string;
      attendeePersonIds: string[];
      cancelledByPersonId: string;
      reason: CancellationReason;
      startsAt: string;
      sequence: number;
      cancelledAt: string;
    } & OnSession)
  | ({
      type: 'RsvpGiven';
      hostPersonId: string;
      personId: string;
      response: RsvpResponse;
      sequence: number;
      respondedAt: string;
    } & OnSession)
  | ({
      type: 'AttendanceRecorded';
      recordedByPersonId: string;
      attendance: Attendance[];
      recordedAt: string;
    } & OnSession)
  | ({
      type: 'SessionCompleted';
      kind: SessionKind;
      hostPersonId: string;
      completedByPersonId: string;
      attendance: Attendance[];
      attendedPersonIds: string[];
      startsAt: string;
      endsAt: string;
      sharedNotes?: SealedText;
      completedAt: string;
    } & OnSession)
  | ({ type: 'SharedNotesWritten'; authorPersonId: string; text: SealedText; writtenAt: string } & OnSession)
  | ({
      type: 'PrivateNoteWritten';
      noteId: string;
      authorPersonId: string;
      text: SealedText;
      writtenAt: string;
    } & OnSession)
  | ({
      type: 'FeedbackSubmitted';
      hostPersonId: string;
      personId: string;
      rating: number;
      wentWell?: SealedText;
      toImprove?: SealedText;
      comment?: SealedText;
      submittedAt: string;
    } & OnSession);

// ---------- decide ----------

export function decideSession(command: SessionCommand, state: SessionState): SessionEvent[] {
  if (command.type === 'ScheduleSession') return [scheduleSession(command, state)];
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no such session.');
  const now = toUtcIso(parseUtcInstant(command.now, 'now'));
  const nowMs = Date.parse(now);
  const ref = { sessionId: state.sessionId, ...withOptional('mentorshipId', state.mentorshipId) };
  const attendees = sessionAttendees(state);
  const isAttendee = attendees.includes(command.actor);

  switch (command.type) {
    case 'RespondToInvitation': {
      requireScheduled(state);
      if (command.actor === state.hostPersonId) {
        throw new DomainError(
          'BAD_USER_INPUT',
          'You are hosting this session; hosts do not reply to their own invitation.',
        );
      }
      if (!isAttendee) throw new DomainError('FORBIDDEN', 'You are not invited to this session.');
      if (nowMs >= Date.parse(state.endsAt)) throw new DomainError('CONFLICT', 'This session is already over.');
      const response = requireOneOf(command.response, RSVP_RESPONSES, 'response');
      if (state.rsvps[command.actor] === response) return [];
      if (response === 'accepted') {
        const accepted = 1 + state.inviteePersonIds.filter((p) => state.rsvps[p] === 'accepted').length;
        if (accepted >= state.capacity) {
          throw new DomainError('CONFLICT', `This session is full (${state.capacity} places).`, {
            capacity: state.capacity,
          });
        }
      }
      return [
        {
          type: 'RsvpGiven',
          ...ref,
          hostPersonId: state.hostPersonId,
          personId: command.actor,
          response,
          sequence: state.sequence,
          respondedAt: now,
        },
      ];
    }
    case 'RescheduleSession': {
      requireScheduled(state);
      requireOrganizer(state, command.actor, 'reschedule');
      const timezone = assertTimeZone(command.timezone ?? state.timezone, 'timezone');
      const time = checkSessionTime(command, attendees, now, command.scheduling, state.sessionId);
      if (time.startsAt === state.startsAt && time.endsAt === state.endsAt && timezone === state.timezone) return [];
      return [
        {
          type: 'SessionRescheduled',
          ...ref,
          hostPersonId: state.hostPersonId,
          attendeePersonIds: attendees,
          rescheduledByPersonId: command.actor,
          previousStartsAt: state.startsAt,
          ...time,
          timezone,
          sequence: state.sequence + 1,
          availabilityOverridden: command.scheduling.overrideAvailability === true,
          rescheduledAt: now,
        },
      ];
    }
    case 'CancelSession': {
      if (state.status === 'cancelled') throw new DomainError('CONFLICT', 'This session is already cancelled.');
      requireScheduled(state);
      requireOrganizer(state, command.actor, 'cancel');
      return [
        {
          type: 'SessionCancelled',
          ...ref,
          hostPersonId: state.hostPersonId,
          attendeePersonIds: attendees,
          cancelledByPersonId: command.actor,
          reason: requireOneOf(command.reason, CANCELLATION_REASONS, 'reason'),
          startsAt: state.startsAt,
          sequence: state.sequence + 1,
          cancelledAt: now,
        },
      ];
    }
    case 'RecordAttendance': {
      if (state.status === 'cancelled') throw new DomainError('CONFLICT', 'This session was cancelled.');
      requireOrganizer(state, command.actor, 'record attendance for');
      requireStarted(state, nowMs, 'Attendance can be recorded once the session has started.');
      const attendance = validAttendance(command.attendance, attendees);
      if (attendance.length === 0) throw new DomainError('BAD_USER_INPUT', 'List at least one attendee.');
      return [{ type: 'AttendanceRecorded', ...ref, recordedByPersonId: command.actor, attendance, recordedAt: now }];
    }
    case 'CompleteSession': {
      if (state.status === 'completed') throw new DomainError('CONFLICT', 'This session is already completed.');
      requireScheduled(state);
      requireOrganizer(state, command.actor, 'complete');
      requireStarted(state, nowMs, 'A session can be completed once it has started.');
      const given = new Map(validAttendance(command.attendance ?? [], attendees).map((a) => [a.personId, a.status]));
      // Whoever nobody marked is taken to have come unless they declined: completing means the meeting happened.
      const attendance = attendees.map((personId) => ({
        personId,
        status:
          given.get(personId) ??
          state.attendance[personId] ??
          (state.rsvps[personId] === 'declined' ? ('absent' as const) : ('attended' as const)),
      }));
      return [
        {
          type: 'SessionCompleted',
          ...ref,
          kind: state.kind,
          hostPersonId: state.hostPersonId,
          completedByPersonId: command.actor,
          attendance,
          attendedPersonIds: attendance.filter((a) => didAttend(a.status)).map((a) => a.personId),
          startsAt: state.startsAt,
          endsAt: state.endsAt,
          ...withOptional('sharedNotes', optionalSealed(command.sharedNotes, 'Shared notes')),
          completedAt: now,
        },
      ];
    }
    case 'WriteSharedNotes': {
      if (!isAttendee) throw new DomainError('FORBIDDEN', 'Only attendees of this session can write its notes.');
      if (state.status !== 'completed') {
        throw new DomainError('CONFLICT', 'Shared notes are written once the session is completed.');
      }
      if (state.sharedNotes && state.sharedNotes.authorPersonId !== command.actor) {
        throw new DomainError('FORBIDDEN', 'You can only edit notes you wrote yourself.');
      }
      return [
        {
          type: 'SharedNotesWritten',
          ...ref,
          authorPersonId: command.actor,
          text: requireSealed(command.text, 'Notes'),
          writtenAt: now,
        },
      ];
    }
    case 'WritePrivateNote': {
      if (!isAttendee) throw new DomainError('FORBIDDEN', 'Only attendees of this session can keep notes on it.');
      const noteId = requireId(command.noteId, 'noteId');
      const existing = state.privateNotes[noteId];
      if (existing && existing.authorPersonId !== command.actor) {
        throw new DomainError('FORBIDDEN', 'You can only edit notes you wrote yourself.');
      }
      return [
        {
          type: 'PrivateNoteWritten',
          ...ref,
          noteId,
          authorPersonId: command.actor,
          text: requireSealed(command.text, 'Notes'),
          writtenAt: now,
        },
      ];
    }
    case 'SubmitFeedback': {
      if (!isAttendee) throw new DomainError('FORBIDDEN', 'Only attendees of this session can give feedback on it.');
      if (state.status === 'cancelled') throw new DomainError('CONFLICT', 'This session was cancelled.');
      if (state.status !== 'completed') {
        throw new DomainError('CONFLICT', 'Feedback opens once the session has been completed.');
      }
      if (!didAttend(state.attendance[command.actor])) {
        throw new DomainError('FORBIDDEN', 'You did not attend this session, so you cannot give feedback on it.');
      }
      if (state.feedback[command.actor]) {
        throw new DomainError('CONFLICT', 'You have already given feedback on this session.');
      }
      return [
        {
          type: 'FeedbackSubmitted',
          ...ref,
          hostPersonId: state.hostPersonId,
          personId: command.actor,
          rating: requireInt(command.rating, 'rating', 1, 5),
          ...withOptional('wentWell', optionalSealed(command.wentWell, 'What went well')),
          ...withOptional('toImprove', optionalSealed(command.toImprove, 'What to improve')),
          ...withOptional('comment', optionalSealed(command.comment, 'Comment')),
          submittedAt: now,
        },
      ];
    }
  }
}

function scheduleSession(
  command: Extract<SessionCommand, { type: 'ScheduleSession' }>,
  state: SessionState,
): SessionEvent {
  const sessionId = requireId(command.sessionId, 'sessionId');
  if (state.status !== 'none') throw new DomainError('CONFLICT', 'A session with this id already exists.');
  const host = requireId(command.actor, 'actor');
  const kind = requireOneOf(command.kind, SESSION_KINDS, 'kind');
  const invitees = requireDistinctIds(command.inviteePersonIds, 'inviteePersonIds', MAX_GROUP_CAPACITY);
  if (invitees.includes(host)) {
    throw new DomainError('BAD_USER_INPUT', 'The host is part of the session already; do not invite yourself.');
  }
  let capacity: number;
  let mentorshipId: string | undefined;
  if (kind === 'one-on-one') {
    mentorshipId = requireId(command.mentorshipId, 'mentorshipId');
    const pair = command.pair;
    if (!pair) throw new DomainError('NOT_FOUND', 'There is no active mentorship with this id.');
    const pairIds = [pair.mentorPersonId, pair.menteePersonId];
    if (!pairIds.includes(host)) {
      throw new DomainError('FORBIDDEN', 'Only the mentor or the mentee can schedule a session for this mentorship.');
    }
    const other = pairIds.find((p) => p !== host);
    if (invitees.length !== 1 || invitees[0] !== other) {
      throw new DomainError('BAD_USER_INPUT', 'A one-on-one session is between the mentor and the mentee only.');
    }
    capacity = 2;
  } else {
    mentorshipId = optionalId(command.mentorshipId, 'mentorshipId');
    if (invitees.length === 0) throw new DomainError('BAD_USER_INPUT', 'Invite at least one participant.');
    capacity = requireInt(command.capacity, 'capacity', 2, MAX_GROUP_CAPACITY);
  }
  const mode = requireOneOf(command.mode, SESSION_MODES, 'mode');
  let place: SealedText;
  if (mode === 'virtual') {
    if (command.location)
      throw new DomainError('BAD_USER_INPUT', 'A virtual session has a meeting link, not a location.');
    place = requireSealed(command.meetingLink, 'Meeting link');
  } else {
    if (command.meetingLink) {
      throw new DomainError('BAD_USER_INPUT', 'An in-person session has a location, not a meeting link.');
    }
    place = requireSealed(command.location, 'Location');
  }
  const timezone = assertTimeZone(command.timezone, 'timezone');
  const attendees = [host, ...invitees];
  const time = checkSessionTime(command, attendees, command.now, command.scheduling, sessionId);
  return {
    type: 'SessionScheduled',
    sessionId,
    programId: requireId(command.programId, 'programId'),
    kind,
    ...withOptional('mentorshipId', mentorshipId),
    ...withOptional('circleId', optionalId(command.circleId, 'circleId')),
    hostPersonId: host,
    inviteePersonIds: invitees,
    attendeePersonIds: attendees,
    capacity,
    mode,
    place,
    ...withOptional('title', optionalSealed(command.title, 'Title')),
    ...time,
    timezone,
    sequence: 0,
    availabilityOverridden: command.scheduling.overrideAvailability === true,
    scheduledAt: toUtcIso(parseUtcInstant(command.now, 'now')),
  };
}

function requireScheduled(state: SessionState): void {
  if (state.status === 'cancelled') throw new DomainError('CONFLICT', 'This session was cancelled.');
  if (state.status === 'completed') throw new DomainError('CONFLICT', 'This session is already completed.');
}

/** Group sessions are run by their host; in a one-on-one either side may move, cancel or close the meeting. */
function requireOrganizer(state: SessionState, actor: string, verb: string): void {
  const allowed = state.kind === 'one-on-one' ? sessionAttendees(state).includes(actor) : actor === state.hostPersonId;
  if (!allowed) throw new DomainError('FORBIDDEN', `Only the host can ${verb} this session.`);
}

function requireStarted(state: SessionState, nowMs: number, message: string): void {
  if (nowMs < Date.parse(state.startsAt)) throw new DomainError('CONFLICT', message);
}

function validAttendance(list: Attendance[], attendees: string[]): Attendance[] {
  if (!Array.isArray(list)) throw new DomainError('BAD_USER_INPUT', 'Attendance must be a list.');
  const result = list.map((entry) => ({
    personId: requireId(entry?.personId, 'personId'),
    status: requireOneOf(entry?.status, ATTENDANCE_STATUSES, 'attendance status'),
  }));
  requireDistinctIds(
    result.map((a) => a.personId),
    'attendance',
    attendees.length,
  );
  const stranger = result.find((a) => !attendees.includes(a.personId));
  if (stranger) {
    throw new DomainError('BAD_USER_INPUT', 'Attendance can only be recorded for people invited to this session.', {
      personId: stranger.personId,
    });
  }
  return result;
}

// ---------- evolve ----------

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionScheduled':
      return {
        ...initialSessionState(),
        status: 'scheduled',
        sessionId: event.sessionId,
        programId: event.programId,
        kind: event.kind,
        ...withOptional('mentorshipId', event.mentorshipId),
        ...withOptional('circleId', event.circleId),
        hostPersonId: event.hostPersonId,
        inviteePersonIds: event.inviteePersonIds,
        capacity: event.capacity,
        mode: event.mode,
        place: event.place,
        ...withOptional('title', event.title),
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timezone: event.timezone,
        sequence: event.sequence,
      };
    case 'SessionRescheduled':
      // A new time needs new answers: replies given for the old time no longer hold.
      return {
        ...state,
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        timezone: event.timezone,
        sequence: event.sequence,
        rsvps: {},
      };
    case 'SessionCancelled':
      return {
        ...state,
        status: 'cancelled',
        sequence: event.sequence,
        cancellation: { reason: event.reason, byPersonId: event.cancelledByPersonId, at: event.cancelledAt },
      };
    case 'RsvpGiven':
      return { ...state, rsvps: { ...state.rsvps, [event.personId]: event.response } };
    case 'AttendanceRecorded':
      return {
        ...state,
        attendance: { ...state.attendance, ...Object.fromEntries(event.attendance.map((a) => [a.personId, a.status])) },
      };
    case 'SessionCompleted':
      return {
        ...state,
        status: 'completed',
        completedAt: event.completedAt,
        attendance: Object.fromEntries(event.attendance.map((a) => [a.personId, a.status])),
        ...(event.sharedNotes
          ? {
              sharedNotes: {
                authorPersonId: event.completedByPersonId,
                text: event.sharedNotes,
                writtenAt: event.completedAt,
              },
            }
          : {}),
      };
    case 'SharedNotesWritten':
      return {
        ...state,
        sharedNotes: { authorPersonId: event.authorPersonId, text: event.text, writtenAt: event.writtenAt },
      };
    case 'PrivateNoteWritten':
      return {
        ...state,
        privateNotes: {
          ...state.privateNotes,
          [event.noteId]: {
            noteId: event.noteId,
            authorPersonId: event.authorPersonId,
            text: event.text,
            writtenAt: event.writtenAt,
          },
        },
      };
    case 'FeedbackSubmitted':
      return {
        ...state,
        feedback: {
          ...state.feedback,
          [event.personId]: {
            personId: event.personId,
            rating: event.rating,
            ...withOptional('wentWell', event.wentWell),
            ...withOptional('toImprove', event.toImprove),
            ...withOptional('comment', event.comment),
            submittedAt: event.submittedAt,
          },
        },
      };
  }
}

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: initialSessionState,
  decide: decideSession,
  evolve: evolveSession,
};

/** Program policy for who besides the author reads a piece of feedback. */
export type FeedbackVisibility = 'author-and-managers' | 'host-and-managers' | 'all-attendees';

export function canReadFeedback(
  state: SessionState,
  authorPersonId: string,
  viewer: { personId: string; isProgramManager: boolean },
  policy: FeedbackVisibility,
): boolean {
  if (!state.feedback[authorPersonId]) return false;
  if (viewer.personId === authorPersonId || viewer.isProgramManager) return true;
  if (policy === 'host-and-managers') return viewer.personId === state.hostPersonId;
  if (policy === 'all-attendees') return sessionAttendees(state).includes(viewer.personId);
  return false;
}

/** Private notes are read by their author only. */
export function canReadPrivateNote(state: SessionState, noteId: string, personId: string): boolean {
  return state.privateNotes[noteId]?.authorPersonId === personId;
}
