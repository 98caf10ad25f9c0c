import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import { requireSealed } from '../sealed';
import { assertLocalDate, assertTimeZone, localDate } from '../time';
import { optionalId, requireId, withOptional } from '../validation';
import {
  initialEngagementState,
  isParticipant,
  pairAction,
  type ByPerson,
  type EngagementState,
  type OnEngagement,
} from './engagement-state';

/** Action items of the pair, each owned by the mentor or the mentee, optionally tied to a goal or a session. */

export interface ActionItem {
  actionItemId: string;
  title: SealedText;
  ownerPersonId: string;
  addedByPersonId: string;
  dueDate: string;
  goalId?: string;
  sessionId?: string;
  completedAt?: string;
  completedByPersonId?: string;
}

export type ActionItemCommand =
  | ({
      type: 'AddActionItem';
      actionItemId: string;
      title: SealedText;
      ownerPersonId: string;
      dueDate: string;
      goalId?: string;
      sessionId?: string;
      actorTimeZone: string;
    } & ByPerson)
  | ({ type: 'CompleteActionItem'; actionItemId: string } & ByPerson);

export type ActionItemEvent =
  | ({
      type: 'ActionItemAdded';
      actionItemId: string;
      addedByPersonId: string;
      ownerPersonId: string;
      title: SealedText;
      dueDate: string;
      goalId?: string;
      sessionId?: string;
    } & OnEngagement)
  | ({
      type: 'ActionItemCompleted';
      actionItemId: string;
      ownerPersonId: string;
      completedByPersonId: string;
      completedAt: string;
    } & OnEngagement);

function decide(command: ActionItemCommand, state: EngagementState): ActionItemEvent[] {
  const { actor, now, ref } = pairAction(state, command);
  switch (command.type) {
    case 'AddActionItem': {
      const actionItemId = requireId(command.actionItemId, 'actionItemId');
      if (state.actionItems[actionItemId]) throw new DomainError('CONFLICT', 'An action item with this id exists.');
      const ownerPersonId = requireId(command.ownerPersonId, 'ownerPersonId');
      if (!isParticipant(state, ownerPersonId)) {
        throw new DomainError('BAD_USER_INPUT', 'An action item belongs to the mentor or the mentee of this pair.', {
          field: 'ownerPersonId',
        });
      }
      const today = localDate(Date.parse(now), assertTimeZone(command.actorTimeZone, 'actorTimeZone'));
      const dueDate = assertLocalDate(command.dueDate, 'dueDate');
      if (dueDate < today) {
        throw new DomainError('BAD_USER_INPUT', 'The due date cannot be before today.', { field: 'dueDate' });
      }
      const goalId = optionalId(command.goalId, 'goalId');
      if (goalId !== undefined && !state.goals[goalId]) throw new DomainError('NOT_FOUND', 'There is no such goal.');
      return [
        {
          type: 'ActionItemAdded',
          ...ref,
          actionItemId,
          addedByPersonId: actor,
          ownerPersonId,
          title: requireSealed(command.title, 'Action item title'),
          dueDate,
          ...withOptional('goalId', goalId),
          ...withOptional('sessionId', optionalId(command.sessionId, 'sessionId')),
        },
      ];
    }
    case 'CompleteActionItem': {
      const item = state.actionItems[command.actionItemId];
      if (!item) throw new DomainError('NOT_FOUND', 'There is no such action item.');
      if (item.completedAt) throw new DomainError('CONFLICT', 'This action item is already done.');
      return [
        {
          type: 'ActionItemCompleted',
          ...ref,
          actionItemId: item.actionItemId,
          ownerPersonId: item.ownerPersonId,
          completedByPersonId: actor,
          completedAt: now,
        },
      ];
    }
  }
}

function evolve(state: EngagementState, event: ActionItemEvent): EngagementState {
  switch (event.type) {
    case 'ActionItemAdded':
      return {
        ...state,
        actionItems: {
          ...state.actionItems,
          [event.actionItemId]: {
            actionItemId: event.actionItemId,
            title: event.title,
            ownerPersonId: event.ownerPersonId,
            addedByPersonId: event.addedByPersonId,
            dueDate: event.dueDate,
            ...withOptional('goalId', event.goalId),
            ...withOptional('sessionId', event.sessionId),
          },
        },
      };
    case 'ActionItemCompleted': {
      const item = state.actionItems[event.actionItemId];
      if (!item) return state;
      return {
        ...state,
        actionItems: {
          ...state.actionItems,
          [event.actionItemId]: {
            ...item,
            completedAt: event.completedAt,
            completedByPersonId: event.completedByPersonId,
          },
        },
      };
    }
  }
}

export const actionItemsDecider: Decider<ActionItemCommand, ActionItemEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide,
  evolve,
};
