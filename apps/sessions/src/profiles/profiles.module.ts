import { Module } from '@nestjs/common';
import { profilesContracts } from '@trellis/profiles/contracts';
import { type ProjectionDefinition, projectionRunner, RevisionGuardedCollection } from '@trellis/shared/event-store';
import { membershipsProjection } from '@trellis/shared/memberships';
import { ContractRegistry } from '@trellis/shared/messaging';
import { EventSourcingModule, type FeatureConsumer } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { CalendarFeeds } from '../calendar/calendar-feeds';
import { CalendarModule } from '../calendar/calendar.module';
import { CONSUMER_CONTEXT, type ConsumerContext } from '../core/consumer-context';
import { SessionsReadModels } from '../core/read-models';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY, SESSIONS_WIRING, type SessionsWiring } from '../core/sessions-wiring';
import { availabilityProjection } from './participant-availability.projection';
import { participantErasureHandler, participantErasureReactor } from './participant-erasure.reactor';
import { programParticipantsProjection } from './program-participants.projection';
import { programSettingsProjection } from './program-settings.projection';

/** What every consumer of the profiles topic shares: its contracts, telemetry and dead-letter topic. */
function profilesConsumerOptions(context: ConsumerContext, profiles: ContractRegistry) {
  return {
    contracts: profiles,
    logger: context.logger,
    metrics: context.metrics,
    status: context.status,
    deadLetterTopic: context.topicSettings,
    ...context.retry,
  };
}

/**
 * A revision-guarded read model of the profiles topic, replayable from it like every projection of the service; the
 * wiring names its consumer group.
 */
function profilesReadModel<Row extends Record<string, unknown>>(
  define: (w: SessionsWiring) => ProjectionDefinition<Row>,
) {
  return {
    useFactory: (context: ConsumerContext, w: SessionsWiring): FeatureConsumer => {
      const profiles = new ContractRegistry(profilesContracts);
      const projection = define(w);
      const rows = new RevisionGuardedCollection<Row>(context.connection, projection.collection);
      return {
        consumer: projectionRunner(
          context.kafka,
          context.connection,
          projection,
          profilesConsumerOptions(context, profiles),
        ),
        replayable: {
          group: projection.name,
          handler: (envelope) => projection.apply(envelope, rows),
          contracts: profiles,
        },
      };
    },
    inject: [CONSUMER_CONTEXT, SESSIONS_WIRING],
  };
}

/**
 * From profiles.events.v1: stated availability, who takes part in which role and cohort, program settings, erasure,
 * and (in tests only) the memberships read model.
 */
@Module({
  imports: [
    EventSourcingModule.forFeature({
      imports: [CalendarModule],
      consumers: [
        {
          // The memberships read model is fed by the insights module in the running service; a test that runs its
          // own profiles topic names a group in the wiring and this module feeds the same collection from it.
          useFactory: (context: ConsumerContext, w: SessionsWiring): FeatureConsumer[] => {
            if (!w.membershipsGroup) return [];
            const memberships = { ...membershipsProjection('sessions'), name: w.membershipsGroup };
            memberships.topics = [w.profilesTopic];
            const profiles = new ContractRegistry(profilesContracts);
            return [
              {
                consumer: projectionRunner(
                  context.kafka,
                  context.connection,
                  memberships,
                  profilesConsumerOptions(context, profiles),
                ),
              },
            ];
          },
          inject: [CONSUMER_CONTEXT, SESSIONS_WIRING],
        },
        profilesReadModel((w) => availabilityProjection(w.profilesTopic, w.availabilityGroup)),
        profilesReadModel((w) => programParticipantsProjection(w.profilesTopic, w.participantsGroup)),
        profilesReadModel((w) => programSettingsProjection(w.profilesTopic, w.programSettingsGroup)),
        {
          useFactory: (
            context: ConsumerContext,
            w: SessionsWiring,
            keys: PersonKeyStore,
            readModels: SessionsReadModels,
            feeds: CalendarFeeds,
            directory: SessionsDirectory,
          ): FeatureConsumer => {
            const erasure = { keys, readModels, feeds, reservations: directory.reservations, logger: context.logger };
            return {
              consumer: participantErasureReactor(context.kafka, {
                ...erasure,
                topic: w.profilesTopic,
                group: w.erasureGroup,
                metrics: context.metrics,
                status: context.status,
                topicSettings: context.topicSettings,
                ...context.retry,
              }),
              replayable: {
                group: w.erasureGroup,
                handler: participantErasureHandler(erasure),
                contracts: new ContractRegistry(profilesContracts),
              },
            };
          },
          inject: [
            CONSUMER_CONTEXT,
            SESSIONS_WIRING,
            PersonKeyStore,
            SessionsReadModels,
            CalendarFeeds,
            SESSIONS_DIRECTORY,
          ],
        },
      ],
    }),
  ],
})
export class ProfilesModule {}
