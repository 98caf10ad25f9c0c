import { Module } from '@nestjs/common';
import { profilesContracts } from '@trellis/profiles/contracts';
import { projectionRunner, RevisionGuardedCollection } from '@trellis/shared/event-store';
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
import { type AvailabilityRow, availabilityProjection } from './participant-availability.projection';
import { participantErasureHandler, participantErasureReactor } from './participant-erasure.reactor';
import { programSettingsProjection, type ProgramSettingsRow } from './program-settings.projection';

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
 * From profiles.events.v1: stated availability, program settings, erasure, and (in tests only) the memberships read
 * model.
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
        {
          useFactory: (context: ConsumerContext, w: SessionsWiring): FeatureConsumer => {
            const profiles = new ContractRegistry(profilesContracts);
            const availability = availabilityProjection(w.profilesTopic, w.availabilityGroup);
            const rows = new RevisionGuardedCollection<AvailabilityRow>(context.connection, availability.collection);
            return {
              consumer: projectionRunner(
                context.kafka,
                context.connection,
                availability,
                profilesConsumerOptions(context, profiles),
              ),
              replayable: {
                group: availability.name,
                handler: (envelope) => availability.apply(envelope, rows),
                contracts: profiles,
              },
            };
          },
          inject: [CONSUMER_CONTEXT, SESSIONS_WIRING],
        },
        {
          useFactory: (context: ConsumerContext, w: SessionsWiring): FeatureConsumer => {
            const profiles = new ContractRegistry(profilesContracts);
            const settings = programSettingsProjection(w.profilesTopic, w.programSettingsGroup);
            const rows = new RevisionGuardedCollection<ProgramSettingsRow>(context.connection, settings.collection);
            return {
              consumer: projectionRunner(
                context.kafka,
                context.connection,
                settings,
                profilesConsumerOptions(context, profiles),
              ),
              replayable: {
                group: settings.name,
                handler: (envelope) => settings.apply(envelope, rows),
                contracts: profiles,
              },
            };
          },
          inject: [CONSUMER_CONTEXT, SESSIONS_WIRING],
        },
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
