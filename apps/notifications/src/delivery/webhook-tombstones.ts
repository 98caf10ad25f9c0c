import type { Logger } from '@trellis/shared/observability';
import type { NotificationsStore } from '../core/notifications-store';

/** How long a removed webhook's emptied row answers a retry of its removal before it is deleted for good. */
export const WEBHOOK_TOMBSTONE_RETENTION_MS = 30 * 24 * 60 * 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Deletes the tombstones of removed webhooks once they are older than the retention: no client retries a removal a
 * month later, and without this every removal would keep a row for ever. A retry after that answers NOT_FOUND, as
 * any removal of an unknown webhook does. Swept at most hourly by the dispatcher's lease holder.
 */
export class WebhookTombstones {
  private nextSweepAt = 0;

  constructor(
    private readonly store: NotificationsStore,
    private readonly logger: Logger,
    private readonly retentionMs = WEBHOOK_TOMBSTONE_RETENTION_MS,
  ) {}

  /** Deletes what is past the retention at `now` when a sweep is due; answers how many went. */
  async sweepDue(now: Date): Promise<number> {
    if (now.getTime() < this.nextSweepAt) return 0;
    this.nextSweepAt = now.getTime() + SWEEP_EVERY_MS;
    const { deletedCount } = await this.store.webhooks.deleteMany({
      removedAt: { $lt: new Date(now.getTime() - this.retentionMs) },
    });
    if (deletedCount > 0) this.logger.info({ deleted: deletedCount }, 'removed webhooks past their retention deleted');
    return deletedCount;
  }
}
