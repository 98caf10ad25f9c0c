import type { NotificationCategory } from '../../../gql/graphql';

// A record over the API's enum, so a category the API adds fails the typecheck until it is offered or left out here.
const OFFERED: Record<NotificationCategory, boolean> = {
  MATCH_PROPOSALS: true,
  MENTORSHIP_REQUESTS: true,
  REQUEST_OUTCOMES: true,
  MENTORSHIP_STARTED: true,
  SESSION_UPDATES: true,
  SESSION_REMINDERS: true,
  FEEDBACK_REQUESTS: true,
  ENGAGEMENT_HEALTH: true,
  GOAL_REMINDERS: true,
  ENROLLMENT_INVITATIONS: true,
  MATCHING_ROUNDS: true,
  // The notice that a webhook was disabled goes to the admin who registered it, never to a webhook.
  WEBHOOK_ALERTS: false,
  // A moderator's warning is a private notice to the message's author, not an organization event.
  CONVERSATIONS: false,
  // A survey invitation asks one person for their answer; it is never sent to a webhook.
  SURVEYS: false,
};

/** The event types a webhook may subscribe to, in the order the form lists them. */
export const WEBHOOK_CATEGORIES = (Object.keys(OFFERED) as NotificationCategory[]).filter((c) => OFFERED[c]);

export type WebhookUrlProblem = 'urlRequired' | 'urlInvalid';

/**
 * What the form can tell before asking: an address at all, and an http(s) one. The API decides the rest (https only,
 * no credentials, no private addresses) and its refusal shows on the same field.
 */
export function webhookUrlProblem(value: string): WebhookUrlProblem | null {
  const trimmed = value.trim();
  if (!trimmed) return 'urlRequired';
  if (!URL.canParse(trimmed)) return 'urlInvalid';
  const { protocol, hostname } = new URL(trimmed);
  return (protocol === 'https:' || protocol === 'http:') && hostname ? null : 'urlInvalid';
}
