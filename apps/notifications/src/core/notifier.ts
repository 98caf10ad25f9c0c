import {
  channelsFor,
  deliveryKey,
  type NotificationIntent,
  type SourceEvent,
  webhookPayload,
} from '@trellis/notifications/domain';
import { TenantScopedCollection } from '@trellis/shared/event-store';
import type { Announcer } from './announcer';
import { type DeliveryRow, type InboxItemRow, NotificationsStore } from './notifications-store';

export interface FanOut {
  event: SourceEvent;
  intent: NotificationIntent;
  recipients: string[];
  programId: string | null;
  /** Org webhooks hear about upstream events; reminders (our own timers) are not forwarded. */
  toWebhooks: boolean;
}

/**
 * Turns one decided notification into its effects, each keyed by {event id, recipient, channel}: an inbox item per
 * recipient (announced on the topic for live delivery), a pending email per recipient, a pending webhook call per
 * subscribed endpoint. Every write is an insert of a deterministic id, so running this twice adds nothing.
 */
export class Notifier {
  private listener: () => void = () => undefined;

  constructor(
    private readonly store: NotificationsStore,
    private readonly announcer: Announcer,
  ) {}

  /** Called after new deliveries are stored, so a local sender need not wait for its next tick. */
  onDelivery(listener: () => void): void {
    this.listener = listener;
  }

  async fanOut(fan: FanOut): Promise<void> {
    await this.write(fan);
    this.listener();
  }

  private async write({ event, intent, recipients, programId, toWebhooks }: FanOut): Promise<void> {
    const now = new Date();
    const sourceAt = new Date(event.occurredAt);
    for (const personId of recipients) {
      const preferences = await this.store.preferencesOf(event.tenantId, personId);
      const channels = channelsFor(preferences, intent.category);
      if (channels.inApp) await this.inApp(event, intent, personId, now);
      if (channels.email) {
        const row: DeliveryRow = {
          ...this.base(event, intent, programId, now, sourceAt),
          _id: deliveryKey(event.id, personId, 'email', intent.templateId),
          channel: 'email',
          recipient: personId,
          calendar: intent.calendar ?? null,
          body: null,
        };
        await NotificationsStore.insertIfNew(this.store.deliveries, row);
      }
    }
    if (!toWebhooks) return;
    const hooks = await this.store.webhooksFor(event.tenantId, intent.category);
    for (const hook of hooks) {
      const row: DeliveryRow = {
        ...this.base(event, intent, programId, now, sourceAt),
        _id: deliveryKey(event.id, hook._id, 'webhook', intent.templateId),
        channel: 'webhook',
        recipient: hook._id,
        calendar: null,
        body: JSON.stringify(webhookPayload(hook._id, event, intent)),
      };
      await NotificationsStore.insertIfNew(this.store.deliveries, row);
    }
  }

  private base(event: SourceEvent, intent: NotificationIntent, programId: string | null, now: Date, sourceAt: Date) {
    return {
      tenantId: event.tenantId,
      programId,
      templateId: intent.templateId,
      category: intent.category,
      priority: intent.priority,
      subject: intent.subject,
      params: intent.params,
      state: 'pending' as const,
      dueAt: now,
      attempts: 0,
      lastError: null,
      sourceAt,
      createdAt: now,
      sentAt: null,
    };
  }

  private async inApp(event: SourceEvent, intent: NotificationIntent, personId: string, now: Date): Promise<void> {
    const _id = deliveryKey(event.id, personId, 'in-app', intent.templateId);
    const row: InboxItemRow = {
      _id,
      tenantId: event.tenantId,
      recipientPersonId: personId,
      templateId: intent.templateId,
      category: intent.category,
      priority: intent.priority,
      subject: intent.subject,
      params: intent.params,
      createdAt: now,
      sortKey: `${now.toISOString()}|${_id}`,
      readAt: null,
      announced: false,
    };
    const inbox = new TenantScopedCollection(this.store.inbox, event.tenantId);
    const created = await NotificationsStore.insertIfNew(this.store.inbox, row);
    const item = created ? row : await inbox.findOne({ _id });
    // Announce once; a crash between insert and announce leaves `announced: false`, and the retry finishes the job.
    if (!item || item.announced) return;
    await this.announcer.announce(
      event.tenantId,
      'NotificationDelivered',
      {
        notificationId: _id,
        recipientPersonId: personId,
        category: intent.category,
        priority: intent.priority,
        templateId: intent.templateId,
        createdAt: item.createdAt.toISOString(),
      },
      _id,
    );
    await inbox.updateOne({ _id }, { $set: { announced: true } });
  }
}
