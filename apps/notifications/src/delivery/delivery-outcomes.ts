import type { Logger } from '@trellis/shared/observability';
import { GroupCommit } from '../core/group-commit';
import {
  type DeliveryOutcome,
  type DeliveryRow,
  NotificationsStore,
  type SendClaimRow,
} from '../core/notifications-store';
import { phases } from '../core/phases';

/**
 * How a queued delivery ends or waits: every row moves pending → finished with its id, so a restart picks up
 * exactly what is left. Writes of concurrent lanes are shared (group commit) to keep FerretDB round trips down.
 */
export class DeliveryOutcomes {
  private readonly logInserts: GroupCommit<DeliveryRow, boolean>;
  private readonly claimInserts: GroupCommit<SendClaimRow, boolean>;
  private readonly queueDeletes: GroupCommit<string, void>;

  /** `requeued`: the row stays in the queue for a later attempt, so the dispatcher's poll must pick it up again. */
  constructor(
    private readonly store: NotificationsStore,
    private readonly logger: Logger,
    private readonly requeued: (deliveryId: string) => void,
  ) {
    this.logInserts = new GroupCommit((rows) => NotificationsStore.insertEach(store.deliveryLog, rows));
    this.claimInserts = new GroupCommit((rows) => NotificationsStore.insertEach(store.sendClaims, rows));
    // Finished rows leave the queue one `deleteOne` by `_id` each: a bulk `deleteMany({_id: {$in}})` is a scan in Go
    // on FerretDB v1 and took 39 s per round trip once the queue had grown to 20,000 rows (measured).
    this.queueDeletes = new GroupCommit<string, void>(async (ids) => {
      await Promise.all(ids.map((_id) => store.deliveries.deleteOne({ _id })));
      return ids.map(() => undefined);
    });
  }

  later(row: DeliveryRow): void {
    this.requeued(row._id);
  }

  /** Finished: to the log (inserts of concurrent lanes shared), then out of the queue. */
  async finish(row: DeliveryRow, state: DeliveryOutcome, fields: Partial<DeliveryRow> = {}): Promise<void> {
    await phases.time('dispatch.record-outcome', async () => {
      await this.logInserts.add([{ ...row, ...fields, state, finishedAt: new Date() }]);
      await this.queueDeletes.add([row._id]);
    });
  }

  /**
   * The attempt is claimed durably before SMTP sees the message (an insert: constant cost, shared with other lanes);
   * a crash from here on leaves the claim, and a claimed attempt is never made again. False: claimed before.
   */
  async claimAttempt(row: DeliveryRow, sendingAt: Date): Promise<boolean> {
    const [claimed] = await phases.time('dispatch.claim-attempt', () =>
      this.claimInserts.add([{ _id: `${row._id}#${row.attempts}`, deliveryId: row._id, at: sendingAt }]),
    );
    return claimed ?? false;
  }

  /**
   * This attempt was claimed before (its claim row exists) and the row is still queued. Either it was sent and only
   * the queue delete was lost (the log has it), or the claimer died during the SMTP transaction: the server may or
   * may not have the message, and production SMTP cannot be asked. At most once: it is not sent again (the in-app
   * item exists), it is recorded `unconfirmed`.
   */
  async claimedBefore(row: DeliveryRow): Promise<void> {
    // A poll's copy read before a failed attempt was recorded carries the old attempt number: not a crash.
    const current = await this.store.deliveries.findOne({ _id: row._id });
    if (current && current.attempts !== row.attempts) return this.later(row);
    if (await this.store.deliveryLog.findOne({ _id: row._id }, { projection: { _id: 1 } })) {
      await this.queueDeletes.add([row._id]);
      return;
    }
    await this.finish(row, 'unconfirmed', {
      lastError: 'claimed by a process that ended during the SMTP transaction; not resent (at most once)',
    });
    this.logger.warn({ deliveryId: row._id }, 'email interrupted during SMTP: recorded unconfirmed, not resent');
  }
}
