import { Module } from '@nestjs/common';
import { ConsumerStatusRegistry } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import {
  EventSourcingModule,
  KAFKA,
  ROOT_LOGGER,
  SERVICE_CONFIG,
  SERVICE_METRICS,
  type ServiceConfig,
} from '@trellis/shared/platform';
import type { Kafka } from 'kafkajs';
import { ContactsClient } from '../core/contacts.client';
import { NotificationsStore } from '../core/notifications-store';
import { Notifier } from '../core/notifier';
import { NOTIFICATIONS_WIRING, type NotificationsWiring } from '../notifications.wiring';
import { NotificationsReactor } from './notifications.reactor';

/** The reactor over the profiles, matching and sessions topics: what each event means for whom. */
@Module({
  imports: [
    EventSourcingModule.forFeature({
      providers: [
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
              unreadMessageAfterMs: w.unreadMessageAfterMs,
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
      ],
      consumers: [
        {
          useFactory: (reactor: NotificationsReactor) => {
            const runner = reactor.runner();
            return {
              consumer: runner,
              replayable: { group: runner.group, handler: reactor.handle, contracts: reactor.contracts },
            };
          },
          inject: [NotificationsReactor],
        },
      ],
    }),
  ],
})
export class ReactorModule {}
