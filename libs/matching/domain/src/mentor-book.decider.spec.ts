import { mentorBookDecider as decider, freeSeats, type MentorBookEvent } from './mentor-book.decider';
import { fold, given } from '@trellis/shared/kernel/testing';

const opened: MentorBookEvent = {
  type: 'MentorBookOpened',
  programId: 'p1',
  mentorPersonId: 'mentor',
  mentorParticipantId: 'part-mentor',
  capacity: 2,
};
const seat = (mentorshipId: string, menteePersonId: string): MentorBookEvent => ({
  type: 'SeatReserved',
  mentorshipId,
  menteePersonId,
  origin: 'request',
  originId: `req-${mentorshipId}`,
});
const reserve = (mentorshipId: string, menteePersonId: string) =>
  ({ type: 'ReserveSeat', mentorshipId, menteePersonId, origin: 'request', originId: `req-${mentorshipId}` }) as const;

describe('MentorBook', () => {
  describe('OpenMentorBook', () => {
    it('opens a book with the enrolled capacity', () => {
      const { type: _t, ...data } = opened;
      expect(given(decider).when({ type: 'OpenMentorBook', ...data })).toEqual({ events: [opened] });
    });
    it('changes only the capacity when the book is already open', () => {
      const { type: _t, ...data } = opened;
      expect(given(decider, [opened]).when({ type: 'OpenMentorBook', ...data, capacity: 4 })).toEqual({
        events: [{ type: 'MentorCapacitySet', capacity: 4 }],
      });
      expect(given(decider, [opened]).when({ type: 'OpenMentorBook', ...data })).toEqual({ events: [] });
    });
    it('reopens a closed book', () => {
      const { type: _t, ...data } = opened;
      expect(given(decider, [opened, { type: 'MentorBookClosed' }]).when({ type: 'OpenMentorBook', ...data })).toEqual({
        events: [opened],
      });
    });
    it('rejects a negative or fractional capacity', () => {
      const { type: _t, ...data } = opened;
      expect(given(decider).when({ type: 'OpenMentorBook', ...data, capacity: -1 })).toMatchObject({
        error: { code: 'BAD_USER_INPUT' },
      });
      expect(given(decider).when({ type: 'OpenMentorBook', ...data, capacity: 1.5 })).toMatchObject({
        error: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('SetMentorCapacity', () => {
    it('records a new capacity', () => {
      expect(given(decider, [opened]).when({ type: 'SetMentorCapacity', capacity: 5 })).toEqual({
        events: [{ type: 'MentorCapacitySet', capacity: 5 }],
      });
    });
    it('is NOT_FOUND for a mentor without a book', () => {
      expect(given(decider).when({ type: 'SetMentorCapacity', capacity: 5 })).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
    });
    it('may go below the seats taken: existing mentorships continue, no new ones start', () => {
      const past = [opened, seat('m1', 'a'), seat('m2', 'b')];
      const { events } = given(decider, past).when({ type: 'SetMentorCapacity', capacity: 1 }) as {
        events: MentorBookEvent[];
      };
      const state = fold(decider, [...past, ...events]);
      expect(freeSeats(state)).toBe(0);
      expect(given(decider, [...past, ...events]).when(reserve('m3', 'c'))).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
  });

  describe('ReserveSeat', () => {
    it('takes a free seat', () => {
      expect(given(decider, [opened]).when(reserve('m1', 'a'))).toEqual({ events: [seat('m1', 'a')] });
    });
    it('is a no-op for the same mentorship retried', () => {
      expect(given(decider, [opened, seat('m1', 'a')]).when(reserve('m1', 'a'))).toEqual({ events: [] });
    });
    it('is a CONFLICT with a readable message when every seat is taken', () => {
      const outcome = given(decider, [opened, seat('m1', 'a'), seat('m2', 'b')]).when(reserve('m3', 'c'));
      expect(outcome).toEqual({
        error: { code: 'CONFLICT', message: 'This mentor has no free place left: all 2 of their places are taken.' },
      });
    });
    it('is a CONFLICT for a second mentorship with the same mentee', () => {
      expect(given(decider, [opened, seat('m1', 'a')]).when(reserve('m2', 'a'))).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
    it('is a CONFLICT once the book is closed and NOT_FOUND before it opened', () => {
      expect(given(decider, [opened, { type: 'MentorBookClosed' }]).when(reserve('m1', 'a'))).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      expect(given(decider).when(reserve('m1', 'a'))).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });
  });

  describe('ReleaseSeat', () => {
    it('frees the seat for the next mentee', () => {
      const past = [opened, seat('m1', 'a'), seat('m2', 'b')];
      const outcome = given(decider, past).when({ type: 'ReleaseSeat', mentorshipId: 'm1' });
      expect(outcome).toEqual({ events: [{ type: 'SeatReleased', mentorshipId: 'm1', menteePersonId: 'a' }] });
      const after = [...past, { type: 'SeatReleased', mentorshipId: 'm1', menteePersonId: 'a' } as const];
      expect(given(decider, after).when(reserve('m3', 'c'))).toEqual({ events: [seat('m3', 'c')] });
    });
    it('is a no-op for a seat that is not held', () => {
      expect(given(decider, [opened]).when({ type: 'ReleaseSeat', mentorshipId: 'x' })).toEqual({ events: [] });
    });
  });

  describe('CloseMentorBook', () => {
    it('closes once', () => {
      expect(given(decider, [opened]).when({ type: 'CloseMentorBook' })).toEqual({
        events: [{ type: 'MentorBookClosed' }],
      });
      expect(given(decider, [opened, { type: 'MentorBookClosed' }]).when({ type: 'CloseMentorBook' })).toEqual({
        events: [],
      });
    });
    it('is NOT_FOUND without a book', () => {
      expect(given(decider).when({ type: 'CloseMentorBook' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });
  });
});
