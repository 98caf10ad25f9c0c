import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { MATCHING_TOPIC, matchingContracts } from '@trellis/matching/contracts';
import { PROFILES_TOPIC, profilesContracts } from '@trellis/profiles/contracts';
import { SESSIONS_EVENTS_TOPIC, sessionsEventContracts } from '@trellis/sessions/contracts';
import { projectionRunner } from '@trellis/shared/event-store';
import { MembershipDirectory, membershipsProjection } from '@trellis/shared/memberships';
import {
  ConsumerRunner,
  ConsumerStatusRegistry,
  ContractRegistry,
  ensureTopics,
  type EventContract,
} from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import {
  KAFKA,
  ManagedConsumers,
  MONGO_CONNECTION,
  ROOT_LOGGER,
  SERVICE_CONFIG,
  SERVICE_METRICS,
  type ServiceConfig,
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
 * over the profiles, matching and sessions topics, its own collection, its own GraphQL queries.
 */
@Module({
  providers: [
    { provide: InsightsStore, useFactory: (c: Connection) => new InsightsStore(c), inject: [MONGO_CONNECTION] },
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
export class InsightsModule implements OnModuleInit {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    private readonly status: ConsumerStatusRegistry,
    private readonly consumers: ManagedConsumers,
    private readonly store: InsightsStore,
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureTopics(this.kafka, INSIGHT_TOPICS, {
      partitions: this.config.kafkaPartitions,
      replication: this.config.kafkaReplication,
    });
    const contracts = insightContracts();
    const logger = this.logger.child({ component: 'insights' });
    const insights = new ConsumerRunner(this.kafka, {
      group: INSIGHTS_GROUP,
      topics: INSIGHT_TOPICS,
      handler: (envelope) => this.store.record(envelope),
      contracts,
      logger,
      metrics: this.metrics,
      status: this.status,
    });
    this.consumers.register(insights, { group: INSIGHTS_GROUP, handler: (e) => this.store.record(e), contracts });
    const membershipsDefinition = membershipsProjection('sessions');
    const memberships = projectionRunner(this.kafka, this.connection, membershipsDefinition, {
      contracts: new ContractRegistry(profilesContracts),
      logger,
      metrics: this.metrics,
      status: this.status,
    });
    this.consumers.register(memberships);
  }
}
