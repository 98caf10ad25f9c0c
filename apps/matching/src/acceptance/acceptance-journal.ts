import type { CommitMeta } from '@trellis/shared/event-store';
import type { MentorshipParties } from '@trellis/matching/domain';
import type { Collection, Connection } from 'mongoose';

export interface JournalEntry {
  _id: string;
  tenantId: string;
  parties: MentorshipParties;
  meta: CommitMeta;
  now: string;
  startedAt: Date;
}

/**
 * A write-ahead note per acceptance in progress: written before the first step, deleted after the last. An entry
 * that outlives its process (a crash between the steps) is found by the sweeper, which re-runs the acceptance —
 * every step is idempotent — or undoes it when it can no longer complete (docs/adr/0005).
 */
export class AcceptanceJournal {
  private readonly entries: Collection<JournalEntry>;

  constructor(connection: Connection) {
    this.entries = connection.collection<JournalEntry>('acceptance_journal') as unknown as Collection<JournalEntry>;
  }

  async begin(parties: MentorshipParties, meta: CommitMeta, now: string): Promise<void> {
    await this.entries.updateOne(
      { _id: parties.mentorshipId },
      { $setOnInsert: { tenantId: meta.tenantId, parties, meta, now, startedAt: new Date() } },
      { upsert: true },
    );
  }

  async end(mentorshipId: string): Promise<void> {
    await this.entries.deleteOne({ _id: mentorshipId });
  }

  async staleBefore(cutoff: Date, limit = 100): Promise<JournalEntry[]> {
    return this.entries.find({ startedAt: { $lt: cutoff } }, { limit }).toArray();
  }

  async has(mentorshipId: string): Promise<boolean> {
    return (await this.entries.findOne({ _id: mentorshipId })) !== null;
  }
}
