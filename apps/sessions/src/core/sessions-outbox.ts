import { sessionsEventContracts, SURVEY_STREAM_TYPE } from '@trellis/sessions/contracts';
import {
  toIntegrationEvent,
  type ConversationEvent,
  type EngagementEvent,
  type SessionEvent,
  type SurveyOccurrenceEvent,
  type SurveyResponseEvent,
} from '@trellis/sessions/domain';
import type { IntegrationMapper } from '@trellis/shared/event-store';
import { ContractRegistry, type EventContract } from '@trellis/shared/messaging';

export const sessionsOutboxContracts = sessionsEventContracts as unknown as ReadonlyArray<EventContract>;

export const sessionsContractRegistry = (): ContractRegistry => new ContractRegistry(sessionsOutboxContracts);

/**
 * Survey definitions stay in the service: a manager's drafts are nobody else's. A response is published as
 * `SurveyAnswered`, whose contract names who answered and when, never the answers.
 */
const PRIVATE_STREAM_TYPES: ReadonlySet<string> = new Set([SURVEY_STREAM_TYPE]);

/** What the outbox publishes to `sessions.events.v1`: the domain's integration mapper (ids, enums, times). */
export const sessionsIntegrationMapper: IntegrationMapper = (event) => {
  if (PRIVATE_STREAM_TYPES.has(event.streamType)) return null;
  const { type, ...data } = toIntegrationEvent({ type: event.type, ...(event.data as object) } as
    | EngagementEvent
    | ConversationEvent
    | SessionEvent
    | SurveyOccurrenceEvent
    | SurveyResponseEvent);
  return { type, data };
};
