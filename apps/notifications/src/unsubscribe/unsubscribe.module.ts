import { Module } from '@nestjs/common';
import { NotificationsGraphqlModule } from '../graphql/notifications-graphql.module';
import { UnsubscribeController } from './unsubscribe.controller';

/** The signed one-click unsubscribe link of every email. */
@Module({ imports: [NotificationsGraphqlModule], controllers: [UnsubscribeController] })
export class UnsubscribeModule {}
