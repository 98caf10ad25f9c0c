import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { MATCHING_TOPIC } from '@trellis/matching/contracts';
import { PROFILES_TOPIC, profilesContracts } from '@trellis/profiles/contracts';
import { calendarUidDomainFromEnv, SESSIONS_EVENTS_TOPIC } from '@trellis/sessions/contracts';
import { EventStore, projectionRunner, RevisionGuardedCollection } from '@trellis/shared/event-store';
import { ConsumerStatusRegistry, ContractRegistry, ensureTopics } from '@trellis/shared/messaging';
import { MembershipDirectory, membershipsProjection } from '@trellis/shared/memberships';
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
import { CalendarFeedController } from './calendar/calendar-feed.controller';
import { CalendarFeeds } from './calendar/calendar-feeds';
import { CalendarReservations } from './core/calendar-reservations';
import { SessionsReadModels } from './core/read-models';
import { SessionsOutbox } from './core/sessions-outbox';
import { SealedTexts } from './core/sealed-texts';
import type { SessionsDirectory } from './core/sessions-directory';
import { SessionsStore } from './core/sessions-store';
import { EngagementHealthMonitor } from './engagements/engagement-health.monitor';
import { MENTORSHIP_LIFECYCLE_GROUP, mentorshipLifecycleReactor } from './engagements/mentorship-lifecycle.reactor';
import { SessionsResolver } from './graphql/sessions.resolver';
import {
  AVAILABILITY_GROUP,
  AvailabilityDirectory,
  type AvailabilityRow,
  availabilityProjection,
} from './profiles/participant-availability.projection';
import {
  ERASURE_GROUP,
  participantErasureHandler,
  participantErasureReactor,
} from './profiles/participant-erasure.reactor';
import { EngagementCommandsService } from './engagements/engagement-commands.service';
import { SchedulingService } from './scheduling/scheduling.service';
import { SessionCommandsService } from './scheduling/session-commands.service';
import { SessionsQueryService } from './views/sessions-query.service';

/** Topic and group names; tests use their own so they never share offsets or messages with a running stack. */
export interface SessionsWiring {
  sessionsTopic: string;
  matchingTopic: string;
  lifecycleGroup: string;
  profilesTopic: string;
  availabilityGroup: string;
  /**
   * The memberships read model (who manages which program) is fed by the insights module in the running service;
   * a test that runs its own profiles topic names a group here and this module feeds the same collection from it.
   */
  membershipsGroup?: string;
  erasureGroup: string;
  /** Backoff of the reactor's bounded retries (tests shorten it). */
  retryBaseDelayMs?: number;
  /** How often the health run looks at every open engagement; 0 turns the timer off (tests call it directly). */
  healthIntervalMs: number;
}

export const SESSIONS_WIRING = Symbol('SESSIONS_WIRING');
export const SESSIONS_DIRECTORY = Symbol('SESSIONS_DIRECTORY');

export const defaultSessionsWiring: SessionsWiring = {
  sessionsTopic: SESSIONS_EVENTS_TOPIC,
  matchingTopic: MATCHING_TOPIC,
  lifecycleGroup: MENTORSHIP_LIFECYCLE_GROUP,
  profilesTopic: PROFILES_TOPIC,
  availabilityGroup: AVAILABILITY_GROUP,
  erasureGroup: ERASURE_GROUP,
  healthIntervalMs: Number(process.env['TRELLIS_SESSIONS_HEALTH_INTERVAL_MS'] ?? 3_600_000),
};

const uidDomain = (): string => calendarUidDomainFromEnv(process.env);

@Module({})
export class SessionsModule implements OnModuleInit {
  static register(wiring: Partial<SessionsWiring> = {}): DynamicModule {
    return {
      module: SessionsModule,
      controllers: [CalendarFeedController],
      providers: [
        {
          provide: CalendarFeeds,
          useFactory: (c: Connection, store: SessionsStore, rm: SessionsReadModels, keys: PersonKeyStore) =>
            new CalendarFeeds(c, store, rm, keys, uidDomain()),
          inject: [MONGO_CONNECTION, SessionsStore, SessionsReadModels, PersonKeyStore],
        },
        { provide: SESSIONS_WIRING, useValue: { ...defaultSessionsWiring, ...wiring } },
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
          provide: SESSIONS_DIRECTORY,
          useFactory: (c: Connection, rm: SessionsReadModels): SessionsDirectory => ({
            availability: new AvailabilityDirectory(c),
            memberships: new MembershipDirectory(c),
            reservations: new CalendarReservations(c, rm),
          }),
          inject: [MONGO_CONNECTION, SessionsReadModels],
        },
        { provide: SealedTexts, useFactory: (keys: PersonKeyStore) => new SealedTexts(keys), inject: [PersonKeyStore] },
        {
          provide: SchedulingService,
          useFactory: (store: SessionsStore, rm: SessionsReadModels, d: SessionsDirectory, texts: SealedTexts) =>
            new SchedulingService(store, rm, d, texts),
          inject: [SessionsStore, SessionsReadModels, SESSIONS_DIRECTORY, SealedTexts],
        },
        {
          provide: SessionCommandsService,
          useFactory: (store: SessionsStore, texts: SealedTexts) => new SessionCommandsService(store, texts),
          inject: [SessionsStore, SealedTexts],
        },
        {
          provide: EngagementCommandsService,
          useFactory: (store: SessionsStore, texts: SealedTexts) => new EngagementCommandsService(store, texts),
          inject: [SessionsStore, SealedTexts],
        },
        {
          provide: SessionsQueryService,
          useFactory: (
            store: SessionsStore,
            rm: SessionsReadModels,
            keys: PersonKeyStore,
            texts: SealedTexts,
            d: SessionsDirectory,
          ) => new SessionsQueryService(store, rm, keys, texts, d.memberships),
          inject: [SessionsStore, SessionsReadModels, PersonKeyStore, SealedTexts, SESSIONS_DIRECTORY],
        },
        {
          provide: SessionsOutbox,
          useFactory: (
            kafka: Kafka,
            c: Connection,
            store: EventStore,
            w: SessionsWiring,
            logger: Logger,
            metrics: ServiceMetrics,
          ) => new SessionsOutbox(kafka, c, store, w.sessionsTopic, logger, metrics),
          inject: [KAFKA, MONGO_CONNECTION, EventStore, SESSIONS_WIRING, ROOT_LOGGER, SERVICE_METRICS],
        },
        {
          provide: EngagementHealthMonitor,
          useFactory: (store: SessionsStore, rm: SessionsReadModels, logger: Logger, w: SessionsWiring) =>
            new EngagementHealthMonitor(
              store,
              rm,
              logger.child({ component: 'engagement-health' }),
              w.healthIntervalMs,
            ),
          inject: [SessionsStore, SessionsReadModels, ROOT_LOGGER, SESSIONS_WIRING],
        },
        SessionsResolver,
      ],
      exports: [
        EngagementHealthMonitor,
        SessionsQueryService,
        SessionsStore,
        SessionsReadModels,
        EventStore,
        PersonKeyStore,
        SESSIONS_DIRECTORY,
      ],
    };
  }

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SESSIONS_WIRING) private readonly wiring: SessionsWiring,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    private readonly consumers: ManagedConsumers,
    private readonly status: ConsumerStatusRegistry,
    private readonly outbox: SessionsOutbox,
    private readonly store: SessionsStore,
    private readonly health: EngagementHealthMonitor,
    private readonly keys: PersonKeyStore,
    private readonly readModels: SessionsReadModels,
    private readonly feeds: CalendarFeeds,
    @Inject(SESSIONS_DIRECTORY) private readonly directory: SessionsDirectory,
  ) {}

  /**
   * Topics exist before anything subscribes to them and read-model rows are upgraded before any consumer writes
   * them; then the consumers register one by one (projections, erasure, outbox, health run, lifecycle).
   */
  async onModuleInit(): Promise<void> {
    // The matching topic is created here too (idempotently), so the reactor can subscribe before matching first runs.
    await ensureTopics(
      this.kafka,
      [this.wiring.sessionsTopic, this.wiring.matchingTopic, this.wiring.profilesTopic],
      this.topicSettings(),
    );
    const upgraded = await this.store.upgradeRows();
    if (upgraded.sessions + upgraded.engagements > 0) this.logger.info(upgraded, 'read-model rows upgraded');
    const profiles = new ContractRegistry(profilesContracts);
    if (this.wiring.membershipsGroup) this.registerMembershipsProjection(this.wiring.membershipsGroup, profiles);
    this.registerAvailabilityProjection(profiles);
    this.registerErasureReactor(profiles);
    this.consumers.register(this.outbox);
    this.consumers.register(this.health);
    this.registerLifecycleReactor();
  }

  private topicSettings() {
    return { partitions: this.config.kafkaPartitions, replication: this.config.kafkaReplication };
  }

  /** The reactors' bounded-retry backoff, only when the wiring shortens it. */
  private retryOptions() {
    return this.wiring.retryBaseDelayMs ? { retryBaseDelayMs: this.wiring.retryBaseDelayMs } : {};
  }

  /** What every consumer of the profiles topic shares: its contracts, telemetry and dead-letter topic. */
  private profilesConsumerOptions(profiles: ContractRegistry) {
    return {
      contracts: profiles,
      logger: this.logger,
      metrics: this.metrics,
      status: this.status,
      deadLetterTopic: this.topicSettings(),
      ...this.retryOptions(),
    };
  }

  /** See SessionsWiring.membershipsGroup: only a test running its own profiles topic feeds memberships here. */
  private registerMembershipsProjection(group: string, profiles: ContractRegistry): void {
    const memberships = { ...membershipsProjection('sessions'), name: group };
    memberships.topics = [this.wiring.profilesTopic];
    this.consumers.register(
      projectionRunner(this.kafka, this.connection, memberships, this.profilesConsumerOptions(profiles)),
    );
  }

  private registerAvailabilityProjection(profiles: ContractRegistry): void {
    const availability = availabilityProjection(this.wiring.profilesTopic, this.wiring.availabilityGroup);
    const availabilityRows = new RevisionGuardedCollection<AvailabilityRow>(this.connection, availability.collection);
    this.consumers.register(
      projectionRunner(this.kafka, this.connection, availability, this.profilesConsumerOptions(profiles)),
      {
        group: availability.name,
        handler: (envelope) => availability.apply(envelope, availabilityRows),
        contracts: profiles,
      },
    );
  }

  private registerErasureReactor(profiles: ContractRegistry): void {
    const erasure = {
      keys: this.keys,
      readModels: this.readModels,
      feeds: this.feeds,
      reservations: this.directory.reservations,
      logger: this.logger,
    };
    this.consumers.register(
      participantErasureReactor(this.kafka, {
        ...erasure,
        topic: this.wiring.profilesTopic,
        group: this.wiring.erasureGroup,
        metrics: this.metrics,
        status: this.status,
        topicSettings: this.topicSettings(),
        ...this.retryOptions(),
      }),
      { group: this.wiring.erasureGroup, handler: participantErasureHandler(erasure), contracts: profiles },
    );
  }

  private registerLifecycleReactor(): void {
    this.consumers.register(
      mentorshipLifecycleReactor({
        kafka: this.kafka,
        store: this.store,
        topic: this.wiring.matchingTopic,
        group: this.wiring.lifecycleGroup,
        logger: this.logger,
        metrics: this.metrics,
        status: this.status,
        topicSettings: this.topicSettings(),
        ...this.retryOptions(),
      }),
    );
  }
}
