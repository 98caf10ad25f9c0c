import { localDate, planEmail, renderEmail } from '@trellis/notifications/domain';
import type { Logger } from '@trellis/shared/observability';
import { type Contact, ContactUnavailableError, type ContactsClient } from '../core/contacts.client';
import type { Mailer } from '../core/mailer';
import { type DeliveryRow, NotificationsStore } from '../core/notifications-store';
import { phases } from '../core/phases';
import type { DeliveryOutcomes } from './delivery-outcomes';
import { inDeliverySpan } from './delivery-span';
import type { DispatchMetrics } from './dispatch-metrics';
import { type RetryBackoff, retryDelayMs } from './retry-backoff';
import { unsubscribeLink } from './unsubscribe-link';

export interface EmailSenderOptions {
  store: NotificationsStore;
  outcomes: DeliveryOutcomes;
  mailer: Mailer;
  contacts: ContactsClient;
  metrics: DispatchMetrics;
  logger: Logger;
  appUrl: string;
  publicUrl: string;
  unsubscribeSecret: string;
  /** Give up on an email this long after it was due (profiles or SMTP down for a day is an incident, not a retry). */
  giveUpMs: number;
  retry: RetryBackoff;
  /** Test hook: called right after SMTP accepted a message, before that is recorded (a crash test kills there). */
  afterSmtpAccept?: (deliveryId: string) => void;
}

/**
 * One queued email: the person's preferences, quiet hours and daily budget decide whether it goes now, later, into
 * a digest or not at all; a send is claimed before SMTP sees it, so it is made at most once.
 */
export class EmailSender {
  /** Emails sent today per person and day: exact while this instance is the only sender (see `forgetBudgets`). */
  private readonly budgets = new Map<string, number>();

  constructor(private readonly o: EmailSenderOptions) {}

  /** Cached budgets are exact only while no other instance sent in between: called on taking the lease. */
  forgetBudgets(): void {
    this.budgets.clear();
  }

  async send(row: DeliveryRow, now: Date): Promise<void> {
    const { store, outcomes } = this.o;
    if (!row.programId) {
      // The contacts endpoint is per program; a person outside any program (an org admin) gets the in-app item only.
      return outcomes.finish(row, 'dropped', { lastError: 'no program to look the contact up in' });
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
    if (!contact) return outcomes.finish(row, 'dropped', { lastError: 'person unknown or erased' });
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
    if (plan.action === 'skip') return outcomes.finish(row, 'skipped', { lastError: plan.reason });
    if (plan.action === 'defer') {
      await store.deliveries.updateOne({ _id: row._id, state: 'pending' }, { $set: { dueAt: plan.until } });
      return outcomes.later(row);
    }
    if (plan.action === 'digest') {
      if (await this.fold(row, plan.digestAt)) return outcomes.finish(row, 'folded');
    }
    const unsubscribeUrl = unsubscribeLink(
      this.o.publicUrl,
      this.o.unsubscribeSecret,
      row.tenantId,
      row.recipient,
      row.category,
    );
    const ctx = {
      timeZone: contact.timezone,
      displayName: contact.displayName,
      appUrl: this.o.appUrl,
      subject: row.subject,
      params: row.params,
    };
    const rendered = phases.timeSync('dispatch.render', () => renderEmail(row.templateId, ctx, unsubscribeUrl));
    const sendingAt = new Date();
    if (!(await outcomes.claimAttempt(row, sendingAt))) return outcomes.claimedBefore(row);
    try {
      await inDeliverySpan(row, 'smtp send', () =>
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
    await outcomes.finish(row, 'sent', { sentAt, sendingAt, attempts: row.attempts + 1, lastError: null });
    if (plan.action === 'send' && plan.countsAgainstBudget) {
      this.budgets.set(budgetId, (await this.sentToday(budgetId)) + 1);
      await store.budgets.updateOne(
        { _id: budgetId },
        { $inc: { sent: 1 }, $setOnInsert: { tenantId: row.tenantId, personId: row.recipient, day: plan.budgetDay } },
        { upsert: true },
      );
    }
    this.o.metrics.emailsSent.inc();
    this.o.metrics.emailLatency.observe((sentAt.getTime() - row.sourceAt.getTime()) / 1000);
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
    const giveUp = now.getTime() - row.createdAt.getTime() > this.o.giveUpMs;
    if (giveUp) {
      await this.o.outcomes.finish(row, 'failed', { attempts, lastError: reason.slice(0, 500) });
    } else {
      await this.o.store.deliveries.updateOne(
        { _id: row._id, state: 'pending' },
        {
          $set: {
            attempts,
            lastError: reason.slice(0, 500),
            dueAt: new Date(now.getTime() + retryDelayMs(this.o.retry, attempts)),
          },
        },
      );
      this.o.outcomes.later(row);
    }
    this.o.logger.warn({ deliveryId: row._id, attempts, reason }, giveUp ? 'email given up' : 'email retry scheduled');
  }
}
