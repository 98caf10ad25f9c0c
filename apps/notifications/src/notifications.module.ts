import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
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
import { Announcer } from './core/announcer';
import { ContactsClient } from './core/contacts.client';
import { Mailer } from './core/mailer';
import { NotificationsStore } from './core/notifications-store';
import { Notifier } from './core/notifier';
import { Dispatcher } from './delivery/dispatcher';
import { NotificationsResolver } from './graphql/notifications.resolver';
import { NotificationsService } from './graphql/notifications.service';
import { NotificationsWiring, NOTIFICATIONS_WIRING, wiringFromEnv } from './notifications.wiring';
import { NotificationsReactor } from './reactor/notifications.reactor';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';

class AnnouncerLifecycle {
  constructor(readonly announcer: Announcer) {}
  start = () => this.announcer.connect();
  stop = () => this.announcer.disconnect();
}

@Module({})
export class NotificationsModule implements OnModuleInit {
  static register(wiring: Partial<NotificationsWiring> = {}): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [UnsubscribeController],
      providers: [
        { provide: NOTIFICATIONS_WIRING, useValue: { ...wiringFromEnv(), ...wiring } },
        {
          provide: NotificationsStore,
          useFactory: async (connection: Connection) => {
            const store = new NotificationsStore(connection);
            await store.ensureIndexes();
            return store;
          },
          inject: [MONGO_CONNECTION],
        },
        {
          provide: Announcer,
          useFactory: (kafka: Kafka, w: NotificationsWiring) => new Announcer(kafka, w.notificationsTopic),
          inject: [KAFKA, NOTIFICATIONS_WIRING],
        },
        {
          provide: Notifier,
          useFactory: (store: NotificationsStore, announcer: Announcer) => new Notifier(store, announcer),
          inject: [NotificationsStore, Announcer],
        },
        {
          provide: Mailer,
          useFactory: (w: NotificationsWiring, config: ServiceConfig) =>
            new Mailer(w.smtpUrl ?? config.smtpUrl, w.mailFrom, w.calendarUidDomain),
          inject: [NOTIFICATIONS_WIRING, SERVICE_CONFIG],
        },
        {
          provide: ContactsClient,
          useFactory: (w: NotificationsWiring) => new ContactsClient(w.profilesUrl, w.internalToken),
          inject: [NOTIFICATIONS_WIRING],
        },
        {
          provide: Dispatcher,
          useFactory: (
            w: NotificationsWiring,
            store: NotificationsStore,
            notifier: Notifier,
            announcer: Announcer,
            mailer: Mailer,
            logger: Logger,
            contacts: ContactsClient,
            metrics: ServiceMetrics,
          ) =>
            new Dispatcher({
              store,
              notifier,
              announcer,
              mailer,
              contacts,
              logger: logger.child({ component: 'dispatcher' }),
              metricsRegistry: metrics.registry,
              clock: w.clock,
              tickMs: w.tickMs,
              leaseTtlMs: w.leaseTtlMs,
              appUrl: w.appUrl,
              publicUrl: w.publicUrl,
              unsubscribeSecret: w.unsubscribeSecret,
              webhookPolicy: w.webhookPolicy,
              webhookTimeoutMs: 5000,
              concurrency: w.senderConcurrency,
              emailGiveUpMs: 24 * 3_600_000,
              emailRetry: w.emailRetry,
              ...(w.afterSmtpAccept ? { afterSmtpAccept: w.afterSmtpAccept } : {}),
            }),
          inject: [
            NOTIFICATIONS_WIRING,
            NotificationsStore,
            Notifier,
            Announcer,
            Mailer,
            ROOT_LOGGER,
            ContactsClient,
            SERVICE_METRICS,
          ],
        },
        {
          provide: NotificationsReactor,
          useFactory: (
            w: NotificationsWiring,
            kafka: Kafka,
            store: NotificationsStore,
            notifier: Notifier,
            logger: Logger,
            metrics: ServiceMetrics,
            status: ConsumerStatusRegistry,
            config: ServiceConfig,
            contacts: ContactsClient,
          ) =>
            new NotificationsReactor({
              kafka,
              group: w.reactorGroup,
              topics: [w.profilesTopic, w.matchingTopic, w.sessionsTopic],
              concurrency: w.reactorConcurrency,
              eventConcurrency: w.reactorEventConcurrency,
              onPersonErased: (tenantId, personId) => contacts.forget(tenantId, personId),
              store,
              notifier,
              logger: logger.child({ component: 'reactor' }),
              metrics,
              status,
              topicSettings: { partitions: config.kafkaPartitions, replication: config.kafkaReplication },
            }),
          inject: [
            NOTIFICATIONS_WIRING,
            KAFKA,
            NotificationsStore,
            Notifier,
            ROOT_LOGGER,
            SERVICE_METRICS,
            ConsumerStatusRegistry,
            SERVICE_CONFIG,
            ContactsClient,
          ],
        },
        {
          provide: NotificationsService,
          useFactory: (store: NotificationsStore, announcer: Announcer, w: NotificationsWiring) =>
            new NotificationsService(store, announcer, w.appUrl, w.allowLoopbackWebhooks),
          inject: [NotificationsStore, Announcer, NOTIFICATIONS_WIRING],
        },
        NotificationsResolver,
      ],
      exports: [NotificationsStore, Dispatcher, NotificationsReactor, NOTIFICATIONS_WIRING],
    };
  }

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(NOTIFICATIONS_WIRING) private readonly wiring: NotificationsWiring,
    private readonly consumers: ManagedConsumers,
    private readonly announcer: Announcer,
    private readonly reactor: NotificationsReactor,
    private readonly dispatcher: Dispatcher,
    private readonly mailer: Mailer,
    private readonly notifier: Notifier,
  ) {}

  async onModuleInit(): Promise<void> {
    const w = this.wiring;
    this.notifier.onDelivery((rows) => this.dispatcher.enqueue(rows));
    await ensureTopics(this.kafka, [w.profilesTopic, w.matchingTopic, w.sessionsTopic, w.notificationsTopic], {
      partitions: this.config.kafkaPartitions,
      replication: this.config.kafkaReplication,
    });
    // Order matters at shutdown (reverse): the dispatcher and reactor stop before the producer they announce with.
    this.consumers.register(new AnnouncerLifecycle(this.announcer));
    const runner = this.reactor.runner();
    this.consumers.register(runner, {
      group: runner.group,
      handler: this.reactor.handle,
      contracts: this.reactor.contracts,
    });
    this.consumers.register({
      start: () => this.dispatcher.start(),
      stop: async () => {
        await this.dispatcher.stop();
        this.mailer.close();
      },
    });
  }
}
