import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import { requireSealed } from '../sealed';
import { requireId } from '../validation';
import {
  initialEngagementState,
  pairAction,
  type ByPerson,
  type EngagementState,
  type OnEngagement,
} from './engagement-state';

/** Private reflections: written and read by their author only. */

export interface Reflection {
  reflectionId: string;
  authorPersonId: string;
  text: SealedText;
  writtenAt: string;
  updatedAt: string;
}

export type ReflectionCommand = { type: 'WriteReflection'; reflectionId: string; text: SealedText } & ByPerson;

export type ReflectionEvent = {
  type: 'ReflectionWritten';
  reflectionId: string;
  authorPersonId: string;
  text: SealedText;
  writtenAt: string;
} & OnEngagement;

function decide(command: ReflectionCommand, state: EngagementState): ReflectionEvent[] {
  const { actor, now, ref } = pairAction(state, command);
  const reflectionId = requireId(command.reflectionId, 'reflectionId');
  const existing = state.reflections[reflectionId];
  if (existing && existing.authorPersonId !== actor) {
    throw new DomainError('FORBIDDEN', 'You can only edit your own reflections.');
  }
  return [
    {
      type: 'ReflectionWritten',
      ...ref,
      reflectionId,
      authorPersonId: actor,
      text: requireSealed(command.text, 'Reflection'),
      writtenAt: now,
    },
  ];
}

function evolve(state: EngagementState, event: ReflectionEvent): EngagementState {
  const existing = state.reflections[event.reflectionId];
  return {
    ...state,
    reflections: {
      ...state.reflections,
      [event.reflectionId]: {
        reflectionId: event.reflectionId,
        authorPersonId: event.authorPersonId,
        text: event.text,
        writtenAt: existing?.writtenAt ?? event.writtenAt,
        updatedAt: event.writtenAt,
      },
    },
  };
}

/** Who may read a reflection: only its author (not the other side, not program managers). */
export function canReadReflection(state: EngagementState, reflectionId: string, personId: string): boolean {
  return state.reflections[reflectionId]?.authorPersonId === personId;
}

export const reflectionsDecider: Decider<ReflectionCommand, ReflectionEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide,
  evolve,
};
