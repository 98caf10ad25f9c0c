import { Module } from '@nestjs/common';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import { EventSourcingModule, ROOT_LOGGER, SERVICE_METRICS } from '@trellis/shared/platform';
import { Announcer } from '../core/announcer';
import { ContactsClient } from '../core/contacts.client';
import { Mailer } from '../core/mailer';
import { NotificationsStore } from '../core/notifications-store';
import { Notifier } from '../core/notifier';
import { NOTIFICATIONS_WIRING, type NotificationsWiring } from '../notifications.wiring';
import { Dispatcher } from './dispatcher';

/** Delivery: the dispatcher that sends what the reactor decided (email, digest, webhook, reminder) with retries. */
@Module({
  imports: [
    EventSourcingModule.forFeature({
      providers: [
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
          ) => {
            const dispatcher = new Dispatcher({
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
            });
            notifier.onDelivery((rows) => dispatcher.enqueue(rows));
            return dispatcher;
          },
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
      ],
      consumers: [
        {
          useFactory: (dispatcher: Dispatcher, mailer: Mailer) => ({
            consumer: {
              start: () => dispatcher.start(),
              stop: async () => {
                await dispatcher.stop();
                mailer.close();
              },
            },
          }),
          inject: [Dispatcher, Mailer],
        },
      ],
    }),
  ],
})
export class DeliveryModule {}
