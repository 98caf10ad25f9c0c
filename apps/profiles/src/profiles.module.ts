import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { PROFILES_TOPIC, profilesContracts } from '@trellis/profiles/contracts';
import {
  type OrganizationEvent,
  type ParticipantEvent,
  type ProgramEvent,
  toProfilesIntegrationEvent,
} from '@trellis/profiles/domain';
import { EventStore, OutboxRelay } from '@trellis/shared/event-store';
import { ContractRegistry, ensureTopics, EventPublisher } from '@trellis/shared/messaging';
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
import { ContactsController } from './contacts/contacts.controller';
import { ProfilesStore } from './core/profiles-store';
import { ProfilesReadModels } from './core/read-models';
import { ProfileSealer } from './core/sealing';
import { ParticipantResolver, ProgramResolver } from './graphql/profiles.resolver';
import { ParticipantImportService } from './profiles/participant-import.service';
import { ProfilesService } from './profiles/profiles.service';
import { DemoSeed } from './seed/demo-seed';

class ProfilesOutbox {
  readonly relay: OutboxRelay;
  private readonly publisher: EventPublisher;

  constructor(kafka: Kafka, connection: Connection, store: EventStore, logger: Logger, metrics: ServiceMetrics) {
    this.publisher = new EventPublisher(kafka, new ContractRegistry(profilesContracts));
    this.relay = new OutboxRelay({
      store,
      connection,
      topic: PROFILES_TOPIC,
      publish: (batches) => this.publisher.publish(batches),
      toIntegrationEvent: (event) =>
        toProfilesIntegrationEvent({ type: event.type, ...(event.data as object) } as
          | OrganizationEvent
          | ProgramEvent
          | ParticipantEvent),
      logger: logger.child({ component: 'outbox-relay' }),
      metrics,
    });
  }

  async start(): Promise<void> {
    await this.publisher.connect();
    this.relay.start();
  }

  async stop(): Promise<void> {
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}

@Module({
  controllers: [ContactsController],
  providers: [
    {
      provide: EventStore,
      useFactory: async (connection: Connection) => {
        const store = new EventStore(connection);
        await store.ensureIndexes();
        return store;
      },
      inject: [MONGO_CONNECTION],
    },
    { provide: PersonKeyStore, useFactory: (c: Connection) => new PersonKeyStore(c), inject: [MONGO_CONNECTION] },
    {
      provide: ProfilesReadModels,
      useFactory: (c: Connection, store: EventStore) => new ProfilesReadModels(c, store),
      inject: [MONGO_CONNECTION, EventStore],
    },
    { provide: ProfileSealer, useFactory: (keys: PersonKeyStore) => new ProfileSealer(keys), inject: [PersonKeyStore] },
    {
      provide: ProfilesStore,
      useFactory: (store: EventStore, rm: ProfilesReadModels) => new ProfilesStore(store, rm),
      inject: [EventStore, ProfilesReadModels],
    },
    {
      provide: ProfilesService,
      useFactory: (store: ProfilesStore, rm: ProfilesReadModels, sealer: ProfileSealer, keys: PersonKeyStore) =>
        new ProfilesService(store, rm, sealer, keys),
      inject: [ProfilesStore, ProfilesReadModels, ProfileSealer, PersonKeyStore],
    },
    {
      provide: ParticipantImportService,
      useFactory: (service: ProfilesService, store: ProfilesStore, rm: ProfilesReadModels) =>
        new ParticipantImportService(service, store, rm),
      inject: [ProfilesService, ProfilesStore, ProfilesReadModels],
    },
    {
      provide: ProfilesOutbox,
      useFactory: (kafka: Kafka, c: Connection, store: EventStore, logger: Logger, metrics: ServiceMetrics) =>
        new ProfilesOutbox(kafka, c, store, logger, metrics),
      inject: [KAFKA, MONGO_CONNECTION, EventStore, ROOT_LOGGER, SERVICE_METRICS],
    },
    ProgramResolver,
    ParticipantResolver,
    DemoSeed,
  ],
  exports: [ProfilesService, ProfilesReadModels, ProfilesStore, EventStore, PersonKeyStore],
})
export class ProfilesModule implements OnModuleInit {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly consumers: ManagedConsumers,
    private readonly outbox: ProfilesOutbox,
    private readonly readModels: ProfilesReadModels,
  ) {}

  async onModuleInit(): Promise<void> {
    await ensureTopics(this.kafka, [PROFILES_TOPIC], {
      partitions: this.config.kafkaPartitions,
      replication: this.config.kafkaReplication,
    });
    // Before the relay starts, so the set of unpublished commits is exactly what a crash could have left behind.
    await this.readModels.reconcileUnpublished();
    this.consumers.register(this.outbox);
  }
}
