import type { WebhookPolicy } from '@trellis/notifications/domain';
import { Lease, WakeableDelay } from '@trellis/shared/event-store';
import type { Logger } from '@trellis/shared/observability';
import type { Registry } from 'prom-client';
import type { Announcer } from '../core/announcer';
import type { ContactsClient } from '../core/contacts.client';
import type { Mailer } from '../core/mailer';
import type { DeliveryRow, NotificationsStore } from '../core/notifications-store';
import type { Notifier } from '../core/notifier';
import { phases } from '../core/phases';
import { DeliveryOutcomes } from './delivery-outcomes';
import { DigestSender } from './digest-sender';
import { createDispatchMetrics, type DispatchMetrics } from './dispatch-metrics';
import { EmailSender } from './email-sender';
import { ReminderSender } from './reminder-sender';
import type { RetryBackoff } from './retry-backoff';
import { WebhookSender } from './webhook-sender';
import { WebhookTombstones } from './webhook-tombstones';

export interface DispatcherOptions {
  store: NotificationsStore;
  notifier: Notifier;
  announcer: Announcer;
  mailer: Mailer;
  contacts: ContactsClient;
  logger: Logger;
  /** Where the dispatch metrics are exposed (the service's registry); without it they count unexposed. */
  metricsRegistry?: Registry;
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
  /** Email and digest retry backoff (see RetryBackoff). */
  emailRetry: RetryBackoff;
  /** Test hook: called right after SMTP accepted a message, before that is recorded (a crash test kills there). */
  afterSmtpAccept?: (deliveryId: string) => void;
}

/**
 * The one sender loop: while this instance holds the lease it fires due reminders, hands queued rows to the email
 * and webhook senders (one lane per recipient) and sends due digests. Every row moves pending → finished with its
 * id (DeliveryOutcomes): a restart picks up exactly what is left.
 */
export class Dispatcher {
  readonly metrics: DispatchMetrics;
  private readonly lease: Lease;
  private readonly reminders: ReminderSender;
  private readonly emails: EmailSender;
  private readonly digests: DigestSender;
  private readonly webhooks: WebhookSender;
  private readonly tombstones: WebhookTombstones;
  private running: Promise<void> | undefined;
  private keeping: Promise<void> | undefined;
  private stopping = false;
  private readonly delay = new WakeableDelay();
  /** Per recipient, rows waiting to be delivered by this instance; one lane per recipient runs at a time. */
  private readonly lanes = new Map<string, DeliveryRow[]>();
  private readonly activeLanes = new Set<string>();
  /** Ids queued or finished here recently: a poll's copy of a row read before it finished is skipped. */
  private readonly known = new Map<string, number>();
  private lastPollAt = 0;

  constructor(private readonly o: DispatcherOptions) {
    // One instance at a time sends and fires (ADR 0002): exactly-once sending then needs no atomic claim per row,
    // which FerretDB v1 cannot promise under concurrency.
    this.lease = new Lease(o.store.connection, {
      collection: 'notifications_leases',
      name: 'notifications-dispatcher',
      ttlMs: o.leaseTtlMs,
    });
    this.metrics = createDispatchMetrics(o.metricsRegistry);
    const outcomes = new DeliveryOutcomes(o.store, o.logger, (id) => this.known.delete(id));
    const links = { appUrl: o.appUrl, publicUrl: o.publicUrl, unsubscribeSecret: o.unsubscribeSecret };
    this.reminders = new ReminderSender(o.store, o.notifier, this.metrics, o.logger);
    this.emails = new EmailSender({
      store: o.store,
      outcomes,
      mailer: o.mailer,
      contacts: o.contacts,
      metrics: this.metrics,
      logger: o.logger,
      ...links,
      giveUpMs: o.emailGiveUpMs,
      retry: o.emailRetry,
      ...(o.afterSmtpAccept ? { afterSmtpAccept: o.afterSmtpAccept } : {}),
    });
    this.digests = new DigestSender({
      store: o.store,
      mailer: o.mailer,
      contacts: o.contacts,
      logger: o.logger,
      ...links,
      retry: o.emailRetry,
    });
    this.webhooks = new WebhookSender({
      store: o.store,
      outcomes,
      notifier: o.notifier,
      announcer: o.announcer,
      logger: o.logger,
      policy: o.webhookPolicy,
      timeoutMs: o.webhookTimeoutMs,
    });
    this.tombstones = new WebhookTombstones(o.store, o.logger);
  }

  start(): Promise<void> {
    this.stopping = false;
    this.keeping = this.keepLease();
    this.running = this.loop();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.delay.wake();
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
        if (holds && !held) this.emails.forgetBudgets();
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
      await this.delay.wait(Math.max(10, this.o.tickMs - (Date.now() - started)));
    }
  }

  /** New work was stored by this instance: run the next pass now instead of at the next tick. */
  wake(): void {
    this.delay.wake();
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
        const sender = row.channel === 'email' ? this.emails : this.webhooks;
        await sender.send(row, now).catch((error: unknown) => {
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

  private forgetOld(): void {
    if (this.known.size < 20_000) return;
    const cutoff = Date.now() - 10 * 60_000;
    for (const [id, at] of this.known) if (at < cutoff) this.known.delete(id);
  }

  /** One pass over everything due at `now`; public so tests can drive a clock forward. */
  async tick(now: Date): Promise<void> {
    await this.reminders.fireDue(now);
    await this.tombstones.sweepDue(now);
    this.forgetOld();
    // The queue holds only unfinished rows. While this instance is busy with rows it queued itself, the poll (a scan
    // of the queue in FerretDB v1) runs at most every 2 s: it only adds other instances' rows and due retries.
    const busy = [...this.lanes.values()].some((lane) => lane.length > 0);
    if (busy && Date.now() - this.lastPollAt < 2000) return void (await this.digests.sendDue(now));
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
    await this.digests.sendDue(now);
  }
}
