import { sessionsEventContracts, SURVEY_RESPONSE_STREAM_TYPE, SURVEY_STREAM_TYPE } from '@trellis/sessions/contracts';
import {
  toIntegrationEvent,
  type ConversationEvent,
  type EngagementEvent,
  type SessionEvent,
  type SurveyOccurrenceEvent,
} from '@trellis/sessions/domain';
import type { IntegrationMapper } from '@trellis/shared/event-store';
import { ContractRegistry, type EventContract } from '@trellis/shared/messaging';

export const sessionsOutboxContracts = sessionsEventContracts as unknown as ReadonlyArray<EventContract>;

export const sessionsContractRegistry = (): ContractRegistry => new ContractRegistry(sessionsOutboxContracts);

/** Survey definitions and answers stay in the service: a manager's drafts and a person's answers are nobody else's. */
const PRIVATE_STREAM_TYPES: ReadonlySet<string> = new Set([SURVEY_STREAM_TYPE, SURVEY_RESPONSE_STREAM_TYPE]);

/** What the outbox publishes to `sessions.events.v1`: the domain's integration mapper (ids, enums, times). */
export const sessionsIntegrationMapper: IntegrationMapper = (event) => {
  if (PRIVATE_STREAM_TYPES.has(event.streamType)) return null;
  const { type, ...data } = toIntegrationEvent({ type: event.type, ...(event.data as object) } as
    | EngagementEvent
    | ConversationEvent
    | SessionEvent
    | SurveyOccurrenceEvent);
  return { type, data };
};
