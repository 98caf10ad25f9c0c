import type { Decider } from '@trellis/shared/kernel';
import { badInput, conflict } from './errors';

/**
 * One per mentee per program: the mentee's side of every acceptance. It knows the mentee's open requests (so the
 * "at most N open" rule is one consistent decision) and lets exactly one acceptance at a time claim the mentee, so
 * two mentors accepting the same mentee at the same moment cannot both win (no ghost approvals, docs/adr/0005).
 */
export const menteeRequestsStreamId = (programId: string, menteePersonId: string): string =>
  `mentee-requests-${programId}-${menteePersonId}`;

export type ClaimOrigin = 'request' | 'proposal';

export type MenteeRequestsCommand =
  | {
      type: 'RegisterRequest';
      programId: string;
      menteePersonId: string;
      requestId: string;
      mentorPersonId: string;
      maxOpenRequests: number;
      expiresAt: string;
      now: string;
    }
  | { type: 'CloseRequest'; requestId: string; now: string }
  | { type: 'ClaimMatch'; claimId: string; origin: ClaimOrigin; now: string; claimTtlSeconds: number }
  | { type: 'ReleaseClaim'; claimId: string }
  | { type: 'ConfirmMatch'; claimId: string; mentorshipId: string }
  | { type: 'AcknowledgeWithdrawals'; requestIds: string[] }
  | { type: 'ReleaseMatch'; mentorshipId: string };

export type MenteeRequestsEvent =
  | {
      type: 'MenteeRequestRegistered';
      programId: string;
      menteePersonId: string;
      requestId: string;
      mentorPersonId: string;
      expiresAt: string;
    }
  | { type: 'MenteeRequestClosed'; requestId: string }
  | { type: 'MatchClaimed'; claimId: string; origin: ClaimOrigin; expiresAt: string }
  | { type: 'MatchClaimReleased'; claimId: string }
  | { type: 'MenteeMatched'; claimId: string; mentorshipId: string; withdrawnRequestIds: string[] }
  | { type: 'MenteeWithdrawalsAcknowledged'; requestIds: string[] }
  | { type: 'MenteeMatchReleased'; mentorshipId: string };

export interface MatchClaim {
  claimId: string;
  origin: ClaimOrigin;
  expiresAt: string;
}

export interface OpenRequest {
  mentorPersonId: string;
  /**
   * A registration whose request was never written (a crash between the two appends) stops counting after this
   * time, so a lost write cannot use up one of the mentee's places for good.
   */
  expiresAt: string;
}

const liveRequests = (state: MenteeRequestsState, now: string): [string, OpenRequest][] =>
  Object.entries(state.open).filter(([, r]) => Date.parse(r.expiresAt) > Date.parse(now));

export interface MenteeRequestsState {
  programId: string;
  menteePersonId: string;
  open: Record<string, OpenRequest>;
  claim: MatchClaim | null;
  mentorshipId: string | null;
  /** Requests closed by the match whose own aggregates still have to be marked withdrawn (by the reactor). */
  pendingWithdrawals: string[];
}

const claimIsLive = (claim: MatchClaim | null, now: string): claim is MatchClaim =>
  claim !== null && Date.parse(claim.expiresAt) > Date.parse(now);

export const menteeRequestsDecider: Decider<MenteeRequestsCommand, MenteeRequestsEvent, MenteeRequestsState> = {
  initialState: () => ({
    programId: '',
    menteePersonId: '',
    open: {},
    claim: null,
    mentorshipId: null,
    pendingWithdrawals: [],
  }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterRequest': {
        if (state.open[command.requestId]) return [];
        if (state.mentorshipId) {
          throw conflict('You already have a mentor in this program; end that mentorship or ask for a rematch first.');
        }
        const live = liveRequests(state, command.now);
        if (live.some(([, r]) => r.mentorPersonId === command.mentorPersonId)) {
          throw conflict('You already have an open request with this mentor.');
        }
        const openCount = live.length;
        if (openCount >= command.maxOpenRequests) {
          throw conflict(
            `You already have ${openCount} open requests, the most this program allows; wait for answers or withdraw one.`,
            { open: openCount, max: command.maxOpenRequests },
          );
        }
        const { type: _type, maxOpenRequests: _max, now: _now, ...data } = command;
        return [{ type: 'MenteeRequestRegistered', ...data }];
      }
      case 'CloseRequest':
        if (!state.open[command.requestId]) return [];
        // Declining, expiring or withdrawing a request that is being accepted right now would race the acceptance.
        if (state.claim?.claimId === command.requestId && claimIsLive(state.claim, command.now)) {
          throw conflict('This request is being accepted right now.', { reason: 'request-claimed' });
        }
        return [{ type: 'MenteeRequestClosed', requestId: command.requestId }];
      case 'ClaimMatch': {
        if (command.claimTtlSeconds <= 0) throw badInput('A claim needs a positive time to live.');
        if (state.mentorshipId) {
          throw conflict('This mentee has just been matched with another mentor.', { reason: 'mentee-matched' });
        }
        if (state.claim?.claimId === command.claimId) return []; // a retry of the same acceptance
        if (claimIsLive(state.claim, command.now)) {
          throw conflict('Another acceptance for this mentee is being completed right now; try again in a moment.', {
            reason: 'mentee-busy',
          });
        }
        const request = state.open[command.claimId];
        if (command.origin === 'request' && (!request || Date.parse(request.expiresAt) <= Date.parse(command.now))) {
          throw conflict('This request is no longer open.', { reason: 'request-closed' });
        }
        const expiresAt = new Date(Date.parse(command.now) + command.claimTtlSeconds * 1000).toISOString();
        return [{ type: 'MatchClaimed', claimId: command.claimId, origin: command.origin, expiresAt }];
      }
      case 'ReleaseClaim':
        return state.claim?.claimId === command.claimId
          ? [{ type: 'MatchClaimReleased', claimId: command.claimId }]
          : [];
      case 'ConfirmMatch': {
        if (state.mentorshipId === command.mentorshipId) return [];
        if (state.mentorshipId) throw conflict('This mentee has just been matched with another mentor.');
        if (state.claim?.claimId !== command.claimId) {
          // Our claim lapsed and someone else took the mentee: the caller releases its seat.
          throw conflict('This acceptance took too long and was overtaken; please try again.', {
            reason: 'claim-lost',
          });
        }
        const withdrawnRequestIds = Object.keys(state.open).filter((id) => id !== command.claimId);
        return [
          { type: 'MenteeMatched', claimId: command.claimId, mentorshipId: command.mentorshipId, withdrawnRequestIds },
        ];
      }
      case 'AcknowledgeWithdrawals': {
        const done = command.requestIds.filter((id) => state.pendingWithdrawals.includes(id));
        return done.length ? [{ type: 'MenteeWithdrawalsAcknowledged', requestIds: done }] : [];
      }
      case 'ReleaseMatch':
        return state.mentorshipId === command.mentorshipId
          ? [{ type: 'MenteeMatchReleased', mentorshipId: command.mentorshipId }]
          : [];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MenteeRequestRegistered':
        return {
          ...state,
          programId: event.programId,
          menteePersonId: event.menteePersonId,
          open: {
            ...state.open,
            [event.requestId]: { mentorPersonId: event.mentorPersonId, expiresAt: event.expiresAt },
          },
        };
      case 'MenteeRequestClosed': {
        const { [event.requestId]: _closed, ...open } = state.open;
        return { ...state, open };
      }
      case 'MatchClaimed':
        return { ...state, claim: { claimId: event.claimId, origin: event.origin, expiresAt: event.expiresAt } };
      case 'MatchClaimReleased':
        return { ...state, claim: null };
      case 'MenteeMatched':
        return {
          ...state,
          open: {},
          claim: null,
          mentorshipId: event.mentorshipId,
          pendingWithdrawals: [...state.pendingWithdrawals, ...event.withdrawnRequestIds],
        };
      case 'MenteeWithdrawalsAcknowledged':
        return {
          ...state,
          pendingWithdrawals: state.pendingWithdrawals.filter((id) => !event.requestIds.includes(id)),
        };
      case 'MenteeMatchReleased':
        return { ...state, mentorshipId: null };
    }
  },
};
