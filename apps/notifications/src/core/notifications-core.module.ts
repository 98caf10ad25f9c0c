import { type DynamicModule, Global, Module } from '@nestjs/common';
import {
  EventSourcingModule,
  KAFKA,
  MONGO_CONNECTION,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@trellis/shared/platform';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { NOTIFICATIONS_WIRING, type NotificationsWiring, wiringFromEnv } from '../notifications.wiring';
import { Announcer } from './announcer';
import { ContactsClient } from './contacts.client';
import { Mailer } from './mailer';
import { NotificationsStore } from './notifications-store';
import { Notifier } from './notifier';

const shared = [NOTIFICATIONS_WIRING, NotificationsStore, Announcer, Notifier, Mailer, ContactsClient];

/**
 * What every notifications feature shares: its store, the announcer that publishes to notifications.events.v1 (a
 * producer started with the app and stopped at shutdown), the notifier, the mailer and the contacts client. The
 * service keeps no event store: it only reacts to the other services' topics.
 */
@Global()
@Module({})
export class NotificationsCoreModule {
  static register(overrides: Partial<NotificationsWiring> = {}): DynamicModule {
    const wiring: NotificationsWiring = { ...wiringFromEnv(), ...overrides };
    return {
      module: NotificationsCoreModule,
      imports: [
        EventSourcingModule.forFeature({
          topics: [wiring.profilesTopic, wiring.matchingTopic, wiring.sessionsTopic, wiring.notificationsTopic],
          consumers: [
            {
              useFactory: (announcer: Announcer) => ({
                consumer: { start: () => announcer.connect(), stop: () => announcer.disconnect() },
              }),
              inject: [Announcer],
            },
          ],
        }),
      ],
      providers: [
        { provide: NOTIFICATIONS_WIRING, useValue: wiring },
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
          useFactory: (kafka: Kafka) => new Announcer(kafka, wiring.notificationsTopic),
          inject: [KAFKA],
        },
        {
          provide: Notifier,
          useFactory: (store: NotificationsStore, announcer: Announcer) => new Notifier(store, announcer),
          inject: [NotificationsStore, Announcer],
        },
        {
          provide: Mailer,
          useFactory: (config: ServiceConfig) =>
            new Mailer(wiring.smtpUrl ?? config.smtpUrl, wiring.mailFrom, wiring.calendarUidDomain),
          inject: [SERVICE_CONFIG],
        },
        { provide: ContactsClient, useFactory: () => new ContactsClient(wiring.profilesUrl, wiring.internalToken) },
      ],
      exports: shared,
    };
  }
}
