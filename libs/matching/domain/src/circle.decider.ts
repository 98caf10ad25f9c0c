import type { Decider } from './decider';
import { badInput, conflict, notFound } from './errors';

/** Group mentoring: a mentor leads a circle; its size limit is the circle's own invariant. */
export const circleStreamId = (circleId: string): string => `circle-${circleId}`;

export const MIN_CIRCLE_SIZE = 2;
export const MAX_CIRCLE_SIZE = 50;

export type CircleCommand =
  | {
      type: 'CreateCircle';
      circleId: string;
      programId: string;
      mentorPersonId: string;
      mentorParticipantId: string;
      maxSize: number;
    }
  | { type: 'JoinCircle'; menteePersonId: string; menteeParticipantId: string; mentorshipId: string }
  | { type: 'LeaveCircle'; menteePersonId: string }
  | { type: 'CloseCircle' };

export type CircleEvent =
  | {
      type: 'CircleCreated';
      circleId: string;
      programId: string;
      mentorPersonId: string;
      mentorParticipantId: string;
      maxSize: number;
    }
  | {
      type: 'CircleMemberJoined';
      circleId: string;
      programId: string;
      menteePersonId: string;
      menteeParticipantId: string;
      mentorshipId: string;
      /** Members after this one joined. */
      members: number;
    }
  | { type: 'CircleMemberLeft'; circleId: string; programId: string; menteePersonId: string }
  | { type: 'CircleClosed' };

export interface CircleState {
  status: 'none' | 'open' | 'closed';
  circleId: string;
  programId: string;
  mentorPersonId: string;
  mentorParticipantId: string;
  maxSize: number;
  /** menteePersonId → mentorshipId */
  members: Record<string, string>;
}

export const circleMembers = (state: CircleState): number => Object.keys(state.members).length;

export const circleDecider: Decider<CircleCommand, CircleEvent, CircleState> = {
  initialState: () => ({
    status: 'none',
    circleId: '',
    programId: '',
    mentorPersonId: '',
    mentorParticipantId: '',
    maxSize: 0,
    members: {},
  }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateCircle': {
        if (state.status !== 'none') throw conflict('This circle already exists.');
        if (
          !Number.isInteger(command.maxSize) ||
          command.maxSize < MIN_CIRCLE_SIZE ||
          command.maxSize > MAX_CIRCLE_SIZE
        ) {
          throw badInput(`A circle holds ${MIN_CIRCLE_SIZE} to ${MAX_CIRCLE_SIZE} mentees.`);
        }
        const { type: _type, ...data } = command;
        return [{ type: 'CircleCreated', ...data }];
      }
      case 'JoinCircle': {
        if (state.status === 'none') throw notFound('There is no such circle.');
        if (state.members[command.menteePersonId]) return [];
        if (state.status === 'closed') throw conflict('This circle is closed.');
        if (command.menteePersonId === state.mentorPersonId) throw badInput('The circle lead cannot join as a mentee.');
        if (circleMembers(state) >= state.maxSize) {
          throw conflict(`This circle is full: all ${state.maxSize} places are taken.`, { maxSize: state.maxSize });
        }
        const { type: _type, ...data } = command;
        return [
          {
            type: 'CircleMemberJoined',
            circleId: state.circleId,
            programId: state.programId,
            ...data,
            members: circleMembers(state) + 1,
          },
        ];
      }
      case 'LeaveCircle':
        if (state.status === 'none') throw notFound('There is no such circle.');
        return state.members[command.menteePersonId]
          ? [
              {
                type: 'CircleMemberLeft',
                circleId: state.circleId,
                programId: state.programId,
                menteePersonId: command.menteePersonId,
              },
            ]
          : [];
      case 'CloseCircle':
        if (state.status === 'none') throw notFound('There is no such circle.');
        return state.status === 'closed' ? [] : [{ type: 'CircleClosed' }];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CircleCreated': {
        const { type: _type, ...data } = event;
        return { ...state, ...data, status: 'open' };
      }
      case 'CircleMemberJoined':
        return { ...state, members: { ...state.members, [event.menteePersonId]: event.mentorshipId } };
      case 'CircleMemberLeft': {
        const { [event.menteePersonId]: _left, ...members } = state.members;
        return { ...state, members };
      }
      case 'CircleClosed':
        return { ...state, status: 'closed' };
    }
  },
};
