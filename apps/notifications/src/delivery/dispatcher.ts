import { createHash } from 'node:crypto';
import {
  decideWebhookFailure,
  localDate,
  type NotificationIntent,
  planEmail,
  renderDigest,
  renderEmail,
  signUnsubscribeToken,
  signWebhookPayload,
  type SourceEvent,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookPolicy,
} from '@trellis/notifications/domain';
import type { NotificationCategory } from '@trellis/notifications/contracts';
import type { Logger } from '@trellis/shared/observability';
import type { Announcer } from '../core/announcer';
import { ContactUnavailableError, type ContactsClient, type Contact } from '../core/contacts.client';
import type { Mailer } from '../core/mailer';
import { type DeliveryRow, type DigestRow, NotificationsStore, type ReminderRow } from '../core/notifications-store';
import type { Notifier } from '../core/notifier';
import { LeaderLease } from './leader-lease';

export interface DispatcherOptions {
  store: NotificationsStore;
  notifier: Notifier;
  announcer: Announcer;
  mailer: Mailer;
  contacts: ContactsClient;
  logger: Logger;
  clock: () => Date;
  tickMs: number;
  leaseTtlMs: number;
  appUrl: string;
  /** Where this service's unsubscribe endpoint is reachable from a mail client. */
  publicUrl: string;
  unsubscribeSecret: string;
  webhookPolicy: WebhookPolicy;
  webhookTimeoutMs: number;
  concurrency: number;
  /** Give up on an email this long after it was due (profiles or SMTP down for a day is an incident, not a retry). */
  emailGiveUpMs: number;
}

export interface DispatchStats {
  emailsSent: number;
  /** Source event → SMTP accepted, per email sent by this instance (the benchmark reads it). */
  emailLatenciesMs: number[];
  remindersFired: Array<{ reminderId: string; dueAt: string; firedAt: string }>;
}

/**
 * The one sender: fires due reminders, sends pending emails and digests, calls webhooks. It runs only while this
 * instance holds the lease, and every row moves pending → sent with its id: a restart picks up exactly what is left.
 */
export class Dispatcher {
  readonly stats: DispatchStats = { emailsSent: 0, emailLatenciesMs: [], remindersFired: [] };
  private readonly lease: LeaderLease;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private woken = false;

  constructor(private readonly o: DispatcherOptions) {
    this.lease = new LeaderLease(o.store.connection, 'notifications-dispatcher', o.leaseTtlMs);
  }

  start(): Promise<void> {
    this.stopping = false;
    this.running = this.loop();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.running;
    await this.lease.release();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const started = Date.now();
      try {
        if (await this.lease.hold()) await this.tick(this.o.clock());
      } catch (error) {
        this.o.logger.error({ err: error }, 'dispatcher tick failed');
      }
      await this.pause(Math.max(10, this.o.tickMs - (Date.now() - started)));
    }
  }

  /** New work was stored by this instance: run the next pass now instead of at the next tick. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private pause(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** One pass over everything due at `now`; public so tests can drive a clock forward. */
  async tick(now: Date): Promise<void> {
    await this.fireReminders(now);
    for (;;) {
      const due = await this.o.store.deliveries
        .find({ state: 'pending', dueAt: { $lte: now } })
        .sort({ dueAt: 1 })
        .limit(200)
        .toArray();
      // One recipient's emails go in order, never in parallel: its budget count and digest stay exact.
      const byRecipient = new Map<string, DeliveryRow[]>();
      for (const row of due) byRecipient.set(row.recipient, [...(byRecipient.get(row.recipient) ?? []), row]);
      await pool([...byRecipient.values()], this.o.concurrency, async (rows) => {
        for (const row of rows) {
          await (row.channel === 'email' ? this.email(row, now) : this.webhook(row, now)).catch((error: unknown) =>
            this.o.logger.error({ err: error, deliveryId: row._id }, 'delivery failed unexpectedly'),
          );
        }
      });
      if (due.length < 200 || this.stopping || !this.lease.held) break;
    }
    await this.digests(now);
  }

  private async fireReminders(now: Date): Promise<void> {
    const { reminders } = this.o.store;
    const due = await reminders
      .find({ state: { $in: ['scheduled', 'firing'] }, dueAtDate: { $lte: now } })
      .sort({ dueAtDate: 1 })
      .limit(200)
      .toArray();
    for (const row of due) {
      // The reminder fires when it is claimed; the fan-out after it is idempotent and may be repeated after a crash.
      const firedAt = new Date();
      if (row.state === 'scheduled') {
        const claimed = await reminders.updateOne(
          { _id: row._id, sequence: row.sequence, state: 'scheduled' },
          { $set: { state: 'firing' } },
        );
        if (claimed.matchedCount !== 1) continue;
      }
      await this.o.notifier.fanOut(reminderFanOut(row));
      await reminders.updateOne(
        { _id: row._id, sequence: row.sequence, state: 'firing' },
        { $set: { state: 'fired', firedAt } },
      );
      this.stats.remindersFired.push({ reminderId: row._id, dueAt: row.dueAt, firedAt: firedAt.toISOString() });
      this.o.logger.info(
        { reminderId: row._id, lateMs: firedAt.getTime() - row.dueAtDate.getTime() },
        'reminder fired',
      );
    }
  }

  private unsubscribeUrl(tenantId: string, personId: string, category: NotificationCategory): string {
    const token = signUnsubscribeToken({ tenantId, personId, category }, this.o.unsubscribeSecret);
    return `${this.o.publicUrl.replace(/\/$/, '')}/unsubscribe?token=${token}`;
  }

  private async email(row: DeliveryRow, now: Date): Promise<void> {
    const { store } = this.o;
    const set = (fields: Partial<DeliveryRow>) =>
      store.deliveries.updateOne({ _id: row._id, state: 'pending' }, { $set: fields });
    if (!row.programId) {
      // The contacts endpoint is per program; a person outside any program (an org admin) gets the in-app item only.
      await set({ state: 'dropped', lastError: 'no program to look the contact up in' });
      return;
    }
    let contact: Contact | null;
    try {
      contact = await this.o.contacts.contact(row.tenantId, row.programId, row.recipient);
    } catch (error) {
      await this.retry(row, now, error);
      return;
    }
    if (!contact) {
      await set({ state: 'dropped', lastError: 'person unknown or erased' });
      return;
    }
    const preferences = await store.preferencesOf(row.tenantId, row.recipient);
    const budgetId = `${row.tenantId}|${row.recipient}|${localDate(now, contact.timezone)}`;
    const budget = await store.budgets.findOne({ _id: budgetId });
    const plan = planEmail({
      category: row.category,
      priority: row.priority,
      preferences,
      timeZone: contact.timezone,
      now,
      emailsSentToday: budget?.sent ?? 0,
    });
    if (plan.action === 'skip') return void (await set({ state: 'skipped', lastError: plan.reason }));
    if (plan.action === 'defer') return void (await set({ dueAt: plan.until }));
    if (plan.action === 'digest') {
      if (await this.fold(row, plan.digestAt)) return void (await set({ state: 'folded' }));
    }
    const unsubscribeUrl = this.unsubscribeUrl(row.tenantId, row.recipient, row.category);
    const ctx = {
      timeZone: contact.timezone,
      displayName: contact.displayName,
      appUrl: this.o.appUrl,
      subject: row.subject,
      params: row.params,
    };
    const rendered = renderEmail(row.templateId, ctx, unsubscribeUrl);
    try {
      await this.o.mailer.send({
        deliveryId: row._id,
        to: contact.email,
        ...rendered,
        unsubscribeUrl,
        calendar: row.calendar
          ? {
              attachment: row.calendar,
              attendeeEmail: contact.email,
              link: `${this.o.appUrl}/sessions/${row.calendar.sessionId}`,
            }
          : undefined,
      });
    } catch (error) {
      await this.retry(row, now, error);
      return;
    }
    const sentAt = new Date();
    await set({ state: 'sent', sentAt, attempts: row.attempts + 1, lastError: null });
    if (plan.action === 'send' && plan.countsAgainstBudget) {
      await store.budgets.updateOne(
        { _id: budgetId },
        { $inc: { sent: 1 }, $setOnInsert: { tenantId: row.tenantId, personId: row.recipient, day: plan.budgetDay } },
        { upsert: true },
      );
    }
    this.stats.emailsSent += 1;
    this.stats.emailLatenciesMs.push(sentAt.getTime() - row.sourceAt.getTime());
  }

  /** Adds an email to the person's digest due at `digestAt`; false if that digest is already being sent. */
  private async fold(row: DeliveryRow, digestAt: Date): Promise<boolean> {
    const { store } = this.o;
    const digestId = `${row.tenantId}|${row.recipient}|${digestAt.toISOString()}`;
    await NotificationsStore.insertIfNew(store.digests, {
      _id: digestId,
      tenantId: row.tenantId,
      programId: row.programId,
      personId: row.recipient,
      dueAt: digestAt,
      state: 'pending',
      attempts: 0,
      sentAt: null,
    });
    await NotificationsStore.insertIfNew(store.digestEntries, {
      _id: row._id,
      tenantId: row.tenantId,
      digestId,
      templateId: row.templateId,
      category: row.category,
      subject: row.subject,
      params: row.params,
      createdAt: row.createdAt,
    });
    // The digest is closed before its entries are read: an entry that sees it still pending is in the email.
    const digest = await store.digests.findOne({ _id: digestId });
    if (digest?.state === 'pending') return true;
    await store.digestEntries.deleteOne({ _id: row._id });
    return false;
  }

  private async retry(row: DeliveryRow, now: Date, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const reason =
      error instanceof ContactUnavailableError ? error.message : String((error as Error)?.message ?? error);
    const giveUp = now.getTime() - row.createdAt.getTime() > this.o.emailGiveUpMs;
    await this.o.store.deliveries.updateOne(
      { _id: row._id, state: 'pending' },
      {
        $set: {
          attempts,
          lastError: reason.slice(0, 500),
          ...(giveUp
            ? { state: 'failed' as const }
            : { dueAt: new Date(now.getTime() + Math.min(10_000, 250 * 2 ** Math.min(attempts, 10))) }),
        },
      },
    );
    this.o.logger.warn({ deliveryId: row._id, attempts, reason }, giveUp ? 'email given up' : 'email retry scheduled');
  }

  private async digests(now: Date): Promise<void> {
    const { store } = this.o;
    const due = await store.digests
      .find({ state: { $in: ['pending', 'closed'] }, dueAt: { $lte: now } })
      .limit(50)
      .toArray();
    for (const digest of due) await this.sendDigest(digest, now);
  }

  private async sendDigest(digest: DigestRow, now: Date): Promise<void> {
    const { store } = this.o;
    if (digest.state === 'pending') {
      await store.digests.updateOne({ _id: digest._id, state: 'pending' }, { $set: { state: 'closed' } });
    }
    const retry = async (error: unknown) => {
      const attempts = digest.attempts + 1;
      const dueAt = new Date(now.getTime() + Math.min(10_000, 250 * 2 ** Math.min(attempts, 10)));
      await store.digests.updateOne({ _id: digest._id }, { $set: { dueAt, attempts } });
      this.o.logger.warn({ digestId: digest._id, err: error }, 'digest retry scheduled');
    };
    let contact: Contact | null = null;
    try {
      contact = digest.programId
        ? await this.o.contacts.contact(digest.tenantId, digest.programId, digest.personId)
        : null;
    } catch (error) {
      return void (await retry(error));
    }
    if (!contact) return void (await store.digests.updateOne({ _id: digest._id }, { $set: { state: 'dropped' } }));
    const entries = await store.digestEntries.find({ digestId: digest._id }).sort({ createdAt: 1 }).toArray();
    const first = entries[0];
    if (!first) return void (await store.digests.updateOne({ _id: digest._id }, { $set: { state: 'sent' } }));
    const unsubscribeUrl = this.unsubscribeUrl(digest.tenantId, digest.personId, first.category);
    const rendered = renderDigest(
      entries,
      { timeZone: contact.timezone, displayName: contact.displayName, appUrl: this.o.appUrl },
      unsubscribeUrl,
    );
    try {
      await this.o.mailer.send({ deliveryId: digest._id, to: contact.email, ...rendered, unsubscribeUrl });
    } catch (error) {
      return void (await retry(error));
    }
    await store.digests.updateOne({ _id: digest._id }, { $set: { state: 'sent', sentAt: new Date() } });
  }

  private async webhook(row: DeliveryRow, now: Date): Promise<void> {
    const { store } = this.o;
    const hook = await store.webhooks.findOne({ _id: row.recipient, tenantId: row.tenantId });
    if (!hook?.enabled || !row.body) {
      await store.deliveries.updateOne(
        { _id: row._id, state: 'pending' },
        { $set: { state: 'cancelled', lastError: 'webhook disabled or removed' } },
      );
      return;
    }
    let failure: string | null = null;
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(hook.secret, row.body, new Date()),
          'x-trellis-delivery': createHash('sha256').update(row._id).digest('hex').slice(0, 32),
        },
        body: row.body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.o.webhookTimeoutMs),
      });
      if (!response.ok) failure = `endpoint answered ${response.status}`;
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      failure = `endpoint unreachable: ${String((error as Error).message ?? error)}`;
    }
    const attempts = row.attempts + 1;
    if (!failure) {
      await store.deliveries.updateOne(
        { _id: row._id, state: 'pending' },
        { $set: { state: 'sent', sentAt: new Date(), attempts, lastError: null } },
      );
      await store.webhooks.updateOne({ _id: hook._id }, { $set: { consecutiveFailures: 0 } });
      return;
    }
    const decision = decideWebhookFailure(this.o.webhookPolicy, attempts, hook.consecutiveFailures, now);
    await store.deliveries.updateOne(
      { _id: row._id, state: 'pending' },
      {
        $set: {
          attempts,
          lastError: failure,
          ...('retryAt' in decision.delivery ? { dueAt: decision.delivery.retryAt } : { state: 'failed' as const }),
        },
      },
    );
    await store.webhooks.updateOne({ _id: hook._id }, { $set: { consecutiveFailures: decision.consecutiveFailures } });
    if (decision.disableEndpoint)
      await this.disable(hook._id, hook.tenantId, hook.createdByPersonId, decision.consecutiveFailures);
  }

  private async disable(webhookId: string, tenantId: string, adminPersonId: string, failures: number): Promise<void> {
    const { store } = this.o;
    const hook = await store.webhooks.findOne({ _id: webhookId, tenantId });
    if (!hook?.enabled) return;
    const disabledAt = new Date();
    const changed = await store.webhooks.updateOne(
      { _id: webhookId, enabled: true, disabledCount: hook.disabledCount },
      { $set: { enabled: false, disabledAt }, $inc: { disabledCount: 1 } },
    );
    if (changed.matchedCount !== 1) return;
    store.webhooksChanged(tenantId);
    await store.deliveries.updateMany(
      { tenantId, recipient: webhookId, channel: 'webhook', state: 'pending' },
      { $set: { state: 'cancelled', lastError: 'webhook disabled' } },
    );
    const event: SourceEvent = {
      id: `webhook-disabled:${webhookId}:${hook.disabledCount + 1}`,
      type: 'WebhookEndpointDisabled',
      data: {},
      occurredAt: disabledAt.toISOString(),
      tenantId,
    };
    const intent: NotificationIntent = {
      templateId: 'webhook-disabled',
      category: 'webhook-alerts',
      priority: 'critical',
      audience: { kind: 'people', personIds: [adminPersonId] },
      subject: { kind: 'webhook', id: webhookId },
      params: { consecutiveFailures: failures },
    };
    await this.o.notifier.fanOut({ event, intent, recipients: [adminPersonId], programId: null, toWebhooks: false });
    await this.o.announcer.announce(
      tenantId,
      'WebhookEndpointDisabled',
      { webhookId, consecutiveFailures: failures, disabledAt: disabledAt.toISOString() },
      event.id,
    );
    this.o.logger.warn({ webhookId, failures }, 'webhook disabled');
  }
}

function reminderFanOut(row: ReminderRow) {
  const event: SourceEvent = {
    // The firing's identity includes the sequence: a moved reminder is a new notification, a re-fire is not.
    id: `reminder:${row._id}:${row.sequence}`,
    type: 'ReminderDue',
    data: {},
    occurredAt: row.dueAt,
    tenantId: row.tenantId,
    ...(row.programId ? { programId: row.programId } : {}),
  };
  const intent: NotificationIntent = {
    templateId: row.templateId,
    category: row.category,
    priority: row.priority,
    audience: { kind: 'people', personIds: row.recipients },
    subject: row.subject,
    params: row.params,
  };
  return { event, intent, recipients: row.recipients, programId: row.programId, toWebhooks: false };
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(workers);
}
