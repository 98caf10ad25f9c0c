import { PROFILES_TOPIC, profilesContracts } from '@trellis/profiles/contracts';
import {
  type OrganizationEvent,
  type ParticipantEvent,
  type ProgramEvent,
  toProfilesIntegrationEvent,
} from '@trellis/profiles/domain';
import type { IntegrationMapper } from '@trellis/shared/event-store';
import type { OutboxOptions } from '@trellis/shared/platform';

/** What the outbox publishes to `profiles.events.v1`: the domain's integration mapper (ids, enums, times). */
export const profilesIntegrationMapper: IntegrationMapper = (event) =>
  toProfilesIntegrationEvent({ type: event.type, ...(event.data as object) } as
    | OrganizationEvent
    | ProgramEvent
    | ParticipantEvent);

/** The outbox relay from the profiles event store to profiles.events.v1. */
export const profilesOutbox: OutboxOptions = {
  topic: PROFILES_TOPIC,
  contracts: profilesContracts,
  integrationMapper: profilesIntegrationMapper,
};
