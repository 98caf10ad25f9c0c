import { DomainError, Lease, WakeableDelay } from '@trellis/shared/event-store';
import type { Logger } from '@trellis/shared/observability';
import type { Collection, Connection } from 'mongoose';
import type { MentorshipRequestsService } from './mentorship-requests.service';

interface TimerDocument {
  _id: string;
  tenantId: string;
  requestId: string;
  dueAt: Date;
  attempts: number;
}

export interface RequestExpiryOptions {
  pollMs?: number;
  leaseTtlMs?: number;
  /** When an expiry meets an acceptance in progress, try again this much later. */
  retryDelayMs?: number;
  batchSize?: number;
  /** Other lease-guarded housekeeping run on every pass (the acceptance sweeper). */
  alsoEachPass?: (now: Date) => Promise<unknown>;
}

/**
 * Durable request expiry: one timer document per open request in MongoDB, so a restart (or another instance)
 * picks up every timer that is due. Only the holder of the lease fires timers, so two instances never race on the
 * same request; firing is idempotent anyway (an early or repeated expiry changes nothing).
 */
export class RequestExpiryScheduler {
  private readonly timers: Collection<TimerDocument>;
  private readonly lease: Lease;
  private readonly pollMs: number;
  private readonly retryDelayMs: number;
  private readonly batchSize: number;
  private readonly alsoEachPass: ((now: Date) => Promise<unknown>) | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly delay = new WakeableDelay();

  constructor(
    connection: Connection,
    private readonly requests: MentorshipRequestsService,
    private readonly logger: Logger,
    options: RequestExpiryOptions = {},
  ) {
    this.timers = connection.collection<TimerDocument>('request_expiry_timers') as unknown as Collection<TimerDocument>;
    this.lease = new Lease(connection, {
      collection: 'timer_leases',
      name: 'request-expiry',
      ttlMs: options.leaseTtlMs ?? 10_000,
    });
    this.pollMs = options.pollMs ?? 1000;
    this.retryDelayMs = options.retryDelayMs ?? 30_000;
    this.batchSize = options.batchSize ?? 100;
    this.alsoEachPass = options.alsoEachPass;
  }

  /** Idempotent: the request flow and the follow-up reactor both schedule the same timer. */
  async schedule(tenantId: string, requestId: string, dueAt: Date): Promise<void> {
    await this.timers.updateOne(
      { _id: requestId },
      { $setOnInsert: { tenantId, requestId, dueAt, attempts: 0 } },
      { upsert: true },
    );
  }

  async cancel(requestId: string): Promise<void> {
    await this.timers.deleteOne({ _id: requestId });
  }

  async pending(): Promise<number> {
    return this.timers.countDocuments();
  }

  async isScheduled(requestId: string): Promise<boolean> {
    return (await this.timers.findOne({ _id: requestId })) !== null;
  }

  start(): Promise<void> {
    if (!this.running) {
      this.running = true;
      this.loop = this.run();
    }
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.delay.wake();
    await this.loop;
    await this.lease.release();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (await this.lease.hold()) {
          await this.fireDue(new Date());
          await this.alsoEachPass?.(new Date());
        }
      } catch (error) {
        this.logger.warn({ err: String(error) }, 'request expiry pass failed; retrying');
      }
      await this.delay.wait(this.pollMs);
    }
  }

  /** Fires every timer due at `now`; exposed for tests that move time forward. */
  async fireDue(now: Date): Promise<number> {
    const due = await this.timers.find({ dueAt: { $lte: now } }, { limit: this.batchSize }).toArray();
    let fired = 0;
    for (const timer of due) {
      try {
        await this.requests.expireRequest(timer.tenantId, timer.requestId, now);
        await this.timers.deleteOne({ _id: timer._id });
        fired += 1;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') {
          await this.timers.deleteOne({ _id: timer._id });
          continue;
        }
        // Typically CONFLICT: the request is being accepted right now. Look again later.
        await this.timers.updateOne(
          { _id: timer._id },
          { $set: { dueAt: new Date(now.getTime() + this.retryDelayMs) }, $inc: { attempts: 1 } },
        );
      }
    }
    return fired;
  }
}
