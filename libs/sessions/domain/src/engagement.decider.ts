import type { Decider } from '@trellis/shared/kernel';
import { actionItemsDecider, type ActionItemCommand, type ActionItemEvent } from './engagement/action-items.decider';
import { agreementDecider, type AgreementCommand, type AgreementEvent } from './engagement/agreement.decider';
import { initialEngagementState, type EngagementState } from './engagement/engagement-state';
import { goalsDecider, type GoalCommand, type GoalEvent } from './engagement/goals.decider';
import { healthDecider, type HealthCommand, type HealthEvent } from './engagement/health.decider';
import {
  introductionsDecider,
  type IntroductionCommand,
  type IntroductionEvent,
} from './engagement/introductions.decider';
import { lifecycleDecider, type LifecycleCommand, type LifecycleEvent } from './engagement/lifecycle.decider';
import { nudgesDecider, type NudgeCommand, type NudgeEvent } from './engagement/nudges.decider';
import { reflectionsDecider, type ReflectionCommand, type ReflectionEvent } from './engagement/reflections.decider';
import { resourcesDecider, type ResourceCommand, type ResourceEvent } from './engagement/resources.decider';

export type { ActionItem } from './engagement/action-items.decider';
export {
  agreementInEffect,
  type AgreementTerms,
  type AgreementVersion,
  type AgreementVersionStatus,
} from './engagement/agreement.decider';
export { initialEngagementState, type EngagementState } from './engagement/engagement-state';
export type { Goal, GoalInput, Milestone, ProgressEntry, SmartFields } from './engagement/goals.decider';
export type { Introduction, IntroductionTarget } from './engagement/introductions.decider';
export { lastNudge, NUDGE_INTERVAL_MS, type Nudge } from './engagement/nudges.decider';
export { canReadReflection, type Reflection } from './engagement/reflections.decider';
export type { Resource } from './engagement/resources.decider';

/**
 * Engagement: one per mentorship (stream `engagement-<mentorshipId>`), opened when matching announces
 * MentorshipStarted. It holds what the pair agree on and work towards: the agreement with its amendment history,
 * goals with milestones and progress, action items, resources, introductions and private reflections, and the
 * health verdict. Each concern is its own decider over the same state; this one routes commands and events to them,
 * so the stream keeps one command/event contract.
 */

export type EngagementCommand =
  | LifecycleCommand
  | AgreementCommand
  | GoalCommand
  | ActionItemCommand
  | ResourceCommand
  | IntroductionCommand
  | ReflectionCommand
  | HealthCommand
  | NudgeCommand;

export type EngagementEvent =
  | LifecycleEvent
  | AgreementEvent
  | GoalEvent
  | ActionItemEvent
  | ResourceEvent
  | IntroductionEvent
  | ReflectionEvent
  | HealthEvent
  | NudgeEvent;

export function decideEngagement(command: EngagementCommand, state: EngagementState): EngagementEvent[] {
  switch (command.type) {
    case 'OpenEngagement':
    case 'CloseEngagement':
      return lifecycleDecider.decide(command, state);
    case 'ProposeAgreement':
    case 'SignAgreement':
    case 'AmendAgreement':
      return agreementDecider.decide(command, state);
    case 'SetGoal':
    case 'UpdateGoalProgress':
    case 'AddMilestone':
    case 'ReachMilestone':
    case 'AchieveGoal':
    case 'AbandonGoal':
      return goalsDecider.decide(command, state);
    case 'AddActionItem':
    case 'CompleteActionItem':
      return actionItemsDecider.decide(command, state);
    case 'RecommendResource':
      return resourcesDecider.decide(command, state);
    case 'MakeIntroduction':
      return introductionsDecider.decide(command, state);
    case 'WriteReflection':
      return reflectionsDecider.decide(command, state);
    case 'RecordHealth':
      return healthDecider.decide(command, state);
    case 'NudgePair':
      return nudgesDecider.decide(command, state);
  }
}

export function evolveEngagement(state: EngagementState, event: EngagementEvent): EngagementState {
  switch (event.type) {
    case 'EngagementOpened':
    case 'EngagementClosed':
      return lifecycleDecider.evolve(state, event);
    case 'AgreementProposed':
    case 'AgreementSigned':
    case 'AgreementAmended':
      return agreementDecider.evolve(state, event);
    case 'GoalSet':
    case 'GoalProgressUpdated':
    case 'MilestoneAdded':
    case 'MilestoneReached':
    case 'GoalAchieved':
    case 'GoalAbandoned':
      return goalsDecider.evolve(state, event);
    case 'ActionItemAdded':
    case 'ActionItemCompleted':
      return actionItemsDecider.evolve(state, event);
    case 'ResourceRecommended':
      return resourcesDecider.evolve(state, event);
    case 'IntroductionMade':
      return introductionsDecider.evolve(state, event);
    case 'ReflectionWritten':
      return reflectionsDecider.evolve(state, event);
    case 'EngagementAtRisk':
    case 'EngagementStalled':
    case 'EngagementRecovered':
    case 'EngagementHealthChanged':
      return healthDecider.evolve(state, event);
    case 'EngagementNudged':
      return nudgesDecider.evolve(state, event);
  }
}

export const engagementDecider: Decider<EngagementCommand, EngagementEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide: decideEngagement,
  evolve: evolveEngagement,
};
