import { DomainError } from '@trellis/shared/kernel';
import type { HealthReason, HealthStatus } from '@trellis/sessions/contracts';
import { parseUtcInstant, toUtcIso } from '../time';
import type { ActionItem } from './action-items.decider';
import type { AgreementVersion } from './agreement.decider';
import type { Goal } from './goals.decider';
import type { Introduction } from './introductions.decider';
import type { Nudge } from './nudges.decider';
import type { Reflection } from './reflections.decider';
import type { Resource } from './resources.decider';

/**
 * The state every engagement concern decides against: the pair (from the lifecycle) and one slice per concern. Each
 * concern's evolve changes only its own slice.
 */
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
  /** Program managers' reminders to the pair, oldest first. */
  nudges: Nudge[];
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
  nudges: [],
});

export interface ByPerson {
  /** The person acting (from the verified token). */
  actor: string;
  now: string;
}

export interface OnEngagement {
  mentorshipId: string;
}

export function requireEngagement(state: EngagementState): void {
  if (state.status === 'none') {
    throw new DomainError('NOT_FOUND', 'There is no engagement for this mentorship.');
  }
}

/**
 * The checks every command of the pair passes before its own rules, in this order: the engagement exists, is still
 * open, and the actor is one of the two people.
 */
export function pairAction(
  state: EngagementState,
  command: ByPerson,
): { actor: string; now: string; ref: OnEngagement } {
  requireEngagement(state);
  if (state.status === 'closed') {
    throw new DomainError('CONFLICT', 'This mentorship has ended; its engagement can no longer be changed.');
  }
  const actor = requireParticipant(state, command.actor);
  return { actor, now: instant(command.now), ref: { mentorshipId: state.mentorshipId } };
}

export const isParticipant = (state: EngagementState, personId: string): boolean =>
  personId === state.mentorPersonId || personId === state.menteePersonId;

function requireParticipant(state: EngagementState, actor: string): string {
  if (!isParticipant(state, actor)) {
    throw new DomainError('FORBIDDEN', 'Only the mentor and the mentee of this pair can do this.');
  }
  return actor;
}

export function requireMentor(state: EngagementState, actor: string, message: string): void {
  if (actor !== state.mentorPersonId) throw new DomainError('FORBIDDEN', message);
}

export function instant(value: string): string {
  return toUtcIso(parseUtcInstant(value, 'now'));
}
