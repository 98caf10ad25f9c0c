import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { NotificationCategory } from '@trellis/notifications/contracts';
import { NOTIFICATION_CATEGORIES } from '@trellis/notifications/contracts';
import type { NotificationPreferences } from '@trellis/notifications/domain';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { NotificationsService } from './notifications.service';
import {
  Notification,
  NotificationCategoryEnum,
  NotificationConnection,
  NotificationPreferencesInput,
  NotificationPreferencesType,
  Webhook,
  WebhookRegistration,
} from './notifications.types';

const commandIdArg = { name: 'commandId', type: () => ID, nullable: true, description: 'Idempotency key for retries' };

function toPreferences(p: NotificationPreferences): NotificationPreferencesType {
  return {
    channels: NOTIFICATION_CATEGORIES.map((category) => ({
      category,
      inApp: p.channels[category]?.inApp ?? true,
      email: p.channels[category]?.email ?? true,
    })),
    digest: p.digest,
    quietHours: p.quietHours,
    dailyEmailBudget: p.dailyEmailBudget,
    unsubscribed: p.unsubscribed,
  };
}

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, { description: 'Your in-app inbox, newest first' })
  notifications(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
    @Args('timeZone', { type: () => String, defaultValue: 'UTC', description: 'IANA zone for the times in the text' })
    timeZone: string,
  ) {
    return this.service.list(principal, first, after ?? null, unreadOnly, timeZone);
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentPrincipal() principal: Principal) {
    return this.service.unreadCount(principal);
  }

  @Mutation(() => Notification)
  markNotificationRead(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    // Marking read is idempotent by itself: a retry answers with the item as it is.
    @Args(commandIdArg) _commandId?: string,
  ) {
    return this.service.markRead(principal, id);
  }

  @Mutation(() => Int, { description: 'Marks every unread item read; returns how many were' })
  markAllNotificationsRead(@CurrentPrincipal() principal: Principal, @Args(commandIdArg) commandId?: string) {
    return this.service.markAllRead(principal, commandId ?? undefined);
  }

  @Query(() => NotificationPreferencesType)
  async notificationPreferences(@CurrentPrincipal() principal: Principal) {
    return toPreferences(await this.service.preferences(principal));
  }

  @Mutation(() => NotificationPreferencesType)
  async updateNotificationPreferences(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { type: () => NotificationPreferencesInput }) input: NotificationPreferencesInput,
    // Preferences are set, not toggled: a retry sets the same values and answers with them.
    @Args(commandIdArg) _commandId?: string,
  ) {
    return toPreferences(
      await this.service.updatePreferences(principal, {
        ...(input.channels ? { channels: input.channels } : {}),
        ...(input.digest !== undefined && input.digest !== null ? { digest: input.digest } : {}),
        ...(input.quietHours !== undefined ? { quietHours: input.quietHours } : {}),
        ...(input.dailyEmailBudget !== undefined && input.dailyEmailBudget !== null
          ? { dailyEmailBudget: input.dailyEmailBudget }
          : {}),
        ...(input.resubscribe ? { resubscribe: input.resubscribe } : {}),
      }),
    );
  }

  @Query(() => [Webhook], { description: 'Organization admins: the org’s webhooks' })
  webhooks(@CurrentPrincipal() principal: Principal) {
    return this.service.webhooks(principal);
  }

  @Mutation(() => WebhookRegistration)
  registerWebhook(
    @CurrentPrincipal() principal: Principal,
    @Args('url') url: string,
    @Args('categories', { type: () => [NotificationCategoryEnum] }) categories: NotificationCategory[],
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.service.registerWebhook(principal, url, categories, commandId ?? undefined);
  }

  @Mutation(() => Webhook)
  enableWebhook(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    // Enabling is idempotent by itself: a retry answers with the webhook as it is.
    @Args(commandIdArg) _commandId?: string,
  ) {
    return this.service.enableWebhook(principal, id);
  }

  @Mutation(() => Webhook, { description: 'Stops calls to the webhook until it is enabled again' })
  disableWebhook(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    // Disabling is idempotent by itself: a retry answers with the webhook as it is.
    @Args(commandIdArg) _commandId?: string,
  ) {
    return this.service.disableWebhook(principal, id);
  }

  @Mutation(() => Boolean)
  removeWebhook(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.service.removeWebhook(principal, id, commandId ?? undefined);
  }
}
