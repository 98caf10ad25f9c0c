import {
  circleClaimLive,
  circleMembershipDecider as decider,
  type CircleMembershipEvent,
} from './circle-membership.decider';
import { fold, given } from '@trellis/shared/kernel/testing';

const now = '2026-03-01T10:00:00.000Z';
const claim = (circleId: string) =>
  ({ type: 'ClaimCircleSeat', programId: 'p1', menteePersonId: 'm', circleId, now, claimTtlSeconds: 30 }) as const;
const claimed: CircleMembershipEvent = {
  type: 'CircleSeatClaimed',
  programId: 'p1',
  menteePersonId: 'm',
  circleId: 'c1',
  at: now,
  expiresAt: '2026-03-01T10:00:30.000Z',
};
const confirmed: CircleMembershipEvent = { type: 'CircleSeatConfirmed', circleId: 'c1' };

describe('CircleMembership', () => {
  it('claims a free mentee for one circle; a repeat for the same circle changes nothing', () => {
    expect(given(decider).when(claim('c1'))).toEqual({ events: [claimed] });
    expect(given(decider, [claimed]).when(claim('c1'))).toEqual({ events: [] });
  });

  it('refuses a second circle: busy while another join runs, CONFLICT once the mentee is in one', () => {
    expect(given(decider, [claimed]).when(claim('c2'))).toEqual({
      error: { code: 'CONFLICT', message: 'This mentee is joining another circle right now; try again.' },
    });
    expect(given(decider, [claimed, confirmed]).when(claim('c2'))).toEqual({
      error: { code: 'CONFLICT', message: 'This mentee is already in another circle of this program.' },
    });
  });

  it('confirms only its own claim, once', () => {
    expect(given(decider, [claimed]).when({ type: 'ConfirmCircleSeat', circleId: 'c1' })).toEqual({
      events: [confirmed],
    });
    expect(given(decider, [claimed, confirmed]).when({ type: 'ConfirmCircleSeat', circleId: 'c1' })).toEqual({
      events: [],
    });
    expect(given(decider).when({ type: 'ConfirmCircleSeat', circleId: 'c1' })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
  });

  it('releases only the named circle, so a late release cannot free a newer membership', () => {
    const released: CircleMembershipEvent = { type: 'CircleSeatReleased', circleId: 'c1' };
    expect(given(decider, [claimed, confirmed]).when({ type: 'ReleaseCircleSeat', circleId: 'c1' })).toEqual({
      events: [released],
    });
    expect(given(decider, [claimed, confirmed]).when({ type: 'ReleaseCircleSeat', circleId: 'c2' })).toEqual({
      events: [],
    });
    expect(given(decider, [claimed, confirmed, released]).when(claim('c2'))).toMatchObject({
      events: [{ type: 'CircleSeatClaimed', circleId: 'c2' }],
    });
  });

  it('a claim stops being live after its lifetime or once confirmed', () => {
    const state = fold(decider, [claimed]);
    expect(circleClaimLive(state, '2026-03-01T10:00:29.000Z')).toBe(true);
    expect(circleClaimLive(state, '2026-03-01T10:00:31.000Z')).toBe(false);
    expect(circleClaimLive(fold(decider, [claimed, confirmed]), now)).toBe(false);
  });
});
