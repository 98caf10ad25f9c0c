import { type DynamicModule, Module } from '@nestjs/common';
import type { AuthConfig } from '@trellis/shared/auth';
import { SubgraphGraphqlModule } from '@trellis/shared/graphql';
import { PlatformModule, type ServiceConfig } from '@trellis/shared/platform';
import { NotificationsCoreModule } from './core/notifications-core.module';
import { DeliveryModule } from './delivery/delivery.module';
import { NotificationsGraphqlModule } from './graphql/notifications-graphql.module';
import type { NotificationsWiring } from './notifications.wiring';
import { ReactorModule } from './reactor/reactor.module';
import { UnsubscribeModule } from './unsubscribe/unsubscribe.module';

export interface NotificationsAppOptions {
  /** Overrides on top of the environment; tests point the app at their own database, topics and peers. */
  config?: Partial<ServiceConfig>;
  auth?: AuthConfig;
  wiring?: Partial<NotificationsWiring>;
}

@Module({})
export class AppModule {
  static register(options: NotificationsAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'notifications', mongo: true, kafka: true, config: options.config }),
        SubgraphGraphqlModule.forRoot({ service: 'notifications', auth: options.auth }),
        NotificationsCoreModule.register(options.wiring),
        ReactorModule,
        DeliveryModule,
        UnsubscribeModule,
        NotificationsGraphqlModule,
      ],
    };
  }
}
