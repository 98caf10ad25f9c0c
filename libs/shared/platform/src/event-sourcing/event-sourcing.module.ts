import { type DynamicModule, Global, Inject, Module, type OnModuleInit, Optional, type Provider } from '@nestjs/common';
import { EventStore, type EventTypeRegistry } from '@trellis/shared/event-store';
import { ensureTopics } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { ManagedConsumers } from '../managed-consumers';
import type { ServiceConfig } from '../service-config';
import { KAFKA, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_CONFIG, SERVICE_METRICS } from '../tokens';
import { EventSourcingFeatureModule, type EventSourcingFeatureOptions } from './event-sourcing-feature.module';
import { integrationCheck, Outbox, type OutboxOptions } from './outbox';

export interface EventSourcingOptions {
  /** The event types the store knows (upcasters, schema versions); without it events are read as stored. */
  registry?: EventTypeRegistry;
  /** The outbox relay to the service's own topic; a service that publishes nothing leaves it out. */
  outbox?: OutboxOptions;
  /** Topics the service reads: they must exist, like its own, before any consumer joins. */
  consumes?: string[];
}

export const EVENT_SOURCING_OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');

/**
 * The event-sourcing wiring every service shares: its event store (indexes ensured before anything appends), the
 * person keys that seal personal text, the outbox relay to its topic, and the topics themselves. The relay is handed
 * to `ManagedConsumers`, which starts it once the app has bootstrapped and drains it on shutdown before MongoDB
 * closes. `forRoot` once in a service's core module; the store, keys and outbox are then injectable everywhere.
 * `forFeature` in each feature module that runs projections, reactors or timers.
 */
@Global()
@Module({})
export class EventSourcingModule implements OnModuleInit {
  static forRoot(options: EventSourcingOptions = {}): DynamicModule {
    const providers: Provider[] = [
      { provide: EVENT_SOURCING_OPTIONS, useValue: options },
      {
        provide: EventStore,
        useFactory: async (connection: Connection) => {
          const store = new EventStore(connection, {
            ...(options.registry ? { registry: options.registry } : {}),
            // A commit the relay could never publish is refused when it is written, not found later in the outbox.
            ...(options.outbox ? { checkIntegration: integrationCheck(options.outbox) } : {}),
          });
          await store.ensureIndexes();
          return store;
        },
        inject: [MONGO_CONNECTION],
      },
      { provide: PersonKeyStore, useFactory: (c: Connection) => new PersonKeyStore(c), inject: [MONGO_CONNECTION] },
    ];
    const outbox = options.outbox;
    if (outbox) {
      providers.push({
        provide: Outbox,
        useFactory: (
          kafka: Kafka,
          connection: Connection,
          store: EventStore,
          logger: Logger,
          metrics: ServiceMetrics,
        ) => new Outbox(outbox, { kafka, connection, store, logger, metrics }),
        inject: [KAFKA, MONGO_CONNECTION, EventStore, ROOT_LOGGER, SERVICE_METRICS],
      });
    }
    return {
      module: EventSourcingModule,
      providers,
      exports: [EventStore, PersonKeyStore, ...(outbox ? [Outbox] : [])],
    };
  }

  /** A feature's projections, reactors and timers, registered with `ManagedConsumers` (see EventSourcingFeatureModule). */
  static forFeature(options: EventSourcingFeatureOptions): DynamicModule {
    return EventSourcingFeatureModule.forFeature(options);
  }

  constructor(
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(ManagedConsumers) private readonly managed: ManagedConsumers,
    @Optional() @Inject(Outbox) private readonly outbox?: Outbox,
  ) {}

  async onModuleInit(): Promise<void> {
    const topics = [
      ...new Set([...(this.options.outbox ? [this.options.outbox.topic] : []), ...(this.options.consumes ?? [])]),
    ];
    if (topics.length > 0) {
      await ensureTopics(this.kafka, topics, {
        partitions: this.config.kafkaPartitions,
        replication: this.config.kafkaReplication,
      });
    }
    if (this.outbox) this.managed.register(this.outbox);
  }
}
