import type { Decider } from '@trellis/shared/kernel';
import { HEALTH_REASONS, HEALTH_STATUSES, type HealthReason, type HealthStatus } from '@trellis/sessions/contracts';
import { healthCrossing } from '../engagement-health';
import { requireOneOf } from '../validation';
import {
  initialEngagementState,
  instant,
  requireEngagement,
  type EngagementState,
  type OnEngagement,
} from './engagement-state';

/** The verdict of the daily health assessment, recorded when it changes. */

export type HealthCommand = { type: 'RecordHealth'; status: HealthStatus; reasons: HealthReason[]; now: string };

export type HealthEvent = {
  type: 'EngagementAtRisk' | 'EngagementStalled' | 'EngagementRecovered' | 'EngagementHealthChanged';
  previousStatus: HealthStatus;
  status: HealthStatus;
  reasons: HealthReason[];
  mentorPersonId: string;
  menteePersonId: string;
  evaluatedAt: string;
} & OnEngagement;

function decide(command: HealthCommand, state: EngagementState): HealthEvent[] {
  requireEngagement(state);
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

function evolve(state: EngagementState, event: HealthEvent): EngagementState {
  return { ...state, health: { status: event.status, reasons: event.reasons, assessedAt: event.evaluatedAt } };
}

export const healthDecider: Decider<HealthCommand, HealthEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide,
  evolve,
};
