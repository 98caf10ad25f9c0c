import { createHash } from 'node:crypto';
import type { NotificationIntent, SourceEvent } from '@trellis/notifications/domain';
import type { Logger } from '@trellis/shared/observability';
import type { NotificationsStore, ReminderRow } from '../core/notifications-store';
import type { Notifier } from '../core/notifier';
import type { DispatchMetrics } from './dispatch-metrics';

/** Fires due reminders: each becomes a notification fanned out to its recipients. */
export class ReminderSender {
  constructor(
    private readonly store: NotificationsStore,
    private readonly notifier: Notifier,
    private readonly metrics: DispatchMetrics,
    private readonly logger: Logger,
  ) {}

  async fireDue(now: Date): Promise<void> {
    const { reminders } = this.store;
    const due = await reminders
      .find({ state: { $in: ['scheduled', 'firing'] }, dueAtDate: { $lte: now } })
      .sort({ dueAtDate: 1 })
      .limit(200)
      .toArray();
    for (const row of due) {
      try {
        await this.fire(row);
      } catch (error) {
        // One reminder that cannot be delivered stays claimed for the next tick; the others still fire.
        this.logger.error({ err: error, reminderId: row._id }, 'reminder could not fire');
      }
    }
  }

  private async fire(row: ReminderRow): Promise<void> {
    const { reminders } = this.store;
    // The reminder fires when it is claimed; the fan-out after it is idempotent and may be repeated after a crash.
    const firedAt = new Date();
    if (row.staleAfter && firedAt.getTime() >= Date.parse(row.staleAfter)) {
      // Fired this late it would ask for something already over (a survey that closed while the service was down).
      await reminders.updateOne(
        { _id: row._id, sequence: row.sequence, state: row.state },
        { $set: { state: 'cancelled' } },
      );
      this.logger.info({ reminderId: row._id }, 'reminder dropped: past its use');
      return;
    }
    if (row.state === 'scheduled') {
      const claimed = await reminders.updateOne(
        { _id: row._id, sequence: row.sequence, state: 'scheduled' },
        { $set: { state: 'firing' } },
      );
      if (claimed.matchedCount !== 1) return;
    }
    await this.notifier.fanOut(reminderFanOut(row));
    await reminders.updateOne(
      { _id: row._id, sequence: row.sequence, state: 'firing' },
      { $set: { state: 'fired', firedAt } },
    );
    const lateMs = firedAt.getTime() - row.dueAtDate.getTime();
    this.metrics.remindersFired.inc();
    this.metrics.reminderLateness.observe(Math.max(0, lateMs) / 1000);
    this.logger.info({ reminderId: row._id, lateMs }, 'reminder fired');
  }
}

/**
 * The firing's identity includes the sequence: a moved reminder is a new notification, a re-fire is not. It becomes
 * part of every delivery key (with template, recipient and channel), which the inbox announcement caps at 200
 * characters, so a long reminder id (tenant, conversation and member ids) is digested; short ones stay readable.
 */
export function reminderFiringId(row: Pick<ReminderRow, '_id' | 'sequence'>): string {
  const firing = `${row._id}:${row.sequence}`;
  return firing.length <= 80
    ? `reminder:${firing}`
    : `reminder:${createHash('sha256').update(firing).digest('base64url').slice(0, 32)}`;
}

export function reminderFanOut(row: ReminderRow) {
  const event: SourceEvent = {
    id: reminderFiringId(row),
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
