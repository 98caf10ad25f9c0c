import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { NotificationCategory } from '@trellis/notifications/contracts';
import {
  assertCategory,
  changePreferences,
  isAllowedWebhookUrl,
  type NotificationPreferences,
  renderMessage,
} from '@trellis/notifications/domain';
import type { Principal } from '@trellis/shared/auth';
import { isDuplicateKeyError } from '@trellis/shared/event-store';
import { DomainError, isIanaTimeZone } from '@trellis/shared/kernel';
import type { Announcer } from '../core/announcer';
import type { InboxItemRow, NotificationsStore, WebhookRow } from '../core/notifications-store';
import type { Notification, Webhook } from './notifications.types';

const encodeCursor = (sortKey: string) => Buffer.from(sortKey).toString('base64url');
function decodeCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|.+$/.test(value)) {
    throw new DomainError('BAD_USER_INPUT', 'after is not a cursor from this list', { field: 'after' });
  }
  return value;
}

/** Webhooks that were not removed (a removed one stays as a tombstone naming the command that removed it). */
const notRemoved = { removedAt: { $exists: false } } as const;

/** The webhook a command registers: a retry of the command names the same one. */
const webhookIdFor = (tenantId: string, commandId: string) =>
  createHash('sha256').update(`webhook|${tenantId}|${commandId}`).digest('hex').slice(0, 32);

/** Every read and write is scoped to the caller's tenant and, for inbox items, to the caller as recipient. */
export class NotificationsService {
  constructor(
    private readonly store: NotificationsStore,
    private readonly announcer: Announcer,
    private readonly appUrl: string,
    private readonly allowLoopbackWebhooks: boolean,
  ) {}

  async list(principal: Principal, first: number, after: string | null, unreadOnly: boolean, timeZone: string) {
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw new DomainError('BAD_USER_INPUT', 'first must be between 1 and 100', { field: 'first' });
    }
    if (!isIanaTimeZone(timeZone))
      throw new DomainError('BAD_USER_INPUT', 'timeZone must be an IANA zone', { field: 'timeZone' });
    const filter: Record<string, unknown> = { recipientPersonId: principal.personId };
    if (after) filter['sortKey'] = { $lt: decodeCursor(after) };
    if (unreadOnly) filter['readAt'] = null;
    const rows = await this.store.inboxOf(principal.tenantId).find(filter, { sort: { sortKey: -1 }, limit: first + 1 });
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({ cursor: encodeCursor(row.sortKey), node: this.toNotification(row, timeZone) }));
    return {
      edges,
      pageInfo: { endCursor: edges[edges.length - 1]?.cursor ?? null, hasNextPage: rows.length > first },
    };
  }

  unreadCount(principal: Principal): Promise<number> {
    return this.store
      .inboxOf(principal.tenantId)
      .countDocuments({ recipientPersonId: principal.personId, readAt: null });
  }

  async markRead(principal: Principal, id: string): Promise<Notification> {
    const inbox = this.store.inboxOf(principal.tenantId);
    // Someone else's item answers exactly like a missing one: ids reveal nothing.
    const row = await inbox.findOne({ _id: id, recipientPersonId: principal.personId });
    if (!row) throw new DomainError('NOT_FOUND', 'No such notification', { field: 'id' });
    if (!row.readAt) {
      row.readAt = new Date();
      await inbox.updateOne(
        { _id: id, recipientPersonId: principal.personId, readAt: null },
        { $set: { readAt: row.readAt } },
      );
      await this.announcer.announce(
        principal.tenantId,
        'NotificationsRead',
        { recipientPersonId: principal.personId, notificationIds: [id], allRead: false },
        `read|${id}`,
      );
    }
    return this.toNotification(row, 'UTC');
  }

  async markAllRead(principal: Principal, commandId?: string): Promise<number> {
    const inbox = this.store.inboxOf(principal.tenantId);
    if (commandId) {
      // The items carry the command that read them: a retry answers how many the first attempt marked (or the part
      // it got to before it failed) instead of 0, and marks nothing that arrived since.
      const marked = await inbox.countDocuments({ recipientPersonId: principal.personId, readByCommandId: commandId });
      if (marked > 0) return marked;
    }
    const unread = await inbox.find(
      { recipientPersonId: principal.personId, readAt: null },
      { projection: { _id: 1 } },
    );
    const readAt = new Date();
    for (const row of unread) {
      await inbox.updateOne(
        { _id: row._id, recipientPersonId: principal.personId, readAt: null },
        { $set: { readAt, ...(commandId ? { readByCommandId: commandId } : {}) } },
      );
    }
    if (unread.length) {
      await this.announcer.announce(
        principal.tenantId,
        'NotificationsRead',
        { recipientPersonId: principal.personId, notificationIds: [], allRead: true },
        `read-all|${principal.tenantId}|${principal.personId}|${readAt.toISOString()}`,
      );
    }
    return unread.length;
  }

  preferences(principal: Principal): Promise<NotificationPreferences> {
    return this.store.preferencesOf(principal.tenantId, principal.personId);
  }

  async updatePreferences(
    principal: Principal,
    change: Parameters<typeof changePreferences>[1],
  ): Promise<NotificationPreferences> {
    const next = changePreferences(await this.preferences(principal), change);
    await this.store.savePreferences(principal.tenantId, principal.personId, next);
    return next;
  }

  async unsubscribe(tenantId: string, personId: string, category: NotificationCategory): Promise<void> {
    const current = await this.store.preferencesOf(tenantId, personId);
    if (current.unsubscribed.includes(category)) return;
    await this.store.savePreferences(tenantId, personId, {
      ...current,
      unsubscribed: [...current.unsubscribed, category],
    });
  }

  async webhooks(principal: Principal): Promise<Webhook[]> {
    this.requireOrgAdmin(principal);
    return (await this.store.webhooksOf(principal.tenantId).find(notRemoved)).map(toWebhook);
  }

  async registerWebhook(principal: Principal, url: string, categories: string[], commandId?: string) {
    this.requireOrgAdmin(principal);
    // The id follows from the command id, so a retry finds the webhook its first attempt registered.
    const id = commandId ? webhookIdFor(principal.tenantId, commandId) : randomUUID();
    const registered = await this.registeredBy(principal, id);
    if (registered) return registered;
    if (!isAllowedWebhookUrl(url, this.allowLoopbackWebhooks)) {
      throw new DomainError('BAD_USER_INPUT', 'url must be an https URL without credentials', { field: 'url' });
    }
    if (!categories.length)
      throw new DomainError('BAD_USER_INPUT', 'subscribe to at least one category', { field: 'categories' });
    const row: WebhookRow = {
      _id: id,
      tenantId: principal.tenantId,
      url,
      secret: randomBytes(32).toString('base64url'),
      categories: [...new Set(categories.map(assertCategory))],
      enabled: true,
      consecutiveFailures: 0,
      createdByPersonId: principal.personId,
      createdAt: new Date(),
      disabledAt: null,
      disabledCount: 0,
    };
    try {
      await this.store.webhooksOf(principal.tenantId).insertOne(row);
    } catch (error) {
      // A retry that overtook the first attempt: answer with what that attempt stored.
      const first = isDuplicateKeyError(error) ? await this.registeredBy(principal, id) : null;
      if (first) return first;
      throw error;
    }
    this.store.webhooksChanged(principal.tenantId);
    return { webhook: toWebhook(row), secret: row.secret };
  }

  private async registeredBy(principal: Principal, id: string) {
    const row = await this.store.webhooksOf(principal.tenantId).findOne({ _id: id });
    if (!row) return null;
    if (row.createdByPersonId !== principal.personId || row.removedAt) {
      throw new DomainError('CONFLICT', 'This command id was already used for another change; send a new one.');
    }
    return { webhook: toWebhook(row), secret: row.secret };
  }

  async enableWebhook(principal: Principal, id: string): Promise<Webhook> {
    this.requireOrgAdmin(principal);
    const hooks = this.store.webhooksOf(principal.tenantId);
    const matched = await hooks.updateOne(
      { _id: id, ...notRemoved },
      { $set: { enabled: true, consecutiveFailures: 0, disabledAt: null } },
    );
    this.store.webhooksChanged(principal.tenantId);
    const row = matched ? await hooks.findOne({ _id: id, ...notRemoved }) : null;
    if (!row) throw new DomainError('NOT_FOUND', 'No such webhook', { field: 'id' });
    return toWebhook(row);
  }

  /**
   * An admin pausing a webhook: nothing is sent to it (queued calls are cancelled when their turn comes) until it is
   * enabled again. Unlike the dispatcher's disabling after failures, it sends no notice: the admin chose it.
   */
  async disableWebhook(principal: Principal, id: string): Promise<Webhook> {
    this.requireOrgAdmin(principal);
    const hooks = this.store.webhooksOf(principal.tenantId);
    await hooks.updateOne(
      { _id: id, enabled: true, ...notRemoved },
      { $set: { enabled: false, disabledAt: new Date() } },
    );
    this.store.webhooksChanged(principal.tenantId);
    const row = await hooks.findOne({ _id: id, ...notRemoved });
    if (!row) throw new DomainError('NOT_FOUND', 'No such webhook', { field: 'id' });
    return toWebhook(row);
  }

  /**
   * Leaves a tombstone without the address, secret or categories instead of deleting the row: it names the command
   * that removed the webhook, so a retry of that command is answered `true` while any other removal is NOT_FOUND.
   */
  async removeWebhook(principal: Principal, id: string, commandId?: string): Promise<boolean> {
    this.requireOrgAdmin(principal);
    const hooks = this.store.webhooksOf(principal.tenantId);
    const removed = await hooks.updateOne(
      { _id: id, ...notRemoved },
      {
        $set: {
          url: '',
          secret: '',
          categories: [],
          enabled: false,
          removedAt: new Date(),
          removedByCommandId: commandId ?? null,
        },
      },
    );
    this.store.webhooksChanged(principal.tenantId);
    if (removed) return true;
    if (commandId && (await hooks.findOne({ _id: id, removedByCommandId: commandId }))) return true;
    throw new DomainError('NOT_FOUND', 'No such webhook', { field: 'id' });
  }

  private requireOrgAdmin(principal: Principal): void {
    if (!principal.orgAdmin) throw new DomainError('FORBIDDEN', 'Only organization admins manage webhooks');
  }

  private toNotification(row: InboxItemRow, timeZone: string): Notification {
    const message = renderMessage(row.templateId, {
      timeZone,
      appUrl: this.appUrl,
      subject: row.subject,
      params: row.params,
    });
    return {
      id: row._id,
      category: row.category,
      priority: row.priority,
      template: row.templateId,
      title: message.title,
      lines: message.lines,
      link: message.link,
      subjectKind: row.subject.kind,
      subjectId: row.subject.id,
      createdAt: row.createdAt,
      readAt: row.readAt,
    };
  }
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row._id,
    url: row.url,
    categories: row.categories,
    enabled: row.enabled,
    consecutiveFailures: row.consecutiveFailures,
    disabledAt: row.disabledAt,
  };
}
