import type { DeclineReason, MentorshipEndReason } from '../../../gql/graphql';

/**
 * The sessions service's health reasons (codes) and their translation keys under `console.engagement.reasons`. A
 * reason added to the API later is shown with a generic text until it is translated here.
 */
const REASON_NAMES = {
  'no-agreement': 'noAgreement',
  'no-goals': 'noGoals',
  'no-first-session': 'noFirstSession',
  'no-upcoming-session': 'noUpcomingSession',
  'behind-cadence': 'behindCadence',
  'no-session-for-long': 'noSessionForLong',
  'repeated-cancellations': 'repeatedCancellations',
  'overdue-action-items': 'overdueActionItems',
  'low-feedback': 'lowFeedback',
  'goals-overdue': 'goalsOverdue',
} as const;
type ReasonName = (typeof REASON_NAMES)[keyof typeof REASON_NAMES] | 'other';

export const healthReasonKey = (reason: string): `console.engagement.reasons.${ReasonName}` =>
  `console.engagement.reasons.${(REASON_NAMES as Record<string, ReasonName | undefined>)[reason] ?? 'other'}`;

/** `at-risk` / `stalled` as the API sends them. */
export const healthStatusKey = (status: string): `console.engagement.status.${'atRisk' | 'stalled'}` =>
  status === 'stalled' ? 'console.engagement.status.stalled' : 'console.engagement.status.atRisk';

const END_REASONS: readonly MentorshipEndReason[] = [
  'COMPLETED',
  'GOALS_MET',
  'LEFT_PROGRAM',
  'NOT_A_GOOD_FIT',
  'NO_TIME',
  'OTHER',
];

/** A closure reason (`goals-met`) in the words the workspace offers when a pair ends (`GOALS_MET`). */
export const closureReasonKey = (reason: string): `workspace.end.reasons.${MentorshipEndReason}` => {
  const name = reason.toUpperCase().replace(/-/g, '_');
  return `workspace.end.reasons.${END_REASONS.find((r) => r === name) ?? 'OTHER'}`;
};

const DECLINE_REASONS: readonly DeclineReason[] = [
  'DIFFERENT_GOALS',
  'NOT_A_GOOD_FIT',
  'NO_CAPACITY',
  'OTHER',
  'PERSONAL_REASONS',
  'SCHEDULE_CONFLICT',
];

/** A decline reason as insights count it (`no-capacity`) in the words a mentor chose it by (`NO_CAPACITY`). */
export const declineReasonKey = (reason: string): DeclineReason => {
  const name = reason.toUpperCase().replace(/-/g, '_');
  return DECLINE_REASONS.find((r) => r === name) ?? 'OTHER';
};
