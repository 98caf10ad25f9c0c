import type { DeclineReason, WithdrawReason } from '@trellis/matching/contracts';
import type { HardRules } from '@trellis/profiles/contracts';
import type { Decider, SealedText } from '@trellis/shared/kernel';
import { addDays, isIsoTime } from './dates';
import { badInput, conflict, forbidden, notFound } from './errors';
import { hardRuleRefusal, pairEligibility, type PairSide } from './pair-eligibility';

export const mentorshipRequestStreamId = (requestId: string): string => `mentorship-request-${requestId}`;

export type RequestStatus = 'none' | 'open' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export type MentorshipRequestCommand =
  | {
      type: 'RequestMentorship';
      requestId: string;
      programId: string;
      mentorPersonId: string;
      menteePersonId: string;
      mentorParticipantId: string;
      menteeParticipantId: string;
      message: SealedText | null;
      expiryDays: number;
      /**
       * The program's hard rules and both profiles as the candidate pool holds them. A request that breaks a rule is
       * refused: a program has no setting that lets a mentee override one.
       */
      hardRules: HardRules;
      menteeProfile: PairSide['profile'];
      mentorProfile: PairSide['profile'];
      now: string;
    }
  | { type: 'AcceptRequest'; byPersonId: string; mentorshipId: string; now: string }
  | { type: 'DeclineRequest'; byPersonId: string; reason: DeclineReason; comment: SealedText | null; now: string }
  | { type: 'ExpireRequest'; now: string }
  | { type: 'WithdrawRequest'; reason: WithdrawReason; byPersonId: string | null; now: string };

interface RequestParties {
  requestId: string;
  programId: string;
  mentorPersonId: string;
  menteePersonId: string;
}

export type MentorshipRequestEvent =
  | (RequestParties & {
      type: 'MentorshipRequested';
      mentorParticipantId: string;
      menteeParticipantId: string;
      message: SealedText | null;
      requestedAt: string;
      expiresAt: string;
    })
  | (RequestParties & { type: 'MentorshipRequestAccepted'; mentorshipId: string; at: string })
  | (RequestParties & {
      type: 'MentorshipRequestDeclined';
      reason: DeclineReason;
      comment: SealedText | null;
      at: string;
    })
  | (RequestParties & { type: 'MentorshipRequestExpired'; at: string })
  | (RequestParties & { type: 'MentorshipRequestWithdrawn'; reason: WithdrawReason; at: string });

/** Every event names its request and both people, so consumers never need the stream's first event. */
export const requestRef = (state: RequestParties): RequestParties => ({
  requestId: state.requestId,
  programId: state.programId,
  mentorPersonId: state.mentorPersonId,
  menteePersonId: state.menteePersonId,
});

export interface MentorshipRequestState extends RequestParties {
  status: RequestStatus;
  mentorParticipantId: string;
  menteeParticipantId: string;
  expiresAt: string;
  mentorshipId: string | null;
}

export const MAX_REQUEST_EXPIRY_DAYS = 90;

function requireOpen(state: MentorshipRequestState): void {
  if (state.status === 'none') throw notFound('There is no such mentorship request.');
  if (state.status !== 'open') throw conflict(`This request is no longer open: it was ${state.status}.`);
}

export const mentorshipRequestDecider: Decider<
  MentorshipRequestCommand,
  MentorshipRequestEvent,
  MentorshipRequestState
> = {
  initialState: () => ({
    status: 'none',
    requestId: '',
    programId: '',
    mentorPersonId: '',
    menteePersonId: '',
    mentorParticipantId: '',
    menteeParticipantId: '',
    expiresAt: '',
    mentorshipId: null,
  }),

  decide(command, state) {
    switch (command.type) {
      case 'RequestMentorship': {
        if (state.status !== 'none') throw conflict('This request was already sent.');
        if (command.mentorPersonId === command.menteePersonId) throw badInput('You cannot ask yourself to mentor you.');
        if (!isIsoTime(command.now)) throw badInput('The request time is not a valid time.');
        if (
          !Number.isInteger(command.expiryDays) ||
          command.expiryDays < 1 ||
          command.expiryDays > MAX_REQUEST_EXPIRY_DAYS
        ) {
          throw badInput(`Requests must expire after 1 to ${MAX_REQUEST_EXPIRY_DAYS} days.`);
        }
        const { type: _type, now, expiryDays, hardRules, menteeProfile, mentorProfile, ...data } = command;
        const mentee = { personId: command.menteePersonId, profile: menteeProfile };
        const mentor = { personId: command.mentorPersonId, profile: mentorProfile };
        const eligibility = pairEligibility(hardRules, mentee, mentor);
        if (!eligibility.eligible) {
          throw badInput(hardRuleRefusal(hardRules, mentee, mentor, eligibility.rule), { rule: eligibility.rule });
        }
        return [{ type: 'MentorshipRequested', ...data, requestedAt: now, expiresAt: addDays(now, expiryDays) }];
      }
      case 'AcceptRequest':
        if (state.status === 'accepted' && state.mentorshipId === command.mentorshipId) return []; // a retry
        requireOpen(state);
        if (command.byPersonId !== state.mentorPersonId)
          throw forbidden('Only the requested mentor can accept this request.');
        if (Date.parse(command.now) >= Date.parse(state.expiresAt)) throw conflict('This request has expired.');
        return [
          {
            type: 'MentorshipRequestAccepted',
            ...requestRef(state),
            mentorshipId: command.mentorshipId,
            at: command.now,
          },
        ];
      case 'DeclineRequest':
        requireOpen(state);
        if (command.byPersonId !== state.mentorPersonId)
          throw forbidden('Only the requested mentor can decline this request.');
        return [
          {
            type: 'MentorshipRequestDeclined',
            ...requestRef(state),
            reason: command.reason,
            comment: command.comment,
            at: command.now,
          },
        ];
      case 'ExpireRequest':
        if (state.status === 'none') throw notFound('There is no such mentorship request.');
        // A timer that fires for a request that is already closed, or early, changes nothing.
        if (state.status !== 'open' || Date.parse(command.now) < Date.parse(state.expiresAt)) return [];
        return [{ type: 'MentorshipRequestExpired', ...requestRef(state), at: command.now }];
      case 'WithdrawRequest':
        if (state.status === 'none') throw notFound('There is no such mentorship request.');
        if (command.reason === 'by-mentee') {
          if (command.byPersonId !== state.menteePersonId)
            throw forbidden('Only the mentee can withdraw their request.');
          if (state.status === 'withdrawn') return [];
          requireOpen(state);
        } else if (state.status !== 'open') {
          return []; // the system closes what is still open; anything else already has its outcome
        }
        return [{ type: 'MentorshipRequestWithdrawn', ...requestRef(state), reason: command.reason, at: command.now }];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MentorshipRequested':
        return {
          ...state,
          status: 'open',
          requestId: event.requestId,
          programId: event.programId,
          mentorPersonId: event.mentorPersonId,
          menteePersonId: event.menteePersonId,
          mentorParticipantId: event.mentorParticipantId,
          menteeParticipantId: event.menteeParticipantId,
          expiresAt: event.expiresAt,
        };
      case 'MentorshipRequestAccepted':
        return { ...state, status: 'accepted', mentorshipId: event.mentorshipId };
      case 'MentorshipRequestDeclined':
        return { ...state, status: 'declined' };
      case 'MentorshipRequestExpired':
        return { ...state, status: 'expired' };
      case 'MentorshipRequestWithdrawn':
        return { ...state, status: 'withdrawn' };
    }
  },
};
