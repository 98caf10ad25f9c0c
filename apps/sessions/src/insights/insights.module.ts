import { Module } from '@nestjs/common';
import { MATCHING_TOPIC, matchingContracts } from '@trellis/matching/contracts';
import { PROFILES_TOPIC, profilesContracts } from '@trellis/profiles/contracts';
import { SESSIONS_EVENTS_TOPIC, sessionsEventContracts } from '@trellis/sessions/contracts';
import { projectionRunner } from '@trellis/shared/event-store';
import { MembershipDirectory, membershipsProjection } from '@trellis/shared/memberships';
import {
  ConsumerRunner,
  ConsumerStatusRegistry,
  ContractRegistry,
  type EventContract,
} from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import {
  EventSourcingModule,
  type FeatureConsumer,
  KAFKA,
  MONGO_CONNECTION,
  ROOT_LOGGER,
  SERVICE_METRICS,
} from '@trellis/shared/platform';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { InsightsResolver } from './insights.resolver';
import { InsightsService } from './insights.service';
import { InsightsStore } from './insights.store';

export const INSIGHTS_GROUP = 'sessions.insights';
export const INSIGHT_TOPICS = [PROFILES_TOPIC, MATCHING_TOPIC, SESSIONS_EVENTS_TOPIC];

export function insightContracts(): ContractRegistry {
  return new ContractRegistry([
    ...profilesContracts,
    ...(matchingContracts as unknown as EventContract[]),
    ...(sessionsEventContracts as unknown as EventContract[]),
  ]);
}

/**
 * Program insights (issue "Program insights"), a separate module of the sessions service: its own consumer group
 * over the profiles, matching and sessions topics, its own collection, its own GraphQL queries. It also feeds the
 * memberships read model (who manages which program) that the whole service reads.
 */
@Module({
  imports: [
    EventSourcingModule.forFeature({
      providers: [
        { provide: InsightsStore, useFactory: (c: Connection) => new InsightsStore(c), inject: [MONGO_CONNECTION] },
      ],
      topics: INSIGHT_TOPICS,
      consumers: [
        {
          useFactory: (
            kafka: Kafka,
            logger: Logger,
            metrics: ServiceMetrics,
            status: ConsumerStatusRegistry,
            store: InsightsStore,
          ): FeatureConsumer => {
            const contracts = insightContracts();
            return {
              consumer: new ConsumerRunner(kafka, {
                group: INSIGHTS_GROUP,
                topics: INSIGHT_TOPICS,
                handler: (envelope) => store.record(envelope),
                contracts,
                logger: logger.child({ component: 'insights' }),
                metrics,
                status,
              }),
              replayable: { group: INSIGHTS_GROUP, handler: (e) => store.record(e), contracts },
            };
          },
          inject: [KAFKA, ROOT_LOGGER, SERVICE_METRICS, ConsumerStatusRegistry, InsightsStore],
        },
        {
          useFactory: (
            kafka: Kafka,
            connection: Connection,
            logger: Logger,
            metrics: ServiceMetrics,
            status: ConsumerStatusRegistry,
          ): FeatureConsumer => ({
            consumer: projectionRunner(kafka, connection, membershipsProjection('sessions'), {
              contracts: new ContractRegistry(profilesContracts),
              logger: logger.child({ component: 'insights' }),
              metrics,
              status,
            }),
          }),
          inject: [KAFKA, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_METRICS, ConsumerStatusRegistry],
        },
      ],
    }),
  ],
  providers: [
    {
      provide: MembershipDirectory,
      useFactory: (c: Connection) => new MembershipDirectory(c),
      inject: [MONGO_CONNECTION],
    },
    {
      provide: InsightsService,
      useFactory: (store: InsightsStore, memberships: MembershipDirectory) => new InsightsService(store, memberships),
      inject: [InsightsStore, MembershipDirectory],
    },
    InsightsResolver,
  ],
  exports: [MembershipDirectory, InsightsService],
})
export class InsightsModule {}
