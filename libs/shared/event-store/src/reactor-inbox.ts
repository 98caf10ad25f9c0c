import type { Collection, Connection } from 'mongoose';
import { isDuplicateKeyError } from './errors';

interface InboxEntry {
  _id: string;
  group: string;
  eventId: string;
  state: 'claimed' | 'done';
  claimedAt: Date;
  doneAt?: Date;
}

/**
 * Side effects happen once per (group, event id): an email is not sent twice because Kafka redelivered an event.
 * `once` records the event in a unique-keyed inbox before running the effect and marks it done after; a claim left
 * by a crash mid-effect is retried only after `staleClaimMs`, so a concurrent redelivery cannot run it twice.
 */
export class ReactorInbox {
  private readonly entries: Collection<InboxEntry>;

  constructor(
    connection: Connection,
    private readonly group: string,
    private readonly staleClaimMs = 60_000,
  ) {
    this.entries = connection.collection<InboxEntry>('reactor_inbox') as unknown as Collection<InboxEntry>;
  }

  async once(eventId: string, effect: () => Promise<void>): Promise<'done' | 'already-done'> {
    const _id = `${this.group}:${eventId}`;
    const now = new Date();
    try {
      await this.entries.insertOne({ _id, group: this.group, eventId, state: 'claimed', claimedAt: now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const reclaimed = await this.entries.findOneAndUpdate(
        { _id, state: 'claimed', claimedAt: { $lt: new Date(now.getTime() - this.staleClaimMs) } },
        { $set: { claimedAt: now } },
      );
      if (!reclaimed) return 'already-done';
    }
    try {
      await effect();
    } catch (error) {
      // Release the claim so the consumer's retry can run the effect again.
      await this.entries.deleteOne({ _id, state: 'claimed' });
      throw error;
    }
    await this.entries.updateOne({ _id }, { $set: { state: 'done', doneAt: new Date() } });
    return 'done';
  }
}
