import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import {
  COMMUNICATION_CHANNELS,
  GOAL_ABANDON_REASONS,
  HEALTH_REASONS,
  HEALTH_STATUSES,
  MEETING_CADENCES,
  RESOURCE_KINDS,
  type CommunicationChannel,
  type GoalAbandonReason,
  type HealthReason,
  type HealthStatus,
  type MeetingCadence,
  type ResourceKind,
} from '@trellis/sessions/contracts';
import { healthCrossing } from './engagement-health';
import { optionalSealed, requireSealed } from './sealed';
import { assertLocalDate, assertTimeZone, localDate, parseUtcInstant, toUtcIso } from './time';
import { optionalId, requireDistinctIds, requireId, requireInt, requireOneOf, withOptional } from './validation';

/**
 * Engagement: one per mentorship (stream `engagement-<mentorshipId>`), opened when matching announces
 * MentorshipStarted. It holds what the pair agree on and work towards: the agreement with its amendment history,
 * goals with milestones and progress, action items, resources, introductions and private reflections.
 */

// ---------- state ----------

export interface AgreementTerms {
  cadence: MeetingCadence;
  sessionMinutes: number;
  durationMonths: number;
  channels: CommunicationChannel[];
  expectations?: SealedText;
  boundaries?: SealedText;
  confidentiality?: SealedText;
}

export type AgreementVersionStatus = 'proposed' | 'superseded' | 'in-effect' | 'replaced';

export interface AgreementVersion {
  version: number;
  amendsVersion?: number;
  proposedByPersonId: string;
  proposedAt: string;
  terms: AgreementTerms;
  signedBy: string[];
  status: AgreementVersionStatus;
  inEffectSince?: string;
}

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

export interface Resource {
  resourceId: string;
  kind: ResourceKind;
  title: SealedText;
  link?: SealedText;
  recommendedByPersonId: string;
  recommendedAt: string;
}

export type IntroductionTarget =
  | { kind: 'participant'; personId: string }
  | { kind: 'external-contact'; contact: SealedText };

export interface Introduction {
  introductionId: string;
  target: IntroductionTarget;
  note?: SealedText;
  introducedByPersonId: string;
  madeAt: string;
}

export interface Reflection {
  reflectionId: string;
  authorPersonId: string;
  text: SealedText;
  writtenAt: string;
  updatedAt: string;
}

export interface EngagementState {
  status: 'none' | 'open' | 'closed';
  mentorshipId: string;
  programId: string;
  mentorPersonId: string;
  menteePersonId: string;
  mentorParticipantId: string;
  menteeParticipantId: string;
  format: string;
  circleId?: string;
  openedAt: string;
  agreements: AgreementVersion[];
  goals: Record<string, Goal>;
  actionItems: Record<string, ActionItem>;
  resources: Record<string, Resource>;
  introductions: Record<string, Introduction>;
  reflections: Record<string, Reflection>;
  health: { status: HealthStatus; reasons: HealthReason[]; assessedAt?: string };
}

export const initialEngagementState = (): EngagementState => ({
  status: 'none',
  mentorshipId: '',
  programId: '',
  mentorPersonId: '',
  menteePersonId: '',
  mentorParticipantId: '',
  menteeParticipantId: '',
  format: '',
  openedAt: '',
  agreements: [],
  goals: {},
  actionItems: {},
  resources: {},
  introductions: {},
  reflections: {},
  health: { status: 'healthy', reasons: [] },
});

// ---------- commands ----------

interface ByPerson {
  /** The person acting (from the verified token). */
  actor: string;
  now: string;
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

export type EngagementCommand =
  | {
      type: 'OpenEngagement';
      mentorshipId: string;
      programId: string;
      mentorPersonId: string;
      menteePersonId: string;
      mentorParticipantId: string;
      menteeParticipantId: string;
      format: string;
      circleId?: string;
      now: string;
    }
  | { type: 'CloseEngagement'; now: string }
  | ({ type: 'ProposeAgreement'; terms: AgreementTerms } & ByPerson)
  | ({ type: 'SignAgreement'; version: number } & ByPerson)
  | ({ type: 'AmendAgreement'; terms: AgreementTerms } & ByPerson)
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
  | ({ type: 'AbandonGoal'; goalId: string; reason: GoalAbandonReason; note?: SealedText } & ByPerson)
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
  | ({ type: 'CompleteActionItem'; actionItemId: string } & ByPerson)
  | ({
      type: 'RecommendResource';
      resourceId: string;
      kind: ResourceKind;
      title: SealedText;
      link?: SealedText;
    } & ByPerson)
  | ({ type: 'MakeIntroduction'; introductionId: string; target: IntroductionTarget; note?: SealedText } & ByPerson)
  | ({ type: 'WriteReflection'; reflectionId: string; text: SealedText } & ByPerson)
  | { type: 'RecordHealth'; status: HealthStatus; reasons: HealthReason[]; now: string };

// ---------- events ----------

interface OnEngagement {
  mentorshipId: string;
}

export type EngagementEvent =
  | ({
      type: 'EngagementOpened';
      programId: string;
      mentorPersonId: string;
      menteePersonId: string;
      mentorParticipantId: string;
      menteeParticipantId: string;
      format: string;
      circleId?: string;
      openedAt: string;
    } & OnEngagement)
  | ({ type: 'EngagementClosed'; reason: 'mentorship-ended'; closedAt: string } & OnEngagement)
  | ({ type: 'AgreementProposed'; version: number; proposedByPersonId: string; proposedAt: string } & AgreementTerms &
      OnEngagement)
  | ({
      type: 'AgreementSigned';
      version: number;
      signedByPersonId: string;
      inEffect: boolean;
      signedAt: string;
    } & OnEngagement)
  | ({
      type: 'AgreementAmended';
      version: number;
      amendsVersion: number;
      proposedByPersonId: string;
      proposedAt: string;
    } & AgreementTerms &
      OnEngagement)
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
    } & OnEngagement)
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
    } & OnEngagement)
  | ({
      type: 'ResourceRecommended';
      resourceId: string;
      kind: ResourceKind;
      title: SealedText;
      link?: SealedText;
      recommendedByPersonId: string;
      recommendedToPersonId: string;
      recommendedAt: string;
    } & OnEngagement)
  | ({
      type: 'IntroductionMade';
      introductionId: string;
      target: IntroductionTarget;
      note?: SealedText;
      introducedByPersonId: string;
      menteePersonId: string;
      madeAt: string;
    } & OnEngagement)
  | ({
      type: 'ReflectionWritten';
      reflectionId: string;
      authorPersonId: string;
      text: SealedText;
      writtenAt: string;
    } & OnEngagement)
  | ({
      type: 'EngagementAtRisk' | 'EngagementStalled' | 'EngagementRecovered' | 'EngagementHealthChanged';
      previousStatus: HealthStatus;
      status: HealthStatus;
      reasons: HealthReason[];
      mentorPersonId: string;
      menteePersonId: string;
      evaluatedAt: string;
    } & OnEngagement);

// ---------- decide ----------

export function decideEngagement(command: EngagementCommand, state: EngagementState): EngagementEvent[] {
  if (command.type === 'OpenEngagement') return openEngagement(command, state);
  if (state.status === 'none') {
    throw new DomainError('NOT_FOUND', 'There is no engagement for this mentorship.');
  }
  const ref = { mentorshipId: state.mentorshipId };
  if (command.type === 'CloseEngagement') {
    if (state.status === 'closed') return [];
    return [{ type: 'EngagementClosed', ...ref, reason: 'mentorship-ended', closedAt: instant(command.now) }];
  }
  if (command.type === 'RecordHealth') return recordHealth(command, state);
  if (state.status === 'closed') {
    throw new DomainError('CONFLICT', 'This mentorship has ended; its engagement can no longer be changed.');
  }
  const actor = requireParticipant(state, command.actor);
  const now = instant(command.now);

  switch (command.type) {
    case 'ProposeAgreement': {
      if (state.agreements.some((a) => a.status === 'in-effect')) {
        throw new DomainError('CONFLICT', 'An agreement is already in effect; propose an amendment instead.');
      }
      const terms = validTerms(command.terms);
      return [
        {
          type: 'AgreementProposed',
          ...ref,
          version: state.agreements.length + 1,
          proposedByPersonId: actor,
          proposedAt: now,
          ...terms,
        },
      ];
    }
    case 'AmendAgreement': {
      const current = state.agreements.find((a) => a.status === 'in-effect');
      if (!current) {
        throw new DomainError('CONFLICT', 'There is no signed agreement to amend yet; propose an agreement first.');
      }
      const terms = validTerms(command.terms);
      return [
        {
          type: 'AgreementAmended',
          ...ref,
          version: state.agreements.length + 1,
          amendsVersion: current.version,
          proposedByPersonId: actor,
          proposedAt: now,
          ...terms,
        },
      ];
    }
    case 'SignAgreement': {
      const version = requireInt(command.version, 'version', 1, Number.MAX_SAFE_INTEGER);
      const agreement = state.agreements.find((a) => a.version === version);
      if (!agreement) throw new DomainError('NOT_FOUND', `There is no agreement version ${version}.`);
      if (agreement.status !== 'proposed') {
        const latest = state.agreements.find((a) => a.status === 'proposed');
        throw new DomainError(
          'CONFLICT',
          latest
            ? `Version ${version} of the agreement has been replaced by version ${latest.version}; review and sign that one.`
            : `Version ${version} of the agreement is no longer open for signature.`,
          { version, latestVersion: latest?.version },
        );
      }
      if (agreement.signedBy.includes(actor)) {
        throw new DomainError('CONFLICT', `You have already signed version ${version} of the agreement.`);
      }
      return [
        {
          type: 'AgreementSigned',
          ...ref,
          version,
          signedByPersonId: actor,
          inEffect: agreement.signedBy.length + 1 === 2,
          signedAt: now,
        },
      ];
    }
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
    case 'RecommendResource': {
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
    case 'MakeIntroduction': {
      requireMentor(state, actor, 'Only the mentor makes introductions to their network.');
      const introductionId = requireId(command.introductionId, 'introductionId');
      if (state.introductions[introductionId])
        throw new DomainError('CONFLICT', 'An introduction with this id exists.');
      return [
        {
          type: 'IntroductionMade',
          ...ref,
          introductionId,
          target: validTarget(command.target, state),
          ...withOptional('note', optionalSealed(command.note, 'note')),
          introducedByPersonId: actor,
          menteePersonId: state.menteePersonId,
          madeAt: now,
        },
      ];
    }
    case 'WriteReflection': {
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
  }
}

const MAX_MILESTONES = 20;

function openEngagement(
  command: Extract<EngagementCommand, { type: 'OpenEngagement' }>,
  state: EngagementState,
): EngagementEvent[] {
  const mentorshipId = requireId(command.mentorshipId, 'mentorshipId');
  if (state.status !== 'none') {
    // MentorshipStarted is delivered at least once: a repeat for the same mentorship changes nothing.
    if (state.mentorshipId === mentorshipId) return [];
    throw new DomainError('CONFLICT', 'This engagement belongs to another mentorship.');
  }
  const mentorPersonId = requireId(command.mentorPersonId, 'mentorPersonId');
  const menteePersonId = requireId(command.menteePersonId, 'menteePersonId');
  if (mentorPersonId === menteePersonId) {
    throw new DomainError('BAD_USER_INPUT', 'A person cannot mentor themselves.');
  }
  return [
    {
      type: 'EngagementOpened',
      mentorshipId,
      programId: requireId(command.programId, 'programId'),
      mentorPersonId,
      menteePersonId,
      mentorParticipantId: requireId(command.mentorParticipantId, 'mentorParticipantId'),
      menteeParticipantId: requireId(command.menteeParticipantId, 'menteeParticipantId'),
      format: requireId(command.format, 'format'),
      ...withOptional('circleId', optionalId(command.circleId, 'circleId')),
      openedAt: instant(command.now),
    },
  ];
}

function recordHealth(
  command: Extract<EngagementCommand, { type: 'RecordHealth' }>,
  state: EngagementState,
): EngagementEvent[] {
  const status = requireOneOf(command.status, HEALTH_STATUSES, 'status');
  const reasons = [...new Set(command.reasons.map((r) => requireOneOf(r, HEALTH_REASONS, 'reason')))];
  // An ended mentorship is no longer nudged, whatever its numbers say.
  if (state.status === 'closed' || status === state.health.status) return [];
  const signal = healthCrossing(state.health.status, status);
  return [
    {
      type: signal ?? 'EngagementHealthChanged',
      mentorshipId: state.mentorshipId,
      previousStatus: state.health.status,
      status,
      reasons,
      mentorPersonId: state.mentorPersonId,
      menteePersonId: state.menteePersonId,
      evaluatedAt: instant(command.now),
    },
  ];
}

function setGoal(
  command: Extract<EngagementCommand, { type: 'SetGoal' }>,
  state: EngagementState,
  actor: string,
  now: string,
): EngagementEvent {
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

function validTerms(terms: AgreementTerms): AgreementTerms {
  if (typeof terms !== 'object' || terms === null) {
    throw new DomainError('BAD_USER_INPUT', 'The agreement terms are missing.');
  }
  const channels = requireDistinctIds(terms.channels, 'channels', COMMUNICATION_CHANNELS.length).map((c) =>
    requireOneOf(c, COMMUNICATION_CHANNELS, 'channels'),
  );
  if (channels.length === 0) {
    throw new DomainError('BAD_USER_INPUT', 'Choose at least one preferred channel.', { field: 'channels' });
  }
  return {
    cadence: requireOneOf(terms.cadence, MEETING_CADENCES, 'cadence'),
    sessionMinutes: requireInt(terms.sessionMinutes, 'sessionMinutes', 15, 480),
    durationMonths: requireInt(terms.durationMonths, 'durationMonths', 1, 60),
    channels,
    ...withOptional('expectations', optionalSealed(terms.expectations, 'expectations')),
    ...withOptional('boundaries', optionalSealed(terms.boundaries, 'boundaries')),
    ...withOptional('confidentiality', optionalSealed(terms.confidentiality, 'confidentiality')),
  };
}

function validTarget(target: IntroductionTarget, state: EngagementState): IntroductionTarget {
  if (target?.kind === 'participant') {
    const personId = requireId(target.personId, 'personId');
    if (isParticipant(state, personId)) {
      throw new DomainError('BAD_USER_INPUT', 'Introduce the mentee to someone other than this pair.');
    }
    return { kind: 'participant', personId };
  }
  if (target?.kind === 'external-contact') {
    return { kind: 'external-contact', contact: requireSealed(target.contact, 'Contact details') };
  }
  throw new DomainError('BAD_USER_INPUT', 'An introduction is to another participant or to an external contact.');
}

function activeGoal(state: EngagementState, goalId: string): Goal {
  const goal = state.goals[goalId];
  if (!goal) throw new DomainError('NOT_FOUND', 'There is no such goal.');
  if (goal.status !== 'active') throw new DomainError('CONFLICT', `This goal is already ${goal.status}.`);
  return goal;
}

const isParticipant = (state: EngagementState, personId: string): boolean =>
  personId === state.mentorPersonId || personId === state.menteePersonId;

function requireParticipant(state: EngagementState, actor: string): string {
  if (!isParticipant(state, actor)) {
    throw new DomainError('FORBIDDEN', 'Only the mentor and the mentee of this pair can do this.');
  }
  return actor;
}

function requireMentor(state: EngagementState, actor: string, message: string): void {
  if (actor !== state.mentorPersonId) throw new DomainError('FORBIDDEN', message);
}

function instant(value: string): string {
  return toUtcIso(parseUtcInstant(value, 'now'));
}

// ---------- evolve ----------

export function evolveEngagement(state: EngagementState, event: EngagementEvent): EngagementState {
  switch (event.type) {
    case 'EngagementOpened':
      return {
        ...state,
        status: 'open',
        mentorshipId: event.mentorshipId,
        programId: event.programId,
        mentorPersonId: event.mentorPersonId,
        menteePersonId: event.menteePersonId,
        mentorParticipantId: event.mentorParticipantId,
        menteeParticipantId: event.menteeParticipantId,
        format: event.format,
        ...withOptional('circleId', event.circleId),
        openedAt: event.openedAt,
      };
    case 'EngagementClosed':
      return { ...state, status: 'closed' };
    case 'AgreementProposed':
    case 'AgreementAmended': {
      const { type: _type, mentorshipId: _m, version, proposedByPersonId, proposedAt, ...rest } = event;
      const terms: AgreementTerms = {
        cadence: rest.cadence,
        sessionMinutes: rest.sessionMinutes,
        durationMonths: rest.durationMonths,
        channels: rest.channels,
        ...withOptional('expectations', rest.expectations),
        ...withOptional('boundaries', rest.boundaries),
        ...withOptional('confidentiality', rest.confidentiality),
      };
      // A newer proposal supersedes one still waiting for signatures; the version in effect stays until then.
      const agreements = state.agreements.map((a) =>
        a.status === 'proposed' ? { ...a, status: 'superseded' as const } : a,
      );
      agreements.push({
        version,
        ...withOptional('amendsVersion', event.type === 'AgreementAmended' ? event.amendsVersion : undefined),
        proposedByPersonId,
        proposedAt,
        terms,
        signedBy: [],
        status: 'proposed',
      });
      return { ...state, agreements };
    }
    case 'AgreementSigned': {
      const agreements = state.agreements.map((a) => {
        if (a.version === event.version) {
          const signed = { ...a, signedBy: [...a.signedBy, event.signedByPersonId] };
          return event.inEffect ? { ...signed, status: 'in-effect' as const, inEffectSince: event.signedAt } : signed;
        }
        if (event.inEffect && a.status === 'in-effect') return { ...a, status: 'replaced' as const };
        return a;
      });
      return { ...state, agreements };
    }
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
    case 'ResourceRecommended':
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
    case 'IntroductionMade':
      return {
        ...state,
        introductions: {
          ...state.introductions,
          [event.introductionId]: {
            introductionId: event.introductionId,
            target: event.target,
            ...withOptional('note', event.note),
            introducedByPersonId: event.introducedByPersonId,
            madeAt: event.madeAt,
          },
        },
      };
    case 'ReflectionWritten': {
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
    case 'EngagementAtRisk':
    case 'EngagementStalled':
    case 'EngagementRecovered':
    case 'EngagementHealthChanged':
      return { ...state, health: { status: event.status, reasons: event.reasons, assessedAt: event.evaluatedAt } };
  }
}

function updateGoal(state: EngagementState, goalId: string, change: (goal: Goal) => Goal): EngagementState {
  const goal = state.goals[goalId];
  return goal ? { ...state, goals: { ...state.goals, [goalId]: change(goal) } } : state;
}

/** Who may read a reflection: only its author (not the other side, not program managers). */
export function canReadReflection(state: EngagementState, reflectionId: string, personId: string): boolean {
  return state.reflections[reflectionId]?.authorPersonId === personId;
}

/** The agreement version the pair currently work under, if both have signed one. */
export function agreementInEffect(state: EngagementState): AgreementVersion | undefined {
  return state.agreements.find((a) => a.status === 'in-effect');
}

export const engagementDecider: Decider<EngagementCommand, EngagementEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide: decideEngagement,
  evolve: evolveEngagement,
};
