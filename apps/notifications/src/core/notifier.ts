import {
  channelsFor,
  deliveryKey,
  type NotificationIntent,
  type SourceEvent,
  webhookPayload,
} from '@trellis/notifications/domain';
import { currentTraceCarrier } from '@trellis/shared/observability';
import type { mongo } from 'mongoose';
import type { Announcer } from './announcer';
import { GroupCommit } from './group-commit';
import {
  type AnnouncementRow,
  type DeliveryKeyRow,
  type DeliveryRow,
  type InboxItemRow,
  NotificationsStore,
} from './notifications-store';
import { phases } from './phases';

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
  private listener: (rows: DeliveryRow[]) => void = () => undefined;
  // Handlers running at the same time share their inserts (one insertMany per collection per round trip).
  private readonly inboxInserts: GroupCommit<InboxItemRow, boolean>;
  private readonly announcementInserts: GroupCommit<AnnouncementRow, boolean>;
  private readonly keyInserts: GroupCommit<DeliveryKeyRow, boolean>;
  private readonly queueInserts: GroupCommit<DeliveryRow, boolean>;

  constructor(
    private readonly store: NotificationsStore,
    private readonly announcer: Announcer,
  ) {
    const inserter = <T extends { _id: string }>(collection: mongo.Collection<T>) =>
      new GroupCommit<T, boolean>((rows) => NotificationsStore.insertEach(collection, rows));
    this.inboxInserts = inserter(store.inbox);
    this.announcementInserts = inserter(store.announcements);
    this.keyInserts = inserter(store.deliveryKeys);
    this.queueInserts = inserter(store.deliveries);
  }

  /** Called with the deliveries just queued, so a local sender need not wait for its next poll. */
  onDelivery(listener: (rows: DeliveryRow[]) => void): void {
    this.listener = listener;
  }

  async fanOut(fan: FanOut): Promise<void> {
    const { inbox, deliveries } = await this.plan(fan);
    const [, queued] = await Promise.all([
      phases.time('notify.inbox+announce', () => this.inApp(inbox)),
      phases.time('notify.queue-deliveries', () => this.queue(deliveries)),
    ]);
    if (queued.length) this.listener(queued);
  }

  private async plan({ event, intent, recipients, programId, toWebhooks }: FanOut) {
    const now = new Date();
    const sourceAt = new Date(event.occurredAt);
    const inbox: InboxItemRow[] = [];
    const deliveries: DeliveryRow[] = [];
    for (const personId of recipients) {
      const preferences = await this.store.preferencesOf(event.tenantId, personId);
      const channels = channelsFor(preferences, intent.category);
      if (channels.inApp) {
        const _id = deliveryKey(event.id, personId, 'in-app', intent.templateId);
        inbox.push({
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
        });
      }
      if (channels.email) {
        deliveries.push({
          ...this.base(event, intent, programId, now, sourceAt),
          _id: deliveryKey(event.id, personId, 'email', intent.templateId),
          channel: 'email',
          recipient: personId,
          calendar: intent.calendar ?? null,
          body: null,
        });
      }
    }
    if (toWebhooks) {
      for (const hook of await this.store.webhooksFor(event.tenantId, intent.category)) {
        deliveries.push({
          ...this.base(event, intent, programId, now, sourceAt),
          _id: deliveryKey(event.id, hook._id, 'webhook', intent.templateId),
          channel: 'webhook',
          recipient: hook._id,
          calendar: null,
          body: JSON.stringify(webhookPayload(hook._id, event, intent)),
        });
      }
    }
    return { inbox, deliveries };
  }

  /**
   * A delivery is queued once: its key goes into the append-only `delivery_keys` first (the queue alone could not
   * say "already done", its finished rows move to the log). A key that exists (a redelivery) is queued again only
   * if neither the queue nor the log has it — a crash between the two inserts.
   */
  private async queue(rows: DeliveryRow[]): Promise<DeliveryRow[]> {
    if (rows.length === 0) return [];
    const keyed = await this.keyInserts.add(rows.map((r) => ({ _id: r._id, createdAt: r.createdAt })));
    const fresh = rows.filter((_, i) => keyed[i]);
    const seen = rows.filter((_, i) => !keyed[i]);
    const created = await this.queueInserts.add(fresh);
    const queued = fresh.filter((_, i) => created[i]);
    for (const row of seen) {
      const known =
        (await this.store.deliveries.findOne({ _id: row._id }, { projection: { _id: 1 } })) ??
        (await this.store.deliveryLog.findOne({ _id: row._id }, { projection: { _id: 1 } }));
      if (!known && (await NotificationsStore.insertIfNew(this.store.deliveries, row))) queued.push(row);
    }
    return queued;
  }

  /**
   * Inbox items, each announced once as NotificationDelivered. The announcement is recorded by an insert into
   * `inbox_announcements` after the broker acknowledged it; a crash in between leaves no record, and the redelivered
   * event announces it then (same envelope id).
   */
  private async inApp(rows: InboxItemRow[]): Promise<void> {
    if (rows.length === 0) return;
    const created = await this.inboxInserts.add(rows);
    const toAnnounce: InboxItemRow[] = rows.filter((_, i) => created[i]);
    for (const row of rows.filter((_, i) => !created[i])) {
      if (await this.store.announcements.findOne({ _id: row._id })) continue;
      const item = await this.store.inbox.findOne({ _id: row._id, tenantId: row.tenantId });
      if (item) toAnnounce.push(item);
    }
    if (toAnnounce.length === 0) return;
    await this.announcer.announceMany(
      toAnnounce.map((item) => ({
        tenantId: item.tenantId,
        type: 'NotificationDelivered' as const,
        data: {
          notificationId: item._id,
          recipientPersonId: item.recipientPersonId,
          category: item.category,
          priority: item.priority,
          templateId: item.templateId,
          createdAt: item.createdAt.toISOString(),
        },
        key: item._id,
      })),
    );
    const at = new Date();
    await this.announcementInserts.add(toAnnounce.map((item) => ({ _id: item._id, at })));
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
      // Built inside the consumer's span (the handler runs in it), whatever batch later inserts the row.
      trace: currentTraceCarrier() ?? null,
      createdAt: now,
      sentAt: null,
    };
  }
}
