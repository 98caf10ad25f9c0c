import { Module } from '@nestjs/common';
import { Announcer } from '../core/announcer';
import { NotificationsStore } from '../core/notifications-store';
import { NOTIFICATIONS_WIRING, type NotificationsWiring } from '../notifications.wiring';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** The notifications subgraph and the use cases behind it: a person's notifications, preferences and webhooks. */
@Module({
  providers: [
    {
      provide: NotificationsService,
      useFactory: (store: NotificationsStore, announcer: Announcer, w: NotificationsWiring) =>
        new NotificationsService(store, announcer, w.appUrl, w.allowLoopbackWebhooks),
      inject: [NotificationsStore, Announcer, NOTIFICATIONS_WIRING],
    },
    NotificationsResolver,
  ],
  exports: [NotificationsService],
})
export class NotificationsGraphqlModule {}
