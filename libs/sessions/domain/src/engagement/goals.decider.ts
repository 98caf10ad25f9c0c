import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import { GOAL_ABANDON_REASONS, type GoalAbandonReason } from '@trellis/sessions/contracts';
import { optionalSealed, requireSealed } from '../sealed';
import { assertLocalDate, assertTimeZone, localDate } from '../time';
import { requireDistinctIds, requireId, requireInt, requireOneOf, withOptional } from '../validation';
import {
  initialEngagementState,
  isParticipant,
  pairAction,
  type ByPerson,
  type EngagementState,
  type OnEngagement,
} from './engagement-state';

/** Goals with their SMART fields, milestones and progress. */

export interface SmartFields {
  specific?: SealedText;
  measurable?: SealedText;
  achievable?: SealedText;
  relevant?: SealedText;
  timeBound?: SealedText;
}

export interface Milestone {
  milestoneId: string;
  title: SealedText;
  targetDate?: string;
  reachedAt?: string;
  reachedByPersonId?: string;
}

export interface ProgressEntry {
  progressPercent: number;
  updatedByPersonId: string;
  at: string;
  note?: SealedText;
}

export interface Goal {
  goalId: string;
  ownerPersonId: string;
  setByPersonId: string;
  title: SealedText;
  smart: SmartFields;
  targetDate: string;
  status: 'active' | 'achieved' | 'abandoned';
  progressPercent: number;
  progress: ProgressEntry[];
  milestones: Milestone[];
  achievedAt?: string;
  abandonReason?: GoalAbandonReason;
}

export interface GoalInput {
  goalId: string;
  title: SealedText;
  smart?: SmartFields;
  targetDate: string;
  /** Whose goal it is; the mentee's unless said otherwise. */
  ownerPersonId?: string;
  milestones?: Array<{ milestoneId: string; title: SealedText; targetDate?: string }>;
}

export type GoalCommand =
  | ({ type: 'SetGoal'; goal: GoalInput; actorTimeZone: string } & ByPerson)
  | ({ type: 'UpdateGoalProgress'; goalId: string; progressPercent: number; note?: SealedText } & ByPerson)
  | ({
      type: 'AddMilestone';
      goalId: string;
      milestoneId: string;
      title: SealedText;
      targetDate?: string;
      actorTimeZone: string;
    } & ByPerson)
  | ({ type: 'ReachMilestone'; goalId: string; milestoneId: string } & ByPerson)
  | ({ type: 'AchieveGoal'; goalId: string } & ByPerson)
  | ({ type: 'AbandonGoal'; goalId: string; reason: GoalAbandonReason; note?: SealedText } & ByPerson);

export type GoalEvent =
  | ({
      type: 'GoalSet';
      goalId: string;
      setByPersonId: string;
      ownerPersonId: string;
      title: SealedText;
      smart: SmartFields;
      targetDate: string;
      milestones: Array<{ milestoneId: string; title: SealedText; targetDate?: string }>;
      milestoneCount: number;
      setAt: string;
    } & OnEngagement)
  | ({
      type: 'GoalProgressUpdated';
      goalId: string;
      updatedByPersonId: string;
      progressPercent: number;
      note?: SealedText;
      updatedAt: string;
    } & OnEngagement)
  | ({
      type: 'MilestoneAdded';
      goalId: string;
      milestoneId: string;
      title: SealedText;
      targetDate?: string;
      addedByPersonId: string;
    } & OnEngagement)
  | ({
      type: 'MilestoneReached';
      goalId: string;
      milestoneId: string;
      reachedByPersonId: string;
      reachedAt: string;
    } & OnEngagement)
  | ({ type: 'GoalAchieved'; goalId: string; achievedByPersonId: string; achievedAt: string } & OnEngagement)
  | ({
      type: 'GoalAbandoned';
      goalId: string;
      abandonedByPersonId: string;
      reason: GoalAbandonReason;
      note?: SealedText;
      abandonedAt: string;
    } & OnEngagement);

const MAX_MILESTONES = 20;

function decide(command: GoalCommand, state: EngagementState): GoalEvent[] {
  const { actor, now, ref } = pairAction(state, command);
  switch (command.type) {
    case 'SetGoal':
      return [setGoal(command, state, actor, now)];
    case 'UpdateGoalProgress': {
      const goal = activeGoal(state, command.goalId);
      return [
        {
          type: 'GoalProgressUpdated',
          ...ref,
          goalId: goal.goalId,
          updatedByPersonId: actor,
          progressPercent: requireInt(command.progressPercent, 'progressPercent', 0, 100),
          ...withOptional('note', optionalSealed(command.note, 'note')),
          updatedAt: now,
        },
      ];
    }
    case 'AddMilestone': {
      const goal = activeGoal(state, command.goalId);
      const milestoneId = requireId(command.milestoneId, 'milestoneId');
      if (goal.milestones.some((m) => m.milestoneId === milestoneId)) {
        throw new DomainError('CONFLICT', 'This goal already has a milestone with that id.');
      }
      if (goal.milestones.length >= MAX_MILESTONES) {
        throw new DomainError('BAD_USER_INPUT', `A goal can have at most ${MAX_MILESTONES} milestones.`);
      }
      const today = localDate(Date.parse(now), assertTimeZone(command.actorTimeZone, 'actorTimeZone'));
      const targetDate = optionalMilestoneDate(command.targetDate, today, goal.targetDate);
      return [
        {
          type: 'MilestoneAdded',
          ...ref,
          goalId: goal.goalId,
          milestoneId,
          title: requireSealed(command.title, 'Milestone title'),
          ...withOptional('targetDate', targetDate),
          addedByPersonId: actor,
        },
      ];
    }
    case 'ReachMilestone': {
      const goal = activeGoal(state, command.goalId);
      const milestone = goal.milestones.find((m) => m.milestoneId === command.milestoneId);
      if (!milestone) throw new DomainError('NOT_FOUND', 'This goal has no such milestone.');
      if (milestone.reachedAt) throw new DomainError('CONFLICT', 'This milestone has already been reached.');
      return [
        {
          type: 'MilestoneReached',
          ...ref,
          goalId: goal.goalId,
          milestoneId: milestone.milestoneId,
          reachedByPersonId: actor,
          reachedAt: now,
        },
      ];
    }
    case 'AchieveGoal': {
      const goal = activeGoal(state, command.goalId);
      return [{ type: 'GoalAchieved', ...ref, goalId: goal.goalId, achievedByPersonId: actor, achievedAt: now }];
    }
    case 'AbandonGoal': {
      const goal = activeGoal(state, command.goalId);
      return [
        {
          type: 'GoalAbandoned',
          ...ref,
          goalId: goal.goalId,
          abandonedByPersonId: actor,
          reason: requireOneOf(command.reason, GOAL_ABANDON_REASONS, 'reason'),
          ...withOptional('note', optionalSealed(command.note, 'note')),
          abandonedAt: now,
        },
      ];
    }
  }
}

function setGoal(
  command: Extract<GoalCommand, { type: 'SetGoal' }>,
  state: EngagementState,
  actor: string,
  now: string,
): GoalEvent {
  const input = command.goal;
  const goalId = requireId(input.goalId, 'goalId');
  if (state.goals[goalId]) throw new DomainError('CONFLICT', 'A goal with this id exists.');
  const title = requireSealed(input.title, 'Goal title');
  const today = localDate(Date.parse(now), assertTimeZone(command.actorTimeZone, 'actorTimeZone'));
  const targetDate = assertLocalDate(input.targetDate, 'targetDate');
  if (targetDate < today) {
    throw new DomainError('BAD_USER_INPUT', 'The target date of a goal cannot be before today.', {
      field: 'targetDate',
    });
  }
  const ownerPersonId = input.ownerPersonId === undefined ? state.menteePersonId : input.ownerPersonId;
  if (!isParticipant(state, ownerPersonId)) {
    throw new DomainError('BAD_USER_INPUT', 'A goal belongs to the mentor or the mentee of this pair.');
  }
  const smart: SmartFields = {};
  for (const key of ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const) {
    const value = optionalSealed(input.smart?.[key], key);
    if (value) smart[key] = value;
  }
  const milestones = (input.milestones ?? []).map((m) => ({
    milestoneId: requireId(m.milestoneId, 'milestoneId'),
    title: requireSealed(m.title, 'Milestone title'),
    ...withOptional('targetDate', optionalMilestoneDate(m.targetDate, today, targetDate)),
  }));
  if (milestones.length > MAX_MILESTONES) {
    throw new DomainError('BAD_USER_INPUT', `A goal can have at most ${MAX_MILESTONES} milestones.`);
  }
  requireDistinctIds(
    milestones.map((m) => m.milestoneId),
    'milestones',
    MAX_MILESTONES,
  );
  return {
    type: 'GoalSet',
    mentorshipId: state.mentorshipId,
    goalId,
    setByPersonId: actor,
    ownerPersonId,
    title,
    smart,
    targetDate,
    milestones,
    milestoneCount: milestones.length,
    setAt: now,
  };
}

function optionalMilestoneDate(value: unknown, today: string, goalTarget: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const date = assertLocalDate(value, 'milestone targetDate');
  if (date < today) throw new DomainError('BAD_USER_INPUT', 'A milestone date cannot be before today.');
  if (date > goalTarget) {
    throw new DomainError('BAD_USER_INPUT', "A milestone date cannot be after the goal's target date.");
  }
  return date;
}

function activeGoal(state: EngagementState, goalId: string): Goal {
  const goal = state.goals[goalId];
  if (!goal) throw new DomainError('NOT_FOUND', 'There is no such goal.');
  if (goal.status !== 'active') throw new DomainError('CONFLICT', `This goal is already ${goal.status}.`);
  return goal;
}

function evolve(state: EngagementState, event: GoalEvent): EngagementState {
  switch (event.type) {
    case 'GoalSet':
      return {
        ...state,
        goals: {
          ...state.goals,
          [event.goalId]: {
            goalId: event.goalId,
            ownerPersonId: event.ownerPersonId,
            setByPersonId: event.setByPersonId,
            title: event.title,
            smart: event.smart,
            targetDate: event.targetDate,
            status: 'active',
            progressPercent: 0,
            progress: [],
            milestones: event.milestones.map((m) => ({ ...m })),
          },
        },
      };
    case 'GoalProgressUpdated':
      return updateGoal(state, event.goalId, (g) => ({
        ...g,
        progressPercent: event.progressPercent,
        progress: [
          ...g.progress,
          {
            progressPercent: event.progressPercent,
            updatedByPersonId: event.updatedByPersonId,
            at: event.updatedAt,
            ...withOptional('note', event.note),
          },
        ],
      }));
    case 'MilestoneAdded':
      return updateGoal(state, event.goalId, (g) => ({
        ...g,
        milestones: [
          ...g.milestones,
          { milestoneId: event.milestoneId, title: event.title, ...withOptional('targetDate', event.targetDate) },
        ],
      }));
    case 'MilestoneReached':
      return updateGoal(state, event.goalId, (g) => ({
        ...g,
        milestones: g.milestones.map((m) =>
          m.milestoneId === event.milestoneId
            ? { ...m, reachedAt: event.reachedAt, reachedByPersonId: event.reachedByPersonId }
            : m,
        ),
      }));
    case 'GoalAchieved':
      return updateGoal(state, event.goalId, (g) => ({
        ...g,
        status: 'achieved',
        progressPercent: 100,
        achievedAt: event.achievedAt,
      }));
    case 'GoalAbandoned':
      return updateGoal(state, event.goalId, (g) => ({ ...g, status: 'abandoned', abandonReason: event.reason }));
  }
}

function updateGoal(state: EngagementState, goalId: string, change: (goal: Goal) => Goal): EngagementState {
  const goal = state.goals[goalId];
  return goal ? { ...state, goals: { ...state.goals, [goalId]: change(goal) } } : state;
}

export const goalsDecider: Decider<GoalCommand, GoalEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide,
  evolve,
};
