import { type DynamicModule, Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { EventStore } from '@trellis/shared/event-store';
import { MembershipDirectory } from '@trellis/shared/memberships';
import { ConsumerStatusRegistry } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import {
  EventSourcingModule,
  KAFKA,
  MONGO_CONNECTION,
  ROOT_LOGGER,
  SERVICE_CONFIG,
  SERVICE_METRICS,
  type ServiceConfig,
} from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { AvailabilityDirectory } from '../profiles/participant-availability.projection';
import { ProgramSettingsDirectory } from '../profiles/program-settings.projection';
import { CalendarReservations } from './calendar-reservations';
import { ConversationStore } from './conversation-store';
import { CONSUMER_CONTEXT, type ConsumerContext } from './consumer-context';
import { SessionsReadModels } from './read-models';
import { SealedTexts } from './sealed-texts';
import type { SessionsDirectory } from './sessions-directory';
import { sessionsIntegrationMapper, sessionsOutboxContracts } from './sessions-outbox';
import { SessionsStore } from './sessions-store';
import { defaultSessionsWiring, SESSIONS_DIRECTORY, SESSIONS_WIRING, type SessionsWiring } from './sessions-wiring';

const shared = [
  SESSIONS_WIRING,
  SessionsReadModels,
  SessionsStore,
  ConversationStore,
  SESSIONS_DIRECTORY,
  SealedTexts,
  CONSUMER_CONTEXT,
];

/**
 * What every sessions feature shares: the event store with its outbox relay to sessions.events.v1, the read models
 * and command runner, the directories scheduling checks against, and what its consumers are built with.
 */
@Global()
@Module({})
export class SessionsCoreModule implements OnModuleInit {
  static register(overrides: Partial<SessionsWiring> = {}): DynamicModule {
    const wiring: SessionsWiring = { ...defaultSessionsWiring, ...overrides };
    return {
      module: SessionsCoreModule,
      imports: [
        EventSourcingModule.forRoot({
          outbox: {
            topic: wiring.sessionsTopic,
            contracts: sessionsOutboxContracts,
            integrationMapper: sessionsIntegrationMapper,
          },
          // The matching topic is created here too (idempotently), so the reactor can subscribe before matching
          // first runs.
          consumes: [wiring.matchingTopic, wiring.profilesTopic],
        }),
      ],
      providers: [
        { provide: SESSIONS_WIRING, useValue: wiring },
        {
          provide: SessionsReadModels,
          useFactory: async (c: Connection) => {
            const readModels = new SessionsReadModels(c);
            await readModels.ensureIndexes();
            return readModels;
          },
          inject: [MONGO_CONNECTION],
        },
        {
          provide: SessionsStore,
          useFactory: (store: EventStore, rm: SessionsReadModels) => new SessionsStore(store, rm),
          inject: [EventStore, SessionsReadModels],
        },
        {
          provide: ConversationStore,
          useFactory: (store: EventStore, rm: SessionsReadModels, engagements: SessionsStore) =>
            new ConversationStore(store, rm, engagements),
          inject: [EventStore, SessionsReadModels, SessionsStore],
        },
        {
          provide: SESSIONS_DIRECTORY,
          useFactory: (c: Connection, rm: SessionsReadModels): SessionsDirectory => ({
            availability: new AvailabilityDirectory(c),
            memberships: new MembershipDirectory(c),
            reservations: new CalendarReservations(c, rm),
            programSettings: new ProgramSettingsDirectory(c),
          }),
          inject: [MONGO_CONNECTION, SessionsReadModels],
        },
        { provide: SealedTexts, useFactory: (keys: PersonKeyStore) => new SealedTexts(keys), inject: [PersonKeyStore] },
        {
          provide: CONSUMER_CONTEXT,
          useFactory: (
            kafka: Kafka,
            connection: Connection,
            config: ServiceConfig,
            logger: Logger,
            metrics: ServiceMetrics,
            status: ConsumerStatusRegistry,
          ): ConsumerContext => ({
            kafka,
            connection,
            logger,
            metrics,
            status,
            topicSettings: { partitions: config.kafkaPartitions, replication: config.kafkaReplication },
            retry: wiring.retryBaseDelayMs ? { retryBaseDelayMs: wiring.retryBaseDelayMs } : {},
          }),
          inject: [KAFKA, MONGO_CONNECTION, SERVICE_CONFIG, ROOT_LOGGER, SERVICE_METRICS, ConsumerStatusRegistry],
        },
      ],
      exports: shared,
    };
  }

  constructor(
    @Inject(SessionsStore) private readonly store: SessionsStore,
    @Inject(ConversationStore) private readonly conversations: ConversationStore,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Read-model rows are upgraded before any consumer writes them (consumers start once the app has bootstrapped). */
  async onModuleInit(): Promise<void> {
    const upgraded = {
      ...(await this.store.upgradeRows()),
      closedConversations: await this.conversations.upgradeRows(),
    };
    if (upgraded.sessions + upgraded.engagements + upgraded.closedConversations > 0) {
      this.logger.info(upgraded, 'read-model rows upgraded');
    }
  }
}
