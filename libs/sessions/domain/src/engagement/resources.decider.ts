import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import { RESOURCE_KINDS, type ResourceKind } from '@trellis/sessions/contracts';
import { optionalSealed, requireSealed } from '../sealed';
import { requireId, requireOneOf, withOptional } from '../validation';
import {
  initialEngagementState,
  pairAction,
  requireMentor,
  type ByPerson,
  type EngagementState,
  type OnEngagement,
} from './engagement-state';

/** Resources (articles, books, courses) the mentor recommends to the mentee. */

export interface Resource {
  resourceId: string;
  kind: ResourceKind;
  title: SealedText;
  link?: SealedText;
  recommendedByPersonId: string;
  recommendedAt: string;
}

export type ResourceCommand = {
  type: 'RecommendResource';
  resourceId: string;
  kind: ResourceKind;
  title: SealedText;
  link?: SealedText;
} & ByPerson;

export type ResourceEvent = {
  type: 'ResourceRecommended';
  resourceId: string;
  kind: ResourceKind;
  title: SealedText;
  link?: SealedText;
  recommendedByPersonId: string;
  recommendedToPersonId: string;
  recommendedAt: string;
} & OnEngagement;

function decide(command: ResourceCommand, state: EngagementState): ResourceEvent[] {
  const { actor, now, ref } = pairAction(state, command);
  requireMentor(state, actor, 'Only the mentor recommends resources.');
  const resourceId = requireId(command.resourceId, 'resourceId');
  if (state.resources[resourceId]) throw new DomainError('CONFLICT', 'A resource with this id exists.');
  return [
    {
      type: 'ResourceRecommended',
      ...ref,
      resourceId,
      kind: requireOneOf(command.kind, RESOURCE_KINDS, 'kind'),
      title: requireSealed(command.title, 'Resource title'),
      ...withOptional('link', optionalSealed(command.link, 'link')),
      recommendedByPersonId: actor,
      recommendedToPersonId: state.menteePersonId,
      recommendedAt: now,
    },
  ];
}

function evolve(state: EngagementState, event: ResourceEvent): EngagementState {
  return {
    ...state,
    resources: {
      ...state.resources,
      [event.resourceId]: {
        resourceId: event.resourceId,
        kind: event.kind,
        title: event.title,
        ...withOptional('link', event.link),
        recommendedByPersonId: event.recommendedByPersonId,
        recommendedAt: event.recommendedAt,
      },
    },
  };
}

export const resourcesDecider: Decider<ResourceCommand, ResourceEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide,
  evolve,
};
