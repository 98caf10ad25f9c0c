import { circleDecider as decider, circleFreeSeats, type CircleEvent } from './circle.decider';
import { fold, given } from '@trellis/shared/kernel/testing';

const now = '2026-03-01T10:00:00.000Z';
const manager = { personId: 'boss', isManager: true };
const person = (personId: string) => ({ personId, isManager: false });

const created: CircleEvent = {
  type: 'CircleCreated',
  circleId: 'c1',
  programId: 'p1',
  mentorPersonId: 'lead',
  mentorParticipantId: 'pl',
  maxSize: 2,
  selfJoin: true,
  createdByPersonId: 'boss',
  at: now,
};
const joined = (menteePersonId: string, members = 1): CircleEvent => ({
  type: 'CircleMemberJoined',
  circleId: 'c1',
  programId: 'p1',
  menteePersonId,
  menteeParticipantId: `p-${menteePersonId}`,
  via: 'self',
  byPersonId: menteePersonId,
  members,
  at: now,
});
const join = (menteePersonId: string, actor = person(menteePersonId), via: 'self' | 'manager' | 'round' = 'self') =>
  ({ type: 'JoinCircle', menteePersonId, menteeParticipantId: `p-${menteePersonId}`, via, actor, now }) as const;
const create = {
  type: 'CreateCircle',
  circleId: 'c1',
  programId: 'p1',
  mentorPersonId: 'lead',
  mentorParticipantId: 'pl',
  maxSize: 2,
  selfJoin: true,
  actor: manager,
  now,
} as const;

describe('Circle', () => {
  describe('CreateCircle', () => {
    it('creates a circle with a size limit, by a manager or the leading mentor', () => {
      expect(given(decider).when(create)).toEqual({ events: [created] });
      expect(given(decider).when({ ...create, actor: person('lead') })).toEqual({
        events: [{ ...created, createdByPersonId: 'lead' }],
      });
    });
    it('refuses a bad size, a second creation and anyone else', () => {
      expect(given(decider).when({ ...create, maxSize: 1 })).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
      expect(given(decider).when({ ...create, maxSize: 2.5 })).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
      expect(given(decider, [created]).when(create)).toMatchObject({ error: { code: 'CONFLICT' } });
      expect(given(decider).when({ ...create, actor: person('someone') })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    });
  });

  describe('JoinCircle', () => {
    it('admits members up to the limit, then CONFLICT', () => {
      expect(given(decider, [created]).when(join('a'))).toEqual({ events: [joined('a')] });
      expect(given(decider, [created, joined('a'), joined('b', 2)]).when(join('c'))).toEqual({
        error: { code: 'CONFLICT', message: 'This circle is full: all 2 places are taken.' },
      });
      expect(circleFreeSeats(fold(decider, [created, joined('a')]))).toBe(1);
    });
    it('is a no-op for a member, NOT_FOUND for an unknown circle, CONFLICT when closed', () => {
      expect(given(decider, [created, joined('a')]).when(join('a'))).toEqual({ events: [] });
      expect(given(decider).when(join('a'))).toMatchObject({ error: { code: 'NOT_FOUND' } });
      const closed: CircleEvent = {
        type: 'CircleClosed',
        circleId: 'c1',
        programId: 'p1',
        byPersonId: 'boss',
        memberPersonIds: [],
        at: now,
      };
      expect(given(decider, [created, closed]).when(join('a'))).toMatchObject({ error: { code: 'CONFLICT' } });
      expect(circleFreeSeats(fold(decider, [created, closed]))).toBe(0);
    });
    it('lets a manager place someone, never anyone else', () => {
      expect(given(decider, [created]).when(join('a', manager, 'manager'))).toEqual({
        events: [{ ...joined('a'), via: 'manager', byPersonId: 'boss' }],
      });
      expect(given(decider, [created]).when(join('a', person('lead'), 'manager'))).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(given(decider, [created]).when(join('a', person('b'), 'self'))).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    });
    it('refuses self-service where the circle does not allow it, and the lead as a mentee', () => {
      const managed = { ...created, selfJoin: false };
      expect(given(decider, [managed]).when(join('a'))).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(given(decider, [managed]).when(join('a', manager, 'round'))).toMatchObject({
        events: [{ type: 'CircleMemberJoined', via: 'round' }],
      });
      expect(given(decider, [created]).when(join('lead'))).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    });
  });

  describe('LeaveCircle / CloseCircle', () => {
    it('frees a place when a member leaves or is removed', () => {
      const left: CircleEvent = {
        type: 'CircleMemberLeft',
        circleId: 'c1',
        programId: 'p1',
        menteePersonId: 'a',
        menteeParticipantId: 'p-a',
        reason: 'left',
        byPersonId: 'a',
        members: 1,
        at: now,
      };
      const full = [created, joined('a'), joined('b', 2)];
      expect(given(decider, full).when({ type: 'LeaveCircle', menteePersonId: 'a', actor: person('a'), now })).toEqual({
        events: [left],
      });
      expect(given(decider, full).when({ type: 'LeaveCircle', menteePersonId: 'a', actor: manager, now })).toEqual({
        events: [{ ...left, reason: 'removed', byPersonId: 'boss' }],
      });
      expect(given(decider, [...full, left]).when(join('c'))).toEqual({ events: [joined('c', 2)] });
    });
    it('ignores leaving a circle one is not in; refuses others', () => {
      expect(
        given(decider, [created]).when({ type: 'LeaveCircle', menteePersonId: 'a', actor: person('a'), now }),
      ).toEqual({ events: [] });
      expect(
        given(decider, [created, joined('a')]).when({
          type: 'LeaveCircle',
          menteePersonId: 'a',
          actor: person('b'),
          now,
        }),
      ).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });
    it('closes once, by a manager or the lead, naming the members left', () => {
      expect(given(decider, [created, joined('a')]).when({ type: 'CloseCircle', actor: person('lead'), now })).toEqual({
        events: [
          {
            type: 'CircleClosed',
            circleId: 'c1',
            programId: 'p1',
            byPersonId: 'lead',
            memberPersonIds: ['a'],
            at: now,
          },
        ],
      });
      expect(given(decider, [created]).when({ type: 'CloseCircle', actor: person('a'), now })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      const closed = given(decider, [created]).when({ type: 'CloseCircle', actor: manager, now });
      if (!('events' in closed)) throw new Error('expected events');
      expect(given(decider, [created, ...closed.events]).when({ type: 'CloseCircle', actor: manager, now })).toEqual({
        events: [],
      });
    });
  });
});
