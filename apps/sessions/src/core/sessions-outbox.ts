import { sessionsEventContracts } from '@trellis/sessions/contracts';
import {
  toIntegrationEvent,
  type ConversationEvent,
  type EngagementEvent,
  type SessionEvent,
} from '@trellis/sessions/domain';
import type { IntegrationMapper } from '@trellis/shared/event-store';
import { ContractRegistry, type EventContract } from '@trellis/shared/messaging';

export const sessionsOutboxContracts = sessionsEventContracts as unknown as ReadonlyArray<EventContract>;

export const sessionsContractRegistry = (): ContractRegistry => new ContractRegistry(sessionsOutboxContracts);

/** What the outbox publishes to `sessions.events.v1`: the domain's integration mapper (ids, enums, times). */
export const sessionsIntegrationMapper: IntegrationMapper = (event) => {
  const { type, ...data } = toIntegrationEvent({ type: event.type, ...(event.data as object) } as
    | EngagementEvent
    | ConversationEvent
    | SessionEvent);
  return { type, data };
};
