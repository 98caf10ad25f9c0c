import type { EndReason, EndedBy, MentorshipFormat } from '@trellis/matching/contracts';
import type { Decider, SealedText } from '@trellis/shared/kernel';
import { badInput, conflict, forbidden, notFound } from './errors';

export const mentorshipStreamId = (mentorshipId: string): string => `mentorship-${mentorshipId}`;

/** Who sends a lifecycle command; `isManager` comes from the memberships read model, checked by the app. */
export interface Actor {
  personId: string;
  isManager: boolean;
}

export interface MentorshipParties {
  mentorshipId: string;
  programId: string;
  mentorPersonId: string;
  menteePersonId: string;
  mentorParticipantId: string;
  menteeParticipantId: string;
  format: MentorshipFormat;
  circleId?: string;
  origin: 'request' | 'proposal';
  originId: string;
}

export type MentorshipCommand =
  | (MentorshipParties & { type: 'StartMentorship'; now: string })
  | { type: 'PauseMentorship'; actor: Actor; until: string | null; now: string }
  | { type: 'ResumeMentorship'; actor: Actor; now: string }
  | { type: 'EndMentorship'; actor: Actor; reason: EndReason; reflection: SealedText | null; now: string }
  | { type: 'RequestRematch'; actor: Actor; reflection: SealedText | null; now: string };

export type MentorshipEvent =
  | (MentorshipParties & { type: 'MentorshipStarted'; startedAt: string })
  | (MentorshipRef & { type: 'MentorshipPaused'; byPersonId: string; until: string | null; at: string })
  | (MentorshipRef & { type: 'MentorshipResumed'; byPersonId: string; at: string })
  | (MentorshipRef & {
      type: 'MentorshipEnded';
      reason: EndReason;
      endedBy: EndedBy;
      byPersonId: string;
      reflection: SealedText | null;
      at: string;
    })
  | (MentorshipRef & { type: 'RematchRequested'; byPersonId: string; at: string });

export interface MentorshipRef {
  mentorshipId: string;
  programId: string;
  mentorPersonId: string;
  menteePersonId: string;
}

export const mentorshipRef = (state: MentorshipRef): MentorshipRef => ({
  mentorshipId: state.mentorshipId,
  programId: state.programId,
  mentorPersonId: state.mentorPersonId,
  menteePersonId: state.menteePersonId,
});

export type MentorshipStatus = 'none' | 'active' | 'paused' | 'ended';

export interface MentorshipState extends MentorshipParties {
  status: MentorshipStatus;
  startedAt: string;
  endReason: EndReason | null;
  rematchRequested: boolean;
}

function roleOf(state: MentorshipState, actor: Actor): EndedBy | null {
  if (actor.personId === state.mentorPersonId) return 'mentor';
  if (actor.personId === state.menteePersonId) return 'mentee';
  return actor.isManager ? 'manager' : null;
}

function requireParty(state: MentorshipState, actor: Actor): EndedBy {
  if (state.status === 'none') throw notFound('There is no such mentorship.');
  const role = roleOf(state, actor);
  if (!role) throw forbidden('Only the mentor, the mentee or a program manager can change this mentorship.');
  return role;
}

export const mentorshipDecider: Decider<MentorshipCommand, MentorshipEvent, MentorshipState> = {
  initialState: () => ({
    status: 'none',
    mentorshipId: '',
    programId: '',
    mentorPersonId: '',
    menteePersonId: '',
    mentorParticipantId: '',
    menteeParticipantId: '',
    format: 'one-on-one',
    origin: 'request',
    originId: '',
    startedAt: '',
    endReason: null,
    rematchRequested: false,
  }),

  decide(command, state) {
    switch (command.type) {
      case 'StartMentorship': {
        if (state.status !== 'none') return []; // started once; a retried start changes nothing
        if (command.mentorPersonId === command.menteePersonId) throw badInput('A person cannot mentor themselves.');
        if (command.format === 'group' && !command.circleId) throw badInput('A group mentorship belongs to a circle.');
        const { type: _type, now, ...parties } = command;
        return [{ type: 'MentorshipStarted', ...parties, startedAt: now }];
      }
      case 'PauseMentorship': {
        requireParty(state, command.actor);
        if (state.status === 'paused') return [];
        if (state.status !== 'active') throw conflict('Only an active mentorship can be paused.');
        if (command.until !== null && Date.parse(command.until) <= Date.parse(command.now)) {
          throw badInput('A pause must end in the future.');
        }
        return [
          {
            type: 'MentorshipPaused',
            ...mentorshipRef(state),
            byPersonId: command.actor.personId,
            until: command.until,
            at: command.now,
          },
        ];
      }
      case 'ResumeMentorship':
        requireParty(state, command.actor);
        if (state.status === 'active') return [];
        if (state.status !== 'paused') throw conflict('Only a paused mentorship can be resumed.');
        return [
          { type: 'MentorshipResumed', ...mentorshipRef(state), byPersonId: command.actor.personId, at: command.now },
        ];
      case 'EndMentorship': {
        const endedBy = requireParty(state, command.actor);
        if (state.status === 'ended') throw conflict('This mentorship has already ended.');
        return [
          {
            type: 'MentorshipEnded',
            ...mentorshipRef(state),
            reason: command.reason,
            endedBy,
            byPersonId: command.actor.personId,
            reflection: command.reflection,
            at: command.now,
          },
        ];
      }
      case 'RequestRematch': {
        const role = requireParty(state, command.actor);
        if (role === 'mentor') throw forbidden('Only the mentee or a program manager can ask for a rematch.');
        if (state.status === 'ended') throw conflict('This mentorship has already ended.');
        // A rematch ends this mentorship and puts the mentee back in the pool.
        return [
          {
            type: 'MentorshipEnded',
            ...mentorshipRef(state),
            reason: 'not-a-good-fit',
            endedBy: role,
            byPersonId: command.actor.personId,
            reflection: command.reflection,
            at: command.now,
          },
          { type: 'RematchRequested', ...mentorshipRef(state), byPersonId: command.actor.personId, at: command.now },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MentorshipStarted': {
        const { type: _type, ...parties } = event;
        return { ...state, ...parties, status: 'active' };
      }
      case 'MentorshipPaused':
        return { ...state, status: 'paused' };
      case 'MentorshipResumed':
        return { ...state, status: 'active' };
      case 'MentorshipEnded':
        return { ...state, status: 'ended', endReason: event.reason };
      case 'RematchRequested':
        return { ...state, rematchRequested: true };
    }
  },
};
