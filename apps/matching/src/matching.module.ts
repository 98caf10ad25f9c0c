import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { MATCHING_TOPIC } from '@trellis/matching/contracts';
import { PROFILES_TOPIC } from '@trellis/profiles/contracts';
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
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { circlesProviders } from './circles/circles-runtime';
import { CirclesResolver } from './circles/circles.resolver';
import { MatchingResolver, ParticipantMatchingResolver, RoundPairResolver } from './graphql/matching.resolver';
import { RequestMessageResolver } from './requests/request-message.resolver';
import { MatchingRuntime, type MatchingRuntimeOptions } from './matching-runtime';

/** Topic and consumer-group names; tests use their own so they never join the real service's groups. */
export type MatchingNames = Pick<MatchingRuntimeOptions, 'profilesTopic' | 'matchingTopic' | 'groupPrefix'>;
const MATCHING_NAMES = Symbol('MATCHING_NAMES');

@Module({})
export class MatchingModule implements OnModuleInit {
  static register(names: MatchingNames = {}): DynamicModule {
    return {
      module: MatchingModule,
      providers: [
        { provide: MATCHING_NAMES, useValue: names },
        {
          provide: MatchingRuntime,
          useFactory: (
            kafka: Kafka,
            connection: Connection,
            logger: Logger,
            metrics: ServiceMetrics,
            status: ConsumerStatusRegistry,
          ) => new MatchingRuntime({ kafka, connection, logger, metrics, status, ...names }),
          inject: [KAFKA, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_METRICS, ConsumerStatusRegistry],
        },
        MatchingResolver,
        ParticipantMatchingResolver,
        RoundPairResolver,
        RequestMessageResolver,
        ...circlesProviders(MATCHING_NAMES, CirclesResolver),
      ],
      exports: [MatchingRuntime],
    };
  }

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly consumers: ManagedConsumers,
    private readonly runtime: MatchingRuntime,
    @Inject(MATCHING_NAMES) private readonly names: MatchingNames,
  ) {}

  async onModuleInit(): Promise<void> {
    // Matching publishes its own topic and reads the profiles topic; both must exist before consumers join.
    await ensureTopics(
      this.kafka,
      [this.names.matchingTopic ?? MATCHING_TOPIC, this.names.profilesTopic ?? PROFILES_TOPIC],
      { partitions: this.config.kafkaPartitions, replication: this.config.kafkaReplication },
    );
    // The runtime starts the relay, projections, reactors and expiry timer, and drains them in
    // beforeApplicationShutdown, before MongoDB closes.
    this.consumers.register(this.runtime);
    // `npm run dlq:replay` finds each reactor's handler here; the runtime above owns the actual consumers.
    const alreadyManaged = { start: () => Promise.resolve(), stop: () => Promise.resolve() };
    for (const group of this.runtime.groups) this.consumers.register(alreadyManaged, group);
  }
}
