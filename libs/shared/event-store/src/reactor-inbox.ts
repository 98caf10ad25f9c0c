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

export interface ReactorInboxOptions {
  /** A claim this old was left by a process that died mid-effect: the next delivery runs the effect again. */
  staleClaimMs?: number;
}

/**
 * Another delivery holds the claim and has neither finished nor gone stale. Transient: the consumer runner retries
 * (with heartbeats, never dead-lettering) until the claim is done — skip — or stale — run the effect here.
 */
export class ClaimHeldError extends Error {
  readonly transient = true;

  constructor(readonly claimId: string) {
    super(`Effect ${claimId} is claimed by another delivery that has not finished yet`);
    this.name = 'ClaimHeldError';
  }
}

/**
 * Side effects happen once per (group, event id): an email is not sent twice because Kafka redelivered an event.
 * `once` records the event in a unique-keyed inbox before running the effect and marks it done after.
 *
 * A delivery that finds someone else's unfinished claim never answers "already done" for it: the claim may be a
 * crashed process's, and committing the offset then would lose the effect. It throws ClaimHeldError instead, and the
 * retry finds the claim done (skip) or stale (run the effect). A live claimant finishes in far less than
 * `staleClaimMs`, so the effect runs twice only if an effect outlives the stale age — keep effects short.
 */
export class ReactorInbox {
  private readonly entries: Collection<InboxEntry>;
  private readonly staleClaimMs: number;

  constructor(
    connection: Connection,
    private readonly group: string,
    options: ReactorInboxOptions = {},
  ) {
    this.entries = connection.collection<InboxEntry>('reactor_inbox') as unknown as Collection<InboxEntry>;
    this.staleClaimMs = options.staleClaimMs ?? 60_000;
  }

  async once(eventId: string, effect: () => Promise<void>): Promise<'done' | 'already-done'> {
    const _id = `${this.group}:${eventId}`;
    if (!(await this.claim(_id, eventId))) return 'already-done';
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

  /** True once this delivery holds the claim; false if the effect is already done. */
  private async claim(_id: string, eventId: string): Promise<boolean> {
    const now = new Date();
    try {
      await this.entries.insertOne({ _id, group: this.group, eventId, state: 'claimed', claimedAt: now });
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const reclaimed = await this.entries.findOneAndUpdate(
      { _id, state: 'claimed', claimedAt: { $lt: new Date(now.getTime() - this.staleClaimMs) } },
      { $set: { claimedAt: now } },
    );
    if (reclaimed) return true;
    const current = await this.entries.findOne({ _id });
    if (current?.state === 'done') return false;
    // Claimed and fresh, or released a moment ago by a failed effect (the retry's insert then wins).
    throw new ClaimHeldError(_id);
  }
}
