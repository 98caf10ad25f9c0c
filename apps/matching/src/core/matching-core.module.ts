import { type DynamicModule, Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { EventStore } from '@trellis/shared/event-store';
import { MembershipDirectory } from '@trellis/shared/memberships';
import { ConsumerStatusRegistry, ensureTopics } from '@trellis/shared/messaging';
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
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { MatchingCommands } from '../commands/matching-commands';
import { matchingEventTypeRegistry } from '../commands/matching-event-types';
import { Relationships } from '../mentorships/relationships.projection';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { MatchingConsumers } from './matching-consumers';
import { MATCHING_SETTINGS, matchingSettings, type MatchingOptions, type MatchingSettings } from './matching-options';
import { MatchingOutbox } from './matching-outbox';
import { ProgramManagerDirectory } from './program-managers';

const shared = [
  EventStore,
  MatchingCommands,
  PersonKeyStore,
  CandidatePool,
  Relationships,
  MembershipDirectory,
  ProgramManagerDirectory,
  MatchingConsumers,
];

/**
 * What every matching feature shares: the event store and its command handlers, the read models several features
 * read, the outbox relay to matching.events.v1, and the consumers the features add their projections and reactors to.
 */
@Global()
@Module({})
export class MatchingCoreModule implements OnModuleInit {
  static register(options: MatchingOptions = {}): DynamicModule {
    return {
      module: MatchingCoreModule,
      providers: [
        { provide: MATCHING_SETTINGS, useValue: matchingSettings(options) },
        {
          provide: EventStore,
          useFactory: (connection: Connection) => new EventStore(connection, { registry: matchingEventTypeRegistry() }),
          inject: [MONGO_CONNECTION],
        },
        {
          provide: MatchingCommands,
          useFactory: (store: EventStore) => new MatchingCommands(store),
          inject: [EventStore],
        },
        { provide: PersonKeyStore, useFactory: (c: Connection) => new PersonKeyStore(c), inject: [MONGO_CONNECTION] },
        { provide: CandidatePool, useFactory: (c: Connection) => new CandidatePool(c), inject: [MONGO_CONNECTION] },
        { provide: Relationships, useFactory: (c: Connection) => new Relationships(c), inject: [MONGO_CONNECTION] },
        {
          provide: MembershipDirectory,
          useFactory: (c: Connection) => new MembershipDirectory(c),
          inject: [MONGO_CONNECTION],
        },
        {
          provide: ProgramManagerDirectory,
          useFactory: (memberships: MembershipDirectory) => new ProgramManagerDirectory(memberships),
          inject: [MembershipDirectory],
        },
        {
          provide: MatchingOutbox,
          useFactory: (
            kafka: Kafka,
            c: Connection,
            store: EventStore,
            settings: MatchingSettings,
            logger: Logger,
            metrics: ServiceMetrics,
          ) => new MatchingOutbox(kafka, c, store, settings.matchingTopic, logger, metrics),
          inject: [KAFKA, MONGO_CONNECTION, EventStore, MATCHING_SETTINGS, ROOT_LOGGER, SERVICE_METRICS],
        },
        {
          provide: MatchingConsumers,
          useFactory: (
            kafka: Kafka,
            c: Connection,
            store: EventStore,
            outbox: MatchingOutbox,
            managed: ManagedConsumers,
            logger: Logger,
            metrics: ServiceMetrics,
            status: ConsumerStatusRegistry,
          ) => new MatchingConsumers(kafka, c, store, outbox, managed, logger, metrics, status),
          inject: [
            KAFKA,
            MONGO_CONNECTION,
            EventStore,
            MatchingOutbox,
            ManagedConsumers,
            ROOT_LOGGER,
            SERVICE_METRICS,
            ConsumerStatusRegistry,
          ],
        },
      ],
      exports: [MATCHING_SETTINGS, ...shared],
    };
  }

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(MATCHING_SETTINGS) private readonly settings: MatchingSettings,
    @Inject(ManagedConsumers) private readonly managed: ManagedConsumers,
    @Inject(MatchingConsumers) private readonly consumers: MatchingConsumers,
  ) {}

  async onModuleInit(): Promise<void> {
    // Matching publishes its own topic and reads the profiles topic; both must exist before consumers join.
    await ensureTopics(this.kafka, [this.settings.matchingTopic, this.settings.profilesTopic], {
      partitions: this.config.kafkaPartitions,
      replication: this.config.kafkaReplication,
    });
    // Starts with the app and drains in beforeApplicationShutdown, before MongoDB closes.
    this.managed.register(this.consumers);
  }
}
