import type { NotificationCategory, NotificationPriority, TemplateId } from '@trellis/notifications/contracts';
import {
  DEFAULT_PREFERENCES,
  type CalendarAttachment,
  type NotificationPreferences,
  type ReminderPlan,
} from '@trellis/notifications/domain';
import { isDuplicateKeyError, TenantScopedCollection } from '@trellis/shared/event-store';
import type { TraceCarrier } from '@trellis/shared/observability';
import type { Connection, mongo } from 'mongoose';

export interface InboxItemRow {
  _id: string;
  tenantId: string;
  recipientPersonId: string;
  templateId: TemplateId;
  category: NotificationCategory;
  priority: NotificationPriority;
  subject: { kind: string; id: string };
  params: Record<string, string | number>;
  createdAt: Date;
  /** `<createdAt ISO>|<_id>`: one sortable field, so a cursor is one range condition (FerretDB sorts in Go). */
  sortKey: string;
  readAt: Date | null;
  /** The "mark all read" command that read it: a retry of that command answers with how many it marked. */
  readByCommandId?: string;
}

/**
 * `pending` rows live in `deliveries`, a queue that holds only unfinished work; a finished one moves to
 * `delivery_log` with its outcome. FerretDB v1 reads and updates cost in proportion to the collection's size (even by
 * `_id`: about 1 ms per thousand rows measured), while inserts are checked by a unique index at constant cost, so the
 * hot path only updates the small queue and appends everywhere else.
 * `unconfirmed`: the process died while SMTP had the message; it is not sent again (README, "Crash during a send").
 */
export type DeliveryState =
  | 'pending'
  | 'sent'
  | 'folded'
  | 'skipped'
  | 'dropped'
  | 'failed'
  | 'cancelled'
  | 'unconfirmed';
export type DeliveryOutcome = Exclude<DeliveryState, 'pending'>;

export interface DeliveryRow {
  _id: string;
  tenantId: string;
  programId: string | null;
  channel: 'email' | 'webhook';
  /** A personId for email, a webhook id for webhooks. */
  recipient: string;
  templateId: TemplateId;
  category: NotificationCategory;
  priority: NotificationPriority;
  subject: { kind: string; id: string };
  params: Record<string, string | number>;
  calendar: CalendarAttachment | null;
  /** The webhook body, built when the event was handled (it carries no personal data). */
  body: string | null;
  state: DeliveryState;
  dueAt: Date;
  attempts: number;
  lastError: string | null;
  /** When the source event happened: the end-to-end latency measure starts there. */
  sourceAt: Date;
  /**
   * W3C context of the consumer span that queued this delivery: the SMTP or webhook span continues that trace, so
   * one trace runs from the GraphQL mutation to the email (absent on rows queued before it was recorded).
   */
  trace?: TraceCarrier | null;
  createdAt: Date;
  sentAt: Date | null;
  /** When the successful attempt was claimed, just before its SMTP transaction. */
  sendingAt?: Date | null;
  /** On `delivery_log` rows: when the outcome was recorded. */
  finishedAt?: Date;
}

/** One per delivery ever created (append-only): the uniqueness of {event, recipient, channel} across queue and log. */
export interface DeliveryKeyRow {
  _id: string;
  createdAt: Date;
}

/** `<deliveryId>#<attempt>`: inserted before that attempt's SMTP transaction; an attempt is made at most once. */
export interface SendClaimRow {
  _id: string;
  deliveryId: string;
  at: Date;
}

/** One per inbox item whose NotificationDelivered is on the topic (append-only, so no update of the big inbox). */
export interface AnnouncementRow {
  _id: string;
  at: Date;
}

export interface DigestRow {
  _id: string;
  tenantId: string;
  programId: string | null;
  personId: string;
  dueAt: Date;
  /** closed: being sent, no more entries join it. */
  state: 'pending' | 'closed' | 'sent' | 'dropped';
  attempts: number;
  sentAt: Date | null;
}

/** One row per folded email: concurrent folds are separate inserts, never a read-modify-write of one array. */
export interface DigestEntryRow {
  _id: string;
  tenantId: string;
  digestId: string;
  templateId: TemplateId;
  category: NotificationCategory;
  subject: { kind: string; id: string };
  params: Record<string, string | number>;
  createdAt: Date;
}

export interface ReminderRow extends ReminderPlan {
  _id: string;
  tenantId: string;
  programId: string | null;
  state: 'scheduled' | 'firing' | 'fired' | 'cancelled';
  dueAtDate: Date;
  firedAt: Date | null;
}

export interface PreferencesRow extends NotificationPreferences {
  _id: string;
  tenantId: string;
  personId: string;
}

export interface WebhookRow {
  _id: string;
  tenantId: string;
  url: string;
  secret: string;
  categories: NotificationCategory[];
  enabled: boolean;
  consecutiveFailures: number;
  createdByPersonId: string;
  createdAt: Date;
  disabledAt: Date | null;
  disabledCount: number;
  /** Set when removed: the row stays, emptied, as a tombstone that answers a retry of the removal. */
  removedAt?: Date;
  removedByCommandId?: string | null;
}

export interface ManagerRow {
  _id: string;
  tenantId: string;
  programId: string;
  personId: string;
}

export interface MentorshipProgramRow {
  _id: string;
  tenantId: string;
  programId: string;
}

export interface BudgetRow {
  _id: string;
  tenantId: string;
  personId: string;
  day: string;
  sent: number;
}

/** Every collection of the service; tenant-facing access goes through `TenantScopedCollection`. */
export class NotificationsStore {
  readonly inbox: mongo.Collection<InboxItemRow>;
  /** Unfinished deliveries only (pending, sending): stays small, so its updates stay cheap. */
  readonly deliveries: mongo.Collection<DeliveryRow>;
  /** Finished deliveries with their outcome (append-only). */
  readonly deliveryLog: mongo.Collection<DeliveryRow>;
  readonly deliveryKeys: mongo.Collection<DeliveryKeyRow>;
  readonly announcements: mongo.Collection<AnnouncementRow>;
  readonly sendClaims: mongo.Collection<SendClaimRow>;
  readonly digests: mongo.Collection<DigestRow>;
  readonly digestEntries: mongo.Collection<DigestEntryRow>;
  readonly reminders: mongo.Collection<ReminderRow>;
  readonly preferences: mongo.Collection<PreferencesRow>;
  readonly webhooks: mongo.Collection<WebhookRow>;
  readonly managers: mongo.Collection<ManagerRow>;
  readonly mentorshipPrograms: mongo.Collection<MentorshipProgramRow>;
  readonly budgets: mongo.Collection<BudgetRow>;

  /**
   * Short-lived per-instance caches of the two lookups every event makes. A change made through this instance
   * invalidates them at once; one made through another instance is seen within `cacheTtlMs`.
   */
  private readonly preferencesCache = new Map<string, { at: number; value: NotificationPreferences }>();
  private readonly webhooksCache = new Map<string, { at: number; value: WebhookRow[] }>();
  cacheTtlMs = 5000;

  constructor(readonly connection: Connection) {
    const c = <T extends mongo.Document>(name: string) =>
      connection.collection<T>(name) as unknown as mongo.Collection<T>;
    this.inbox = c('inbox_items');
    this.deliveries = c('deliveries');
    this.deliveryLog = c('delivery_log');
    this.deliveryKeys = c('delivery_keys');
    this.announcements = c('inbox_announcements');
    this.sendClaims = c('email_send_claims');
    this.digests = c('digests');
    this.digestEntries = c('digest_entries');
    this.reminders = c('reminders');
    this.preferences = c('preferences');
    this.webhooks = c('webhooks');
    this.managers = c('program_managers');
    this.mentorshipPrograms = c('mentorship_programs');
    this.budgets = c('email_budgets');
  }

  async ensureIndexes(): Promise<void> {
    await this.inbox.createIndex({ tenantId: 1, recipientPersonId: 1, sortKey: -1 });
    await this.deliveries.createIndex({ state: 1, dueAt: 1 });
    await this.deliveryLog.createIndex({ tenantId: 1, recipient: 1 });
    await this.digests.createIndex({ state: 1, dueAt: 1 });
    await this.digestEntries.createIndex({ digestId: 1 });
    await this.reminders.createIndex({ state: 1, dueAtDate: 1 });
    await this.managers.createIndex({ tenantId: 1, programId: 1 });
  }

  inboxOf(tenantId: string) {
    return new TenantScopedCollection(this.inbox, tenantId);
  }

  webhooksOf(tenantId: string) {
    return new TenantScopedCollection(this.webhooks, tenantId);
  }

  async preferencesOf(tenantId: string, personId: string): Promise<NotificationPreferences> {
    const key = prefsId(tenantId, personId);
    const cached = this.preferencesCache.get(key);
    if (cached && Date.now() - cached.at < this.cacheTtlMs) return cached.value;
    const value = await this.loadPreferences(tenantId, personId);
    if (this.preferencesCache.size > 10_000) this.preferencesCache.clear();
    this.preferencesCache.set(key, { at: Date.now(), value });
    return value;
  }

  private async loadPreferences(tenantId: string, personId: string): Promise<NotificationPreferences> {
    const row = await new TenantScopedCollection(this.preferences, tenantId).findOne({
      _id: prefsId(tenantId, personId),
    });
    if (!row) return DEFAULT_PREFERENCES;
    return {
      channels: row.channels,
      digest: row.digest,
      quietHours: row.quietHours,
      dailyEmailBudget: row.dailyEmailBudget,
      unsubscribed: row.unsubscribed,
    };
  }

  async savePreferences(tenantId: string, personId: string, preferences: NotificationPreferences): Promise<void> {
    const _id = prefsId(tenantId, personId);
    const row: PreferencesRow = { _id, tenantId, personId, ...preferences };
    await this.preferences.replaceOne({ _id, tenantId }, row, { upsert: true });
    this.preferencesCache.delete(_id);
  }

  forgetPreferences(tenantId: string, personId: string): void {
    this.preferencesCache.delete(prefsId(tenantId, personId));
  }

  /** The tenant's enabled webhooks subscribed to a category. */
  async webhooksFor(tenantId: string, category: NotificationCategory): Promise<WebhookRow[]> {
    const cached = this.webhooksCache.get(tenantId);
    let hooks = cached && Date.now() - cached.at < this.cacheTtlMs ? cached.value : undefined;
    if (!hooks) {
      hooks = await this.webhooksOf(tenantId).find({ enabled: true });
      if (this.webhooksCache.size > 10_000) this.webhooksCache.clear();
      this.webhooksCache.set(tenantId, { at: Date.now(), value: hooks });
    }
    return hooks.filter((h) => h.categories.includes(category));
  }

  webhooksChanged(tenantId: string): void {
    this.webhooksCache.delete(tenantId);
  }

  async managersOf(tenantId: string, programId: string): Promise<string[]> {
    const rows = await new TenantScopedCollection(this.managers, tenantId).find({ programId });
    return rows.map((r) => r.personId);
  }

  /**
   * Moves a delivery from the queue to the log with its outcome. The log insert comes first: a crash in between
   * leaves the row in both, and finishing it again only deletes it from the queue.
   */
  async finish(row: DeliveryRow, state: DeliveryOutcome, fields: Partial<DeliveryRow> = {}): Promise<void> {
    await NotificationsStore.insertIfNew(this.deliveryLog, { ...row, ...fields, state, finishedAt: new Date() });
    await this.deliveries.deleteOne({ _id: row._id });
  }

  /** Unordered insert of many rows; per row, whether this call created it (a duplicate `_id` means it existed). */
  static async insertEach<T extends { _id: string }>(collection: mongo.Collection<T>, rows: T[]): Promise<boolean[]> {
    if (rows.length === 0) return [];
    try {
      await collection.insertMany(rows as unknown as mongo.OptionalUnlessRequiredId<T>[], { ordered: false });
      return rows.map(() => true);
    } catch (error) {
      type WriteError = { index: number; code?: number };
      const raw = (error as { writeErrors?: WriteError | WriteError[] }).writeErrors;
      // The driver gives one write error as an object, several as an array.
      const writeErrors = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (!writeErrors.length || writeErrors.some((w) => w.code !== 11000)) throw error;
      const existing = new Set(writeErrors.map((w) => w.index));
      return rows.map((_, index) => !existing.has(index));
    }
  }

  /** Inserts unless the id exists; returns whether this call created it (the uniqueness key is the `_id`). */
  static async insertIfNew<T extends mongo.Document>(
    collection: mongo.Collection<T>,
    row: mongo.OptionalUnlessRequiredId<T>,
  ): Promise<boolean> {
    try {
      await collection.insertOne(row);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}

export const prefsId = (tenantId: string, personId: string) => `${tenantId}|${personId}`;
