import type { DeclineReason, MentorshipFormat, ProposalSide } from '@trellis/matching/contracts';
import type { Decider, SealedText } from '@trellis/shared/kernel';
import { conflict, forbidden, notFound } from './errors';

export const proposalStreamId = (proposalId: string): string => `proposal-${proposalId}`;

export interface ProposalParties {
  proposalId: string;
  roundId: string;
  programId: string;
  mentorPersonId: string;
  menteePersonId: string;
  mentorParticipantId: string;
  menteeParticipantId: string;
  format: MentorshipFormat;
  circleId?: string;
  score: number;
  respondBy: string;
}

export type LapseReason = 'mentor-full' | 'mentee-matched' | 'round-discarded';

export type ProposalCommand =
  | (ProposalParties & { type: 'ProposeMatch' })
  | { type: 'AcceptProposal'; side: ProposalSide; personId: string; now: string }
  | {
      type: 'DeclineProposal';
      side: ProposalSide;
      personId: string;
      reason: DeclineReason;
      comment: SealedText | null;
      now: string;
    }
  | { type: 'ConfirmProposal'; mentorshipId: string }
  | { type: 'LapseProposal'; reason: LapseReason };

export type ProposalEvent =
  | (ProposalParties & { type: 'MatchProposed' })
  | (ProposalRef & { type: 'ProposalAccepted'; side: ProposalSide; personId: string; at: string })
  | (ProposalRef & {
      type: 'ProposalDeclined';
      side: ProposalSide;
      personId: string;
      reason: DeclineReason;
      comment: SealedText | null;
      at: string;
    })
  | { type: 'ProposalConfirmed'; mentorshipId: string }
  | { type: 'ProposalLapsed'; reason: LapseReason };

export interface ProposalRef {
  proposalId: string;
  programId: string;
}

export const proposalRef = (state: ProposalRef): ProposalRef => ({
  proposalId: state.proposalId,
  programId: state.programId,
});

export type ProposalStatus = 'none' | 'proposed' | 'declined' | 'confirmed' | 'lapsed';

export interface ProposalState extends ProposalParties {
  status: ProposalStatus;
  acceptedBy: { mentor: boolean; mentee: boolean };
  mentorshipId: string | null;
}

/** Both sides said yes: the app now takes the mentee's claim and the mentor's seat, then confirms or lapses. */
export const bothAccepted = (state: ProposalState): boolean => state.acceptedBy.mentor && state.acceptedBy.mentee;

function requireSide(state: ProposalState, side: ProposalSide, personId: string): void {
  if (state.status === 'none') throw notFound('There is no such proposal.');
  const expected = side === 'mentor' ? state.mentorPersonId : state.menteePersonId;
  if (personId !== expected) throw forbidden(`Only the proposed ${side} can answer for that side.`);
}

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  initialState: () => ({
    status: 'none',
    proposalId: '',
    roundId: '',
    programId: '',
    mentorPersonId: '',
    menteePersonId: '',
    mentorParticipantId: '',
    menteeParticipantId: '',
    format: 'one-on-one',
    score: 0,
    respondBy: '',
    acceptedBy: { mentor: false, mentee: false },
    mentorshipId: null,
  }),

  decide(command, state) {
    switch (command.type) {
      case 'ProposeMatch': {
        if (state.status !== 'none') return [];
        const { type: _type, ...parties } = command;
        return [{ type: 'MatchProposed', ...parties }];
      }
      case 'AcceptProposal':
        requireSide(state, command.side, command.personId);
        if (state.acceptedBy[command.side]) return [];
        if (state.status !== 'proposed') throw conflict(`This proposal is no longer open: it was ${state.status}.`);
        if (Date.parse(command.now) >= Date.parse(state.respondBy))
          throw conflict('The time to answer this proposal has passed.');
        return [
          {
            type: 'ProposalAccepted',
            ...proposalRef(state),
            side: command.side,
            personId: command.personId,
            at: command.now,
          },
        ];
      case 'DeclineProposal':
        requireSide(state, command.side, command.personId);
        if (state.status === 'declined') return [];
        if (state.status !== 'proposed') throw conflict(`This proposal is no longer open: it was ${state.status}.`);
        if (bothAccepted(state)) throw conflict('Both sides already accepted; end the mentorship instead.');
        return [
          {
            type: 'ProposalDeclined',
            ...proposalRef(state),
            side: command.side,
            personId: command.personId,
            reason: command.reason,
            comment: command.comment,
            at: command.now,
          },
        ];
      case 'ConfirmProposal':
        if (state.status === 'confirmed') return [];
        if (state.status !== 'proposed' || !bothAccepted(state)) {
          throw conflict('A proposal is confirmed only after both sides accepted it.');
        }
        return [{ type: 'ProposalConfirmed', mentorshipId: command.mentorshipId }];
      case 'LapseProposal':
        if (state.status === 'none') throw notFound('There is no such proposal.');
        return state.status === 'proposed' ? [{ type: 'ProposalLapsed', reason: command.reason }] : [];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MatchProposed': {
        const { type: _type, ...parties } = event;
        return { ...state, ...parties, status: 'proposed' };
      }
      case 'ProposalAccepted':
        return { ...state, acceptedBy: { ...state.acceptedBy, [event.side]: true } };
      case 'ProposalDeclined':
        return { ...state, status: 'declined' };
      case 'ProposalConfirmed':
        return { ...state, status: 'confirmed', mentorshipId: event.mentorshipId };
      case 'ProposalLapsed':
        return { ...state, status: 'lapsed' };
    }
  },
};
