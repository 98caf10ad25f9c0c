import { isProfilesEvent, profilesContracts } from '@trellis/profiles/contracts';
import {
  ConsumerRunner,
  ContractRegistry,
  type ConsumerStatusRegistry,
  type EnvelopeHandler,
  type TopicSettings,
} from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { PersonKeyStore } from '@trellis/shared/privacy';
import type { Kafka } from 'kafkajs';
import type { CalendarFeeds } from '../calendar/calendar-feeds';
import type { CalendarReservations } from '../core/calendar-reservations';
import type { SessionsReadModels } from '../core/read-models';

export const ERASURE_GROUP = 'sessions.participant-erasure';

export interface ErasureDependencies {
  keys: PersonKeyStore;
  readModels: SessionsReadModels;
  feeds: CalendarFeeds;
  reservations: CalendarReservations;
  logger: Logger;
}

/**
 * ParticipantDataErased (docs/architecture.md §7) in the sessions service. Everything free-text a person wrote here
 * is sealed with their own key in this service's `person_keys` — private notes, reflections, feedback texts, goal and
 * action item titles, progress notes, agreement texts, meeting links and locations of sessions they organized, and the
 * contact details of introductions they made — so shredding that key makes every copy unreadable (commits, topic
 * replays, backups). Their private feed URLs and calendar reservations are deleted and their id leaves the read models for a pseudonym. Each
 * step is idempotent, so a redelivery or a second program's erasure of the same person repeats harmlessly.
 */
export function participantErasureHandler(deps: ErasureDependencies): EnvelopeHandler {
  return async (envelope) => {
    const event = { type: envelope.type, data: envelope.data };
    if (!isProfilesEvent(event, 'ParticipantDataErased')) return;
    const { personId } = event.data;
    await deps.keys.shred(personId);
    const feeds = await deps.feeds.forget(envelope.tenantId, personId);
    await deps.reservations.forget(envelope.tenantId, personId);
    const rows = await deps.readModels.pseudonymize(envelope.tenantId, personId);
    deps.logger.info({ eventId: envelope.id, feeds, ...rows }, 'participant data erased');
  };
}

export function participantErasureReactor(
  kafka: Kafka,
  deps: ErasureDependencies & {
    topic: string;
    group: string;
    metrics?: ServiceMetrics;
    status?: ConsumerStatusRegistry;
    topicSettings: TopicSettings;
    retryBaseDelayMs?: number;
  },
): ConsumerRunner {
  return new ConsumerRunner(kafka, {
    group: deps.group,
    topics: [deps.topic],
    contracts: new ContractRegistry(profilesContracts),
    handler: participantErasureHandler(deps),
    deadLetterTopic: deps.topicSettings,
    ...(deps.retryBaseDelayMs ? { retryBaseDelayMs: deps.retryBaseDelayMs } : {}),
    logger: deps.logger.child({ component: deps.group }),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(deps.status ? { status: deps.status } : {}),
  });
}
