import type { Decider } from '@trellis/shared/kernel';
import { badInput, conflict, notFound } from './errors';

/**
 * One MentorBook per mentor per program: the only place a mentor's seats are taken, so capacity is decided by
 * optimistic concurrency on one stream, never by a read-then-write race across mentorships (docs/architecture.md §3,
 * docs/adr/0005-matching-consistency.md).
 */
export const mentorBookStreamId = (programId: string, mentorPersonId: string): string =>
  `mentor-book-${programId}-${mentorPersonId}`;

export const MAX_MENTOR_CAPACITY = 50;

export type SeatOrigin = 'request' | 'proposal' | 'circle';

export type MentorBookCommand =
  | { type: 'OpenMentorBook'; programId: string; mentorPersonId: string; mentorParticipantId: string; capacity: number }
  | { type: 'SetMentorCapacity'; capacity: number }
  | { type: 'ReserveSeat'; mentorshipId: string; menteePersonId: string; origin: SeatOrigin; originId: string }
  | { type: 'ReleaseSeat'; mentorshipId: string }
  | { type: 'CloseMentorBook' };

export type MentorBookEvent =
  | {
      type: 'MentorBookOpened';
      programId: string;
      mentorPersonId: string;
      mentorParticipantId: string;
      capacity: number;
    }
  | { type: 'MentorCapacitySet'; capacity: number }
  | { type: 'SeatReserved'; mentorshipId: string; menteePersonId: string; origin: SeatOrigin; originId: string }
  | { type: 'SeatReleased'; mentorshipId: string; menteePersonId: string }
  | { type: 'MentorBookClosed' };

export interface Seat {
  menteePersonId: string;
  origin: SeatOrigin;
  originId: string;
}

export interface MentorBookState {
  status: 'none' | 'open' | 'closed';
  programId: string;
  mentorPersonId: string;
  mentorParticipantId: string;
  capacity: number;
  seats: Record<string, Seat>;
}

export const seatsTaken = (state: MentorBookState): number => Object.keys(state.seats).length;
export const freeSeats = (state: MentorBookState): number => Math.max(0, state.capacity - seatsTaken(state));

function checkCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_MENTOR_CAPACITY) {
    throw badInput(`A mentor's capacity must be a whole number from 0 to ${MAX_MENTOR_CAPACITY}.`, { capacity });
  }
}

export const mentorBookDecider: Decider<MentorBookCommand, MentorBookEvent, MentorBookState> = {
  initialState: () => ({
    status: 'none',
    programId: '',
    mentorPersonId: '',
    mentorParticipantId: '',
    capacity: 0,
    seats: {},
  }),

  decide(command, state) {
    switch (command.type) {
      case 'OpenMentorBook': {
        checkCapacity(command.capacity);
        if (state.status === 'none') {
          const { type: _type, ...data } = command;
          return [{ type: 'MentorBookOpened', ...data }];
        }
        // Re-enrolment (or a redelivered enrolment) reopens the book; capacity follows the latest profile.
        const events: MentorBookEvent[] = [];
        if (state.status === 'closed') {
          events.push({
            type: 'MentorBookOpened',
            programId: state.programId,
            mentorPersonId: state.mentorPersonId,
            mentorParticipantId: command.mentorParticipantId,
            capacity: command.capacity,
          });
        } else if (state.capacity !== command.capacity) {
          events.push({ type: 'MentorCapacitySet', capacity: command.capacity });
        }
        return events;
      }
      case 'SetMentorCapacity':
        checkCapacity(command.capacity);
        if (state.status === 'none') throw notFound('This mentor is not enrolled in the program.');
        return state.capacity === command.capacity ? [] : [{ type: 'MentorCapacitySet', capacity: command.capacity }];
      case 'ReserveSeat': {
        if (state.status === 'none') throw notFound('This mentor is not enrolled in the program.');
        if (state.seats[command.mentorshipId]) return []; // the same acceptance, retried
        if (state.status === 'closed') throw conflict('This mentor no longer takes mentees in this program.');
        const sameMentee = Object.values(state.seats).some((s) => s.menteePersonId === command.menteePersonId);
        if (sameMentee) throw conflict('This mentee already has a mentorship with this mentor.');
        if (freeSeats(state) === 0) {
          throw conflict(`This mentor has no free place left: all ${state.capacity} of their places are taken.`, {
            capacity: state.capacity,
            taken: seatsTaken(state),
          });
        }
        const { type: _type, ...data } = command;
        return [{ type: 'SeatReserved', ...data }];
      }
      case 'ReleaseSeat': {
        const seat = state.seats[command.mentorshipId];
        return seat
          ? [{ type: 'SeatReleased', mentorshipId: command.mentorshipId, menteePersonId: seat.menteePersonId }]
          : [];
      }
      case 'CloseMentorBook':
        if (state.status === 'none') throw notFound('This mentor is not enrolled in the program.');
        return state.status === 'closed' ? [] : [{ type: 'MentorBookClosed' }];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MentorBookOpened':
        return {
          ...state,
          status: 'open',
          programId: event.programId,
          mentorPersonId: event.mentorPersonId,
          mentorParticipantId: event.mentorParticipantId,
          capacity: event.capacity,
        };
      case 'MentorCapacitySet':
        return { ...state, capacity: event.capacity };
      case 'SeatReserved': {
        const { type: _type, mentorshipId, ...seat } = event;
        return { ...state, seats: { ...state.seats, [mentorshipId]: seat } };
      }
      case 'SeatReleased': {
        const { [event.mentorshipId]: _released, ...seats } = state.seats;
        return { ...state, seats };
      }
      case 'MentorBookClosed':
        return { ...state, status: 'closed' };
    }
  },
};
