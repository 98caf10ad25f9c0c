import { type DynamicModule, Global, Module } from '@nestjs/common';
import { EventStore } from '@trellis/shared/event-store';
import { MembershipDirectory } from '@trellis/shared/memberships';
import { ConsumerStatusRegistry } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import { EventSourcingModule, KAFKA, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_METRICS } from '@trellis/shared/platform';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { MatchingCommands } from '../commands/matching-commands';
import { matchingEventTypeRegistry } from '../commands/matching-event-types';
import { Relationships } from '../mentorships/relationships.projection';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { MatchingConsumers } from './matching-consumers';
import { MATCHING_SETTINGS, matchingSettings, type MatchingOptions } from './matching-options';
import { matchingOutbox } from './matching-outbox';
import { ProgramManagerDirectory } from './program-managers';

const shared = [
  MATCHING_SETTINGS,
  MatchingCommands,
  CandidatePool,
  Relationships,
  MembershipDirectory,
  ProgramManagerDirectory,
  MatchingConsumers,
];

/**
 * What every matching feature shares: the event store with its outbox relay to matching.events.v1, the command
 * handlers, the read models several features read, and what their projections and reactors are built with.
 */
@Global()
@Module({})
export class MatchingCoreModule {
  static register(options: MatchingOptions = {}): DynamicModule {
    const settings = matchingSettings(options);
    return {
      module: MatchingCoreModule,
      imports: [
        EventSourcingModule.forRoot({
          registry: matchingEventTypeRegistry(),
          outbox: matchingOutbox(settings.matchingTopic),
          consumes: [settings.profilesTopic],
        }),
      ],
      providers: [
        { provide: MATCHING_SETTINGS, useValue: settings },
        {
          provide: MatchingCommands,
          useFactory: (store: EventStore) => new MatchingCommands(store),
          inject: [EventStore],
        },
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
          provide: MatchingConsumers,
          useFactory: (
            kafka: Kafka,
            c: Connection,
            logger: Logger,
            metrics: ServiceMetrics,
            status: ConsumerStatusRegistry,
          ) => new MatchingConsumers(kafka, c, logger, metrics, status),
          inject: [KAFKA, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_METRICS, ConsumerStatusRegistry],
        },
      ],
      exports: shared,
    };
  }
}
