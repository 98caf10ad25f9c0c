import { randomUUID } from 'node:crypto';
import { isDuplicateKeyError } from '@trellis/shared/event-store';
import type { Connection, mongo } from 'mongoose';

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

/**
 * One instance at a time sends and fires (the same lease scheme as the outbox relay, ADR 0002): exactly-once sending
 * then needs no atomic claim per row, which FerretDB v1 cannot promise under concurrency.
 */
export class LeaderLease {
  readonly owner = randomUUID();
  private readonly leases: mongo.Collection<LeaseDocument>;
  private validUntil = 0;

  constructor(
    connection: Connection,
    private readonly name: string,
    private readonly ttlMs: number,
  ) {
    this.leases = connection.collection<LeaseDocument>(
      'notifications_leases',
    ) as unknown as mongo.Collection<LeaseDocument>;
  }

  get held(): boolean {
    return Date.now() < this.validUntil;
  }

  async hold(): Promise<boolean> {
    if (this.validUntil - Date.now() > this.ttlMs / 2) return true;
    const now = new Date();
    try {
      const lease = await this.leases.findOneAndUpdate(
        { _id: this.name, $or: [{ owner: this.owner }, { expiresAt: { $lt: now } }] },
        { $set: { owner: this.owner, expiresAt: new Date(now.getTime() + this.ttlMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      const held = lease?.owner === this.owner;
      this.validUntil = held ? now.getTime() + this.ttlMs : 0;
      return held;
    } catch (error) {
      this.validUntil = 0;
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async release(): Promise<void> {
    if (this.validUntil > Date.now())
      await this.leases.deleteOne({ _id: this.name, owner: this.owner }).catch(() => undefined);
    this.validUntil = 0;
  }
}
