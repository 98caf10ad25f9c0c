import type { CircleJoinVia, CircleLeaveReason } from '@trellis/matching/contracts';
import type { Decider } from '@trellis/shared/kernel';
import { badInput, conflict, forbidden, notFound } from './errors';
import type { Actor } from './mentorship.decider';

/**
 * Group mentoring: a mentor leads a circle; its size limit is the circle's own invariant, so concurrent joins race on
 * this one stream and the decider answers CONFLICT once every place is taken (the MentorBook pattern, ADR 0005).
 * That a mentee is in at most one circle per program is CircleMembership's invariant, not this one's.
 */
export const circleStreamId = (circleId: string): string => `circle-${circleId}`;

export const MIN_CIRCLE_SIZE = 2;
export const MAX_CIRCLE_SIZE = 50;

export type { CircleJoinVia, CircleLeaveReason };

export type CircleCommand =
  | {
      type: 'CreateCircle';
      circleId: string;
      programId: string;
      mentorPersonId: string;
      mentorParticipantId: string;
      maxSize: number;
      /** Whether mentees may join on their own (otherwise only managers and circle fills place them). */
      selfJoin: boolean;
      actor: Actor;
      now: string;
    }
  | {
      type: 'JoinCircle';
      menteePersonId: string;
      menteeParticipantId: string;
      via: CircleJoinVia;
      actor: Actor;
      now: string;
    }
  | { type: 'LeaveCircle'; menteePersonId: string; actor: Actor; now: string }
  | { type: 'CloseCircle'; actor: Actor; now: string };

export type CircleEvent =
  | {
      type: 'CircleCreated';
      circleId: string;
      programId: string;
      mentorPersonId: string;
      mentorParticipantId: string;
      maxSize: number;
      selfJoin: boolean;
      createdByPersonId: string;
      at: string;
    }
  | {
      type: 'CircleMemberJoined';
      circleId: string;
      programId: string;
      menteePersonId: string;
      menteeParticipantId: string;
      via: CircleJoinVia;
      byPersonId: string;
      /** Members after this one joined. */
      members: number;
      at: string;
    }
  | {
      type: 'CircleMemberLeft';
      circleId: string;
      programId: string;
      menteePersonId: string;
      menteeParticipantId: string;
      reason: CircleLeaveReason;
      byPersonId: string;
      /** Members after this one left. */
      members: number;
      at: string;
    }
  | {
      type: 'CircleClosed';
      circleId: string;
      programId: string;
      byPersonId: string;
      /** Who was still in the circle: their memberships are released so they can join another circle. */
      memberPersonIds: string[];
      at: string;
    };

export interface CircleState {
  status: 'none' | 'open' | 'closed';
  circleId: string;
  programId: string;
  mentorPersonId: string;
  mentorParticipantId: string;
  maxSize: number;
  selfJoin: boolean;
  /** menteePersonId → menteeParticipantId */
  members: Record<string, string>;
}

export const circleMembers = (state: CircleState): number => Object.keys(state.members).length;
export const circleFreeSeats = (state: CircleState): number =>
  state.status === 'open' ? Math.max(0, state.maxSize - circleMembers(state)) : 0;

const requireCircle = (state: CircleState): void => {
  if (state.status === 'none') throw notFound('There is no such circle.');
};

export const circleDecider: Decider<CircleCommand, CircleEvent, CircleState> = {
  initialState: () => ({
    status: 'none',
    circleId: '',
    programId: '',
    mentorPersonId: '',
    mentorParticipantId: '',
    maxSize: 0,
    selfJoin: false,
    members: {},
  }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateCircle': {
        if (!command.actor.isManager && command.actor.personId !== command.mentorPersonId) {
          throw forbidden('Only a program manager or the leading mentor can create a circle.');
        }
        if (state.status !== 'none') throw conflict('This circle already exists.');
        if (
          !Number.isInteger(command.maxSize) ||
          command.maxSize < MIN_CIRCLE_SIZE ||
          command.maxSize > MAX_CIRCLE_SIZE
        ) {
          throw badInput(`A circle holds ${MIN_CIRCLE_SIZE} to ${MAX_CIRCLE_SIZE} mentees.`, {
            maxSize: command.maxSize,
          });
        }
        const { type: _type, actor, now, ...data } = command;
        return [{ type: 'CircleCreated', ...data, createdByPersonId: actor.personId, at: now }];
      }
      case 'JoinCircle': {
        requireCircle(state);
        const self = command.actor.personId === command.menteePersonId;
        if (command.via === 'self' ? !self : !command.actor.isManager) {
          throw forbidden('Only a program manager can place someone else in a circle.');
        }
        if (state.status === 'closed') throw conflict('This circle is closed.', { reason: 'circle-closed' });
        if (state.members[command.menteePersonId]) return []; // already in: a retried join changes nothing
        if (command.menteePersonId === state.mentorPersonId) throw badInput('The circle lead cannot join as a mentee.');
        if (command.via === 'self' && !state.selfJoin) {
          throw forbidden('Mentees cannot join this circle on their own; a program manager places them.');
        }
        if (circleMembers(state) >= state.maxSize) {
          throw conflict(`This circle is full: all ${state.maxSize} places are taken.`, {
            reason: 'circle-full',
            maxSize: state.maxSize,
          });
        }
        return [
          {
            type: 'CircleMemberJoined',
            circleId: state.circleId,
            programId: state.programId,
            menteePersonId: command.menteePersonId,
            menteeParticipantId: command.menteeParticipantId,
            via: command.via,
            byPersonId: command.actor.personId,
            members: circleMembers(state) + 1,
            at: command.now,
          },
        ];
      }
      case 'LeaveCircle': {
        requireCircle(state);
        const self = command.actor.personId === command.menteePersonId;
        if (!self && !command.actor.isManager) {
          throw forbidden('Only the member or a program manager can take someone out of a circle.');
        }
        const participantId = state.members[command.menteePersonId];
        if (!participantId) return [];
        return [
          {
            type: 'CircleMemberLeft',
            circleId: state.circleId,
            programId: state.programId,
            menteePersonId: command.menteePersonId,
            menteeParticipantId: participantId,
            reason: self ? 'left' : 'removed',
            byPersonId: command.actor.personId,
            members: circleMembers(state) - 1,
            at: command.now,
          },
        ];
      }
      case 'CloseCircle':
        requireCircle(state);
        if (!command.actor.isManager && command.actor.personId !== state.mentorPersonId) {
          throw forbidden('Only a program manager or the circle lead can close a circle.');
        }
        if (state.status === 'closed') return [];
        return [
          {
            type: 'CircleClosed',
            circleId: state.circleId,
            programId: state.programId,
            byPersonId: command.actor.personId,
            memberPersonIds: Object.keys(state.members),
            at: command.now,
          },
        ];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CircleCreated':
        return {
          ...state,
          status: 'open',
          circleId: event.circleId,
          programId: event.programId,
          mentorPersonId: event.mentorPersonId,
          mentorParticipantId: event.mentorParticipantId,
          maxSize: event.maxSize,
          selfJoin: event.selfJoin,
        };
      case 'CircleMemberJoined':
        return { ...state, members: { ...state.members, [event.menteePersonId]: event.menteeParticipantId } };
      case 'CircleMemberLeft': {
        const { [event.menteePersonId]: _left, ...members } = state.members;
        return { ...state, members };
      }
      case 'CircleClosed':
        // The closed circle keeps its member list as history; the memberships are released by the app.
        return { ...state, status: 'closed' };
    }
  },
};
