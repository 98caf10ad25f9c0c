import { type DynamicModule, type FactoryProvider, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { ensureTopics } from '@trellis/shared/messaging';
import type { Kafka } from 'kafkajs';
import { ManagedConsumers, type ReplayableGroup, type StoppableConsumer } from '../managed-consumers';
import type { ServiceConfig } from '../service-config';
import { KAFKA, SERVICE_CONFIG } from '../tokens';

/** A consumer, relay or timer a feature runs, and what `dlq:replay` needs when it is a consumer group. */
export interface FeatureConsumer {
  consumer: StoppableConsumer;
  replayable?: ReplayableGroup;
}

export interface EventSourcingFeatureOptions {
  /** Modules whose exports the providers and consumers are built from. */
  imports?: ModuleMetadata['imports'];
  /** Providers the consumers are built from that the feature also uses or exports (e.g. a timer it exposes). */
  providers?: Provider[];
  /** Topics the feature's consumers read; they are ensured before any consumer is registered. */
  topics?: string[];
  /** Built once each; an empty list registers nothing (a consumer the configuration turns off). */
  consumers: Array<Omit<FactoryProvider<FeatureConsumer | FeatureConsumer[]>, 'provide'>>;
}

/**
 * A feature's projections, reactors and timers: each is built from its providers and handed to `ManagedConsumers`,
 * which starts it once the app has bootstrapped and drains it on shutdown before MongoDB closes.
 */
@Module({})
export class EventSourcingFeatureModule {
  static forFeature(options: EventSourcingFeatureOptions): DynamicModule {
    const tokens = options.consumers.map((_, index) => Symbol(`feature consumer ${index + 1}`));
    const providers = options.providers ?? [];
    const topics = options.topics ?? [];
    return {
      module: EventSourcingFeatureModule,
      imports: options.imports ?? [],
      providers: [
        ...providers,
        ...options.consumers.map((consumer, index): FactoryProvider => ({ ...consumer, provide: tokens[index]! })),
        {
          provide: Symbol('feature consumers registered'),
          useFactory: async (
            kafka: Kafka,
            config: ServiceConfig,
            managed: ManagedConsumers,
            ...built: Array<FeatureConsumer | FeatureConsumer[]>
          ) => {
            if (topics.length > 0) {
              await ensureTopics(kafka, topics, {
                partitions: config.kafkaPartitions,
                replication: config.kafkaReplication,
              });
            }
            for (const { consumer, replayable } of built.flat()) managed.register(consumer, replayable);
            return true;
          },
          inject: [KAFKA, SERVICE_CONFIG, ManagedConsumers, ...tokens],
        },
      ],
      exports: providers,
    };
  }
}
