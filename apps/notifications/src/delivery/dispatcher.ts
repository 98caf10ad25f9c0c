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
import { extractTraceContext, type Logger, SpanKind, withSpan } from '@trellis/shared/observability';
import type { Announcer } from '../core/announcer';
import { ContactUnavailableError, type ContactsClient, type Contact } from '../core/contacts.client';
import type { Mailer } from '../core/mailer';
import { GroupCommit } from '../core/group-commit';
import {
  type DeliveryOutcome,
  type DeliveryRow,
  type DigestRow,
  NotificationsStore,
  type ReminderRow,
  type SendClaimRow,
} from '../core/notifications-store';
import type { Notifier } from '../core/notifier';
import { phases } from '../core/phases';
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
  /**
   * Email and digest retries: `baseMs * 2^attempts`, at most `capMs`. An outage longer than the ramp is retried every
   * `capMs` until it ends; tests scale both (and the outage) by one factor, which keeps the sequence of attempts.
   */
  emailRetry: { baseMs: number; capMs: number };
  /** Test hook: called right after SMTP accepted a message, before that is recorded (a crash test kills there). */
  afterSmtpAccept?: (deliveryId: string) => void;
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
  private keeping: Promise<void> | undefined;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  /** Per recipient, rows waiting to be delivered by this instance; one lane per recipient runs at a time. */
  private readonly lanes = new Map<string, DeliveryRow[]>();
  private readonly activeLanes = new Set<string>();
  /** Ids queued or finished here recently: a poll's copy of a row read before it finished is skipped. */
  private readonly known = new Map<string, number>();
  /** Emails sent today per person and day: exact while this instance is the only sender (reset on taking the lease). */
  private readonly budgets = new Map<string, number>();
  private readonly logInserts: GroupCommit<DeliveryRow, boolean>;
  private readonly claimInserts: GroupCommit<SendClaimRow, boolean>;
  private readonly queueDeletes: GroupCommit<string, void>;
  private lastPollAt = 0;

  constructor(private readonly o: DispatcherOptions) {
    this.lease = new LeaderLease(o.store.connection, 'notifications-dispatcher', o.leaseTtlMs);
    this.logInserts = new GroupCommit((rows) => NotificationsStore.insertEach(o.store.deliveryLog, rows));
    this.claimInserts = new GroupCommit((rows) => NotificationsStore.insertEach(o.store.sendClaims, rows));
    // Finished rows leave the queue one `deleteOne` by `_id` each: a bulk `deleteMany({_id: {$in}})` is a scan in Go
    // on FerretDB v1 and took 39 s per round trip once the queue had grown to 20,000 rows (measured).
    this.queueDeletes = new GroupCommit<string, void>(async (ids) => {
      await Promise.all(ids.map((_id) => o.store.deliveries.deleteOne({ _id })));
      return ids.map(() => undefined);
    });
  }

  start(): Promise<void> {
    this.stopping = false;
    this.keeping = this.keepLease();
    this.running = this.loop();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.running;
    // Lanes stop taking rows once stopping; the send in flight finishes and is recorded.
    while (this.activeLanes.size > 0) await new Promise((r) => setTimeout(r, 20));
    await this.keeping;
    await this.lease.release();
  }

  /**
   * The lease is renewed on its own timer, not between passes: a pass slowed down by a loaded database must not
   * let the lease lapse under sends in flight (another instance would then send the same rows).
   */
  private async keepLease(): Promise<void> {
    let held = false;
    while (!this.stopping) {
      try {
        const holds = await this.lease.hold();
        // Cached budgets are exact only while no other instance sent in between.
        if (holds && !held) this.budgets.clear();
        held = holds;
      } catch (error) {
        held = false;
        this.o.logger.error({ err: error }, 'dispatcher lease renewal failed');
      }
      await new Promise((r) => setTimeout(r, Math.max(50, this.o.leaseTtlMs / 5)));
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const started = Date.now();
      try {
        if (this.lease.held) await this.tick(this.o.clock());
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

  /**
   * Rows this instance just queued: delivered at once when it holds the lease (else the holder's poll finds them).
   * The database stays the source of truth; this only saves the wait for the next poll.
   */
  enqueue(rows: DeliveryRow[]): void {
    if (!this.lease.held || this.stopping) return;
    for (const row of rows) {
      if (this.known.has(row._id)) continue;
      this.known.set(row._id, Date.now());
      const lane = this.lanes.get(row.recipient);
      if (lane) lane.push(row);
      else this.lanes.set(row.recipient, [row]);
    }
    this.pump();
  }

  private pump(): void {
    for (const recipient of this.lanes.keys()) {
      if (this.activeLanes.size >= this.o.concurrency) return;
      if (!this.activeLanes.has(recipient)) void this.runLane(recipient);
    }
  }

  /** One recipient's emails go in order, never in parallel: its budget count and digest stay exact. */
  private async runLane(recipient: string): Promise<void> {
    this.activeLanes.add(recipient);
    try {
      for (let row = this.lanes.get(recipient)?.shift(); row; row = this.lanes.get(recipient)?.shift()) {
        if (this.stopping || !this.lease.held) {
          // Not ours to send any more: forget them, the next holder's poll finds them in the queue.
          for (const left of [row, ...(this.lanes.get(recipient) ?? [])]) this.known.delete(left._id);
          this.lanes.delete(recipient);
          break;
        }
        const now = this.o.clock();
        await (row.channel === 'email' ? this.email(row, now) : this.webhook(row, now)).catch((error: unknown) => {
          this.known.delete(row._id);
          this.o.logger.error({ err: error, deliveryId: row._id }, 'delivery failed unexpectedly');
        });
      }
    } finally {
      if (this.lanes.get(recipient)?.length === 0) this.lanes.delete(recipient);
      this.activeLanes.delete(recipient);
      this.pump();
    }
  }

  private retryDelayMs(attempts: number): number {
    return Math.min(this.o.emailRetry.capMs, this.o.emailRetry.baseMs * 2 ** Math.min(attempts, 20));
  }

  /** A row stays in the queue for a later attempt: the poll must pick it up again then. */
  private later(row: DeliveryRow): void {
    this.known.delete(row._id);
  }

  private forgetOld(): void {
    if (this.known.size < 20_000) return;
    const cutoff = Date.now() - 10 * 60_000;
    for (const [id, at] of this.known) if (at < cutoff) this.known.delete(id);
  }

  /** One pass over everything due at `now`; public so tests can drive a clock forward. */
  async tick(now: Date): Promise<void> {
    await this.fireReminders(now);
    this.forgetOld();
    // The queue holds only unfinished rows. While this instance is busy with rows it queued itself, the poll (a scan
    // of the queue in FerretDB v1) runs at most every 2 s: it only adds other instances' rows and due retries.
    const busy = [...this.lanes.values()].some((lane) => lane.length > 0);
    if (busy && Date.now() - this.lastPollAt < 2000) return void (await this.digests(now));
    this.lastPollAt = Date.now();
    const due = await phases.time('dispatch.poll', () =>
      this.o.store.deliveries
        .find({ dueAt: { $lte: now } })
        .sort({ dueAt: 1 })
        .limit(1000)
        .toArray(),
    );
    const pending = due.filter((row) => !this.known.has(row._id));
    this.enqueue(pending);
    await this.digests(now);
  }

  /**
   * This attempt was claimed before (its claim row exists) and the row is still queued. Either it was sent and only
   * the queue delete was lost (the log has it), or the claimer died during the SMTP transaction: the server may or
   * may not have the message, and production SMTP cannot be asked. At most once: it is not sent again (the in-app
   * item exists), it is recorded `unconfirmed`.
   */
  private async claimedBefore(row: DeliveryRow): Promise<void> {
    // A poll's copy read before a failed attempt was recorded carries the old attempt number: not a crash.
    const current = await this.o.store.deliveries.findOne({ _id: row._id });
    if (current && current.attempts !== row.attempts) return this.later(row);
    if (await this.o.store.deliveryLog.findOne({ _id: row._id }, { projection: { _id: 1 } })) {
      await this.queueDeletes.add([row._id]);
      return;
    }
    await this.finish(row, 'unconfirmed', {
      lastError: 'claimed by a process that ended during the SMTP transaction; not resent (at most once)',
    });
    this.o.logger.warn({ deliveryId: row._id }, 'email interrupted during SMTP: recorded unconfirmed, not resent');
  }

  /** Finished: to the log (inserts of concurrent lanes shared), then out of the queue. */
  private async finish(row: DeliveryRow, state: DeliveryOutcome, fields: Partial<DeliveryRow> = {}): Promise<void> {
    await phases.time('dispatch.record-outcome', async () => {
      await this.logInserts.add([{ ...row, ...fields, state, finishedAt: new Date() }]);
      await this.queueDeletes.add([row._id]);
    });
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
    if (!row.programId) {
      // The contacts endpoint is per program; a person outside any program (an org admin) gets the in-app item only.
      return this.finish(row, 'dropped', { lastError: 'no program to look the contact up in' });
    }
    let contact: Contact | null;
    try {
      contact = await phases.time('dispatch.contact', () =>
        this.o.contacts.contact(row.tenantId, row.programId!, row.recipient),
      );
    } catch (error) {
      await this.retry(row, now, error);
      return;
    }
    if (!contact) return this.finish(row, 'dropped', { lastError: 'person unknown or erased' });
    const preferences = await store.preferencesOf(row.tenantId, row.recipient);
    const budgetId = `${row.tenantId}|${row.recipient}|${localDate(now, contact.timezone)}`;
    const plan = planEmail({
      category: row.category,
      priority: row.priority,
      preferences,
      timeZone: contact.timezone,
      now,
      emailsSentToday: row.priority === 'critical' ? 0 : await this.sentToday(budgetId),
    });
    if (plan.action === 'skip') return this.finish(row, 'skipped', { lastError: plan.reason });
    if (plan.action === 'defer') {
      await store.deliveries.updateOne({ _id: row._id, state: 'pending' }, { $set: { dueAt: plan.until } });
      return this.later(row);
    }
    if (plan.action === 'digest') {
      if (await this.fold(row, plan.digestAt)) return this.finish(row, 'folded');
    }
    const unsubscribeUrl = this.unsubscribeUrl(row.tenantId, row.recipient, row.category);
    const ctx = {
      timeZone: contact.timezone,
      displayName: contact.displayName,
      appUrl: this.o.appUrl,
      subject: row.subject,
      params: row.params,
    };
    const rendered = phases.timeSync('dispatch.render', () => renderEmail(row.templateId, ctx, unsubscribeUrl));
    // The attempt is claimed durably before SMTP sees the message (an insert: constant cost, shared with other
    // lanes); a crash from here on leaves the claim, and a claimed attempt is never made again.
    const sendingAt = new Date();
    const [claimed] = await phases.time('dispatch.claim-attempt', () =>
      this.claimInserts.add([{ _id: `${row._id}#${row.attempts}`, deliveryId: row._id, at: sendingAt }]),
    );
    if (!claimed) return this.claimedBefore(row);
    try {
      await this.inTrace(row, 'smtp send', () =>
        phases.time('dispatch.smtp', () =>
          this.o.mailer.send({
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
          }),
        ),
      );
    } catch (error) {
      // Refused or unreachable: the server did not take it, so it goes back to pending for another attempt.
      await this.retry(row, now, error);
      return;
    }
    this.o.afterSmtpAccept?.(row._id);
    const sentAt = new Date();
    await this.finish(row, 'sent', { sentAt, sendingAt, attempts: row.attempts + 1, lastError: null });
    if (plan.action === 'send' && plan.countsAgainstBudget) {
      this.budgets.set(budgetId, (await this.sentToday(budgetId)) + 1);
      await store.budgets.updateOne(
        { _id: budgetId },
        { $inc: { sent: 1 }, $setOnInsert: { tenantId: row.tenantId, personId: row.recipient, day: plan.budgetDay } },
        { upsert: true },
      );
    }
    this.stats.emailsSent += 1;
    this.stats.emailLatenciesMs.push(sentAt.getTime() - row.sourceAt.getTime());
  }

  private async sentToday(budgetId: string): Promise<number> {
    const cached = this.budgets.get(budgetId);
    if (cached !== undefined) return cached;
    const sent = (await this.o.store.budgets.findOne({ _id: budgetId }))?.sent ?? 0;
    if (this.budgets.size > 50_000) this.budgets.clear();
    this.budgets.set(budgetId, sent);
    return sent;
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
    if (giveUp) {
      await this.finish(row, 'failed', { attempts, lastError: reason.slice(0, 500) });
    } else {
      await this.o.store.deliveries.updateOne(
        { _id: row._id, state: 'pending' },
        {
          $set: {
            attempts,
            lastError: reason.slice(0, 500),
            dueAt: new Date(now.getTime() + this.retryDelayMs(attempts)),
          },
        },
      );
      this.later(row);
    }
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
      const dueAt = new Date(now.getTime() + this.retryDelayMs(attempts));
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
    const body = row.body;
    if (!hook?.enabled || !body) return this.finish(row, 'cancelled', { lastError: 'webhook disabled or removed' });
    let failure: string | null = null;
    try {
      const response = await this.inTrace(row, 'webhook send', () =>
        fetch(hook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(hook.secret, body, new Date()),
            'x-trellis-delivery': createHash('sha256').update(row._id).digest('hex').slice(0, 32),
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(this.o.webhookTimeoutMs),
        }),
      );
      if (!response.ok) failure = `endpoint answered ${response.status}`;
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      failure = `endpoint unreachable: ${String((error as Error).message ?? error)}`;
    }
    const attempts = row.attempts + 1;
    if (!failure) {
      await this.finish(row, 'sent', { sentAt: new Date(), attempts, lastError: null });
      await store.webhooks.updateOne({ _id: hook._id }, { $set: { consecutiveFailures: 0 } });
      return;
    }
    const decision = decideWebhookFailure(this.o.webhookPolicy, attempts, hook.consecutiveFailures, now);
    if ('retryAt' in decision.delivery) {
      await store.deliveries.updateOne(
        { _id: row._id, state: 'pending' },
        { $set: { attempts, lastError: failure, dueAt: decision.delivery.retryAt } },
      );
      this.later(row);
    } else {
      await this.finish(row, 'failed', { attempts, lastError: failure });
    }
    await store.webhooks.updateOne({ _id: hook._id }, { $set: { consecutiveFailures: decision.consecutiveFailures } });
    if (decision.disableEndpoint)
      await this.disable(hook._id, hook.tenantId, hook.createdByPersonId, decision.consecutiveFailures);
  }

  /** A client span for the send, child of the consumer span that queued the delivery (see DeliveryRow.trace). */
  private inTrace<T>(row: DeliveryRow, name: string, send: () => Promise<T>): Promise<T> {
    return withSpan(
      name,
      {
        kind: SpanKind.CLIENT,
        // Never the dispatcher's ambient context: whichever event woke the loop is not the one this row belongs to.
        parent: extractTraceContext(row.trace ?? undefined),
        attributes: {
          'trellis.delivery.id': row._id,
          'trellis.delivery.channel': row.channel,
          'trellis.notification.template': row.templateId,
          'trellis.delivery.attempt': row.attempts + 1,
        },
      },
      send,
    );
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
    const queued = await store.deliveries.find({ tenantId, recipient: webhookId, channel: 'webhook' }).toArray();
    for (const row of queued.filter((r) => r.state === 'pending')) {
      await this.finish(row, 'cancelled', { lastError: 'webhook disabled' });
    }
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
