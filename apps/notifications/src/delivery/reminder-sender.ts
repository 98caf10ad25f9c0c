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
      // The reminder fires when it is claimed; the fan-out after it is idempotent and may be repeated after a crash.
      const firedAt = new Date();
      if (row.state === 'scheduled') {
        const claimed = await reminders.updateOne(
          { _id: row._id, sequence: row.sequence, state: 'scheduled' },
          { $set: { state: 'firing' } },
        );
        if (claimed.matchedCount !== 1) continue;
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
