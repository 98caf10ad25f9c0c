import type { Decider } from '@trellis/shared/kernel';
import { conflict } from './errors';

/**
 * A mentee's circle in one program: at most one at a time. Joining claims it here first, then takes a place in the
 * circle, then confirms here (ADR 0005's claim → seat → confirm, with the circle as the seat). A claim that was never
 * confirmed (the process died, or the circle was full) stops blocking after its lifetime, and the app may release a
 * membership whose circle no longer holds the mentee (closed, or left while the release did not happen).
 */
export const circleMembershipStreamId = (programId: string, menteePersonId: string): string =>
  `circle-membership-${programId}-${menteePersonId}`;

export type CircleMembershipCommand =
  | {
      type: 'ClaimCircleSeat';
      programId: string;
      menteePersonId: string;
      circleId: string;
      now: string;
      claimTtlSeconds: number;
    }
  | { type: 'ConfirmCircleSeat'; circleId: string }
  | { type: 'ReleaseCircleSeat'; circleId: string };

export type CircleMembershipEvent =
  | {
      type: 'CircleSeatClaimed';
      programId: string;
      menteePersonId: string;
      circleId: string;
      at: string;
      expiresAt: string;
    }
  | { type: 'CircleSeatConfirmed'; circleId: string }
  | { type: 'CircleSeatReleased'; circleId: string };

export interface CircleMembershipState {
  programId: string;
  menteePersonId: string;
  /** The circle the mentee is in or joining; null when free. */
  circleId: string | null;
  confirmed: boolean;
  claimExpiresAt: string;
}

/** A claim that has not been confirmed and is older than its lifetime no longer blocks (the app may release it). */
export const circleClaimLive = (state: CircleMembershipState, now: string): boolean =>
  state.circleId !== null && !state.confirmed && Date.parse(now) < Date.parse(state.claimExpiresAt);

export const circleMembershipDecider: Decider<CircleMembershipCommand, CircleMembershipEvent, CircleMembershipState> = {
  initialState: () => ({ programId: '', menteePersonId: '', circleId: null, confirmed: false, claimExpiresAt: '' }),

  decide(command, state) {
    switch (command.type) {
      case 'ClaimCircleSeat': {
        if (state.circleId === command.circleId) return [];
        if (state.circleId !== null) {
          throw state.confirmed
            ? conflict('This mentee is already in another circle of this program.', {
                reason: 'in-other-circle',
                circleId: state.circleId,
              })
            : conflict('This mentee is joining another circle right now; try again.', {
                reason: 'mentee-busy',
                circleId: state.circleId,
              });
        }
        return [
          {
            type: 'CircleSeatClaimed',
            programId: command.programId,
            menteePersonId: command.menteePersonId,
            circleId: command.circleId,
            at: command.now,
            expiresAt: new Date(Date.parse(command.now) + command.claimTtlSeconds * 1000).toISOString(),
          },
        ];
      }
      case 'ConfirmCircleSeat':
        if (state.circleId !== command.circleId) {
          throw conflict('This join took too long and was given up; try again.', { reason: 'claim-lost' });
        }
        return state.confirmed ? [] : [{ type: 'CircleSeatConfirmed', circleId: command.circleId }];
      case 'ReleaseCircleSeat':
        return state.circleId === command.circleId ? [{ type: 'CircleSeatReleased', circleId: command.circleId }] : [];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CircleSeatClaimed':
        return {
          programId: event.programId,
          menteePersonId: event.menteePersonId,
          circleId: event.circleId,
          confirmed: false,
          claimExpiresAt: event.expiresAt,
        };
      case 'CircleSeatConfirmed':
        return { ...state, confirmed: true };
      case 'CircleSeatReleased':
        return { ...state, circleId: null, confirmed: false, claimExpiresAt: '' };
    }
  },
};
