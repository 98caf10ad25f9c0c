import { circleDecider as decider, type CircleEvent } from './circle.decider';
import { given } from './testing/given-when-then';

const created: CircleEvent = {
  type: 'CircleCreated',
  circleId: 'c1',
  programId: 'p1',
  mentorPersonId: 'lead',
  mentorParticipantId: 'pl',
  maxSize: 2,
};
const joined = (menteePersonId: string, members = 1): CircleEvent => ({
  type: 'CircleMemberJoined',
  circleId: 'c1',
  programId: 'p1',
  members,
  menteePersonId,
  menteeParticipantId: `p-${menteePersonId}`,
  mentorshipId: `m-${menteePersonId}`,
});
const join = (menteePersonId: string) =>
  ({
    type: 'JoinCircle',
    menteePersonId,
    menteeParticipantId: `p-${menteePersonId}`,
    mentorshipId: `m-${menteePersonId}`,
  }) as const;

describe('Circle', () => {
  describe('CreateCircle', () => {
    it('creates a circle with a size limit', () => {
      const { type: _t, ...data } = created;
      expect(given(decider).when({ type: 'CreateCircle', ...data })).toEqual({ events: [created] });
      expect(given(decider).when({ type: 'CreateCircle', ...data, maxSize: 1 })).toMatchObject({
        error: { code: 'BAD_USER_INPUT' },
      });
      expect(given(decider, [created]).when({ type: 'CreateCircle', ...data })).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
  });

  describe('JoinCircle', () => {
    it('admits members up to the limit, then CONFLICT', () => {
      expect(given(decider, [created]).when(join('a'))).toEqual({ events: [joined('a')] });
      expect(given(decider, [created, joined('a'), joined('b', 2)]).when(join('c'))).toEqual({
        error: { code: 'CONFLICT', message: 'This circle is full: all 2 places are taken.' },
      });
    });
    it('is a no-op for a member, NOT_FOUND for an unknown circle, CONFLICT when closed', () => {
      expect(given(decider, [created, joined('a')]).when(join('a'))).toEqual({ events: [] });
      expect(given(decider).when(join('a'))).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(given(decider, [created, { type: 'CircleClosed' }]).when(join('a'))).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
  });

  describe('LeaveCircle / CloseCircle', () => {
    it('frees a place when a member leaves', () => {
      expect(given(decider, [created, joined('a')]).when({ type: 'LeaveCircle', menteePersonId: 'a' })).toEqual({
        events: [{ type: 'CircleMemberLeft', circleId: 'c1', programId: 'p1', menteePersonId: 'a' }],
      });
      const after = [
        created,
        joined('a'),
        joined('b', 2),
        { type: 'CircleMemberLeft', circleId: 'c1', programId: 'p1', menteePersonId: 'a' } as const,
      ];
      expect(given(decider, after).when(join('c'))).toEqual({ events: [joined('c', 2)] });
    });
    it('closes once', () => {
      expect(given(decider, [created]).when({ type: 'CloseCircle' })).toEqual({ events: [{ type: 'CircleClosed' }] });
      expect(given(decider, [created, { type: 'CircleClosed' }]).when({ type: 'CloseCircle' })).toEqual({ events: [] });
    });
  });
});
