import { randomUUID } from 'node:crypto';
import type { Connection, mongo } from 'mongoose';
import { isDuplicateKeyError } from './errors';

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export interface LeaseOptions {
  /** Collection holding the lease documents; existing deployments keep theirs, so a rolling update sees one lease. */
  collection: string;
  /** One lease per job: the document `_id`. */
  name: string;
  /** Lifetime of a grant: another instance takes over this long after the holder stops renewing. */
  ttlMs: number;
}

/**
 * At most one instance runs a job at a time (ADR 0002): the holder writes its owner id and an expiry into one
 * document, and anyone may take it once it has expired. A conditional upsert is the only atomic step needed, which
 * FerretDB v1 honours: two racing upserts of a missing document end with one duplicate-key error.
 */
export class Lease {
  readonly owner = randomUUID();
  private readonly leases: mongo.Collection<LeaseDocument>;
  private validUntil = 0;

  constructor(
    connection: Connection,
    private readonly options: LeaseOptions,
  ) {
    this.leases = connection.collection<LeaseDocument>(
      options.collection,
    ) as unknown as mongo.Collection<LeaseDocument>;
  }

  get name(): string {
    return this.options.name;
  }

  /** True while the last grant is still running by this process' clock. */
  get held(): boolean {
    return Date.now() < this.validUntil;
  }

  /**
   * Takes or renews the lease. A grant with more than half its lifetime left is kept without a round trip, so a
   * busy holder renews well before expiry and never loses the lease between two passes.
   */
  async hold(): Promise<boolean> {
    if (this.validUntil - Date.now() > this.options.ttlMs / 2) return true;
    const now = new Date();
    try {
      const lease = await this.leases.findOneAndUpdate(
        { _id: this.options.name, $or: [{ owner: this.owner }, { expiresAt: { $lt: now } }] },
        { $set: { owner: this.owner, expiresAt: new Date(now.getTime() + this.options.ttlMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      const held = lease?.owner === this.owner;
      // Counted from before the round trip, so this instance believes in its lease no longer than the database does.
      this.validUntil = held ? now.getTime() + this.options.ttlMs : 0;
      return held;
    } catch (error) {
      this.validUntil = 0;
      // Another instance holds a live lease: the upsert's insert met its document.
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /**
   * Gives the lease up so another instance takes over at once instead of waiting for the expiry. Filtered by owner,
   * so it never removes a lease another instance has taken since; best effort, the expiry is the fallback.
   */
  async release(): Promise<void> {
    this.validUntil = 0;
    await this.leases.deleteOne({ _id: this.options.name, owner: this.owner }).catch(() => undefined);
  }
}
