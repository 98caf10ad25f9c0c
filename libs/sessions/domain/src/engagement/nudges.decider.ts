import { DomainError, type Decider } from '@trellis/shared/kernel';
import {
  initialEngagementState,
  instant,
  requireEngagement,
  type EngagementState,
  type OnEngagement,
} from './engagement-state';

/**
 * A program manager's reminder to a quiet pair. People who hear from their program every few minutes stop reading,
 * so a pair is nudged at most once a day: a second nudge inside that day changes nothing and the caller answers
 * with the first one (`lastNudge`). Who nudged when stays in the stream as the audit.
 */

export const NUDGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** `byPersonId` is a program manager or org admin, checked by the service against the memberships. */
export type NudgeCommand = { type: 'NudgePair'; byPersonId: string; now: string };

export type NudgeEvent = {
  type: 'EngagementNudged';
  mentorPersonId: string;
  menteePersonId: string;
  nudgedByPersonId: string;
  nudgedAt: string;
} & OnEngagement;

export interface Nudge {
  byPersonId: string;
  at: string;
}

export const lastNudge = (state: EngagementState): Nudge | null => state.nudges.at(-1) ?? null;

function decide(command: NudgeCommand, state: EngagementState): NudgeEvent[] {
  requireEngagement(state);
  if (state.status === 'closed') {
    throw new DomainError('CONFLICT', 'This mentorship has ended; there is no one left to remind.');
  }
  const now = instant(command.now);
  const last = lastNudge(state);
  if (last && Date.parse(now) - Date.parse(last.at) < NUDGE_INTERVAL_MS) return [];
  return [
    {
      type: 'EngagementNudged',
      mentorshipId: state.mentorshipId,
      mentorPersonId: state.mentorPersonId,
      menteePersonId: state.menteePersonId,
      nudgedByPersonId: command.byPersonId,
      nudgedAt: now,
    },
  ];
}

function evolve(state: EngagementState, event: NudgeEvent): EngagementState {
  return { ...state, nudges: [...state.nudges, { byPersonId: event.nudgedByPersonId, at: event.nudgedAt }] };
}

export const nudgesDecider: Decider<NudgeCommand, NudgeEvent, EngagementState> = {
  initialState: initialEngagementState,
  decide,
  evolve,
};
