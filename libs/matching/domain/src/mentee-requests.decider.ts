import type { Decider } from './decider';
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
    }
  | { type: 'CloseRequest'; requestId: string }
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

export interface MenteeRequestsState {
  programId: string;
  menteePersonId: string;
  /** requestId → mentorPersonId */
  open: Record<string, string>;
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
        if (Object.values(state.open).includes(command.mentorPersonId)) {
          throw conflict('You already have an open request with this mentor.');
        }
        const openCount = Object.keys(state.open).length;
        if (openCount >= command.maxOpenRequests) {
          throw conflict(
            `You already have ${openCount} open requests, the most this program allows; wait for answers or withdraw one.`,
            { open: openCount, max: command.maxOpenRequests },
          );
        }
        const { type: _type, maxOpenRequests: _max, ...data } = command;
        return [{ type: 'MenteeRequestRegistered', ...data }];
      }
      case 'CloseRequest':
        return state.open[command.requestId] ? [{ type: 'MenteeRequestClosed', requestId: command.requestId }] : [];
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
        if (command.origin === 'request' && !state.open[command.claimId]) {
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
          open: { ...state.open, [event.requestId]: event.mentorPersonId },
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
