import type { Collection, Connection } from 'mongoose';
import { isDuplicateKeyError } from './errors';

/** What a projection needs to know of an event to apply it at most once and in order. */
export interface RevisionedEvent {
  streamId: string;
  revision: number;
}

export type ApplyOutcome = 'applied' | 'duplicate';

/** An event arrived before its predecessor; retried (never skipped) until the predecessor is applied. */
export class RevisionGapError extends Error {
  /** Retried, never skipped or dead-lettered: the missing revision is on its way (isTransientFailure). */
  readonly transient = true;

  constructor(
    readonly key: string,
    readonly lastApplied: number,
    readonly arrived: number,
  ) {
    super(`Read model row ${key} is at revision ${lastApplied}; revision ${arrived} must wait for ${lastApplied + 1}`);
    this.name = 'RevisionGapError';
  }
}

export type ReadModelRow = { _id: string; _revision: number; _deleted?: boolean } & Record<string, unknown>;

/**
 * A read-model collection whose rows each follow one stream: a row stores the revision last applied, and an update
 * is written only if `revision == last + 1` — an older or equal revision is a no-op (redelivery), a newer one waits.
 * The check and the write are one conditional write, so two consumers racing on the same row cannot both apply.
 */
export class RevisionGuardedCollection<Row extends Record<string, unknown>> {
  readonly collection: Collection<ReadModelRow>;

  constructor(connection: Connection, collectionName: string) {
    this.collection = connection.collection<ReadModelRow>(collectionName) as unknown as Collection<ReadModelRow>;
  }

  /**
   * @param mutate the new row from the current one (undefined before the first event); `null` deletes the row's
   *   content and keeps a tombstone with its revision, so a redelivered older event cannot bring it back.
   */
  async apply(
    key: string,
    event: RevisionedEvent,
    mutate: (current: Row | undefined) => Row | null,
  ): Promise<ApplyOutcome> {
    for (;;) {
      const current = await this.collection.findOne({ _id: key });
      const lastApplied = current?._revision ?? 0;
      if (event.revision <= lastApplied) return 'duplicate';
      if (event.revision > lastApplied + 1) throw new RevisionGapError(key, lastApplied, event.revision);
      const existing = current && !current._deleted ? stripMeta<Row>(current) : undefined;
      const next = mutate(existing);
      const replacement: Omit<ReadModelRow, '_id'> =
        next === null ? { _revision: event.revision, _deleted: true } : { ...next, _revision: event.revision };
      try {
        if (!current) {
          await this.collection.insertOne({ ...replacement, _id: key } as ReadModelRow);
          return 'applied';
        }
        const result = await this.collection.replaceOne({ _id: key, _revision: lastApplied }, replacement);
        if (result.matchedCount === 1) return 'applied';
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      // Lost a race with another writer of the same row: look again.
    }
  }

  async find(filter: Record<string, unknown> = {}): Promise<Row[]> {
    const rows = await this.collection.find({ ...filter, _deleted: { $ne: true } }).toArray();
    return rows.map((row) => stripMeta<Row>(row));
  }
}

function stripMeta<Row>(row: ReadModelRow): Row {
  const { _revision, _deleted, ...rest } = row;
  return rest as unknown as Row;
}

export interface ReplaceIfNewerOptions {
  /** Fields kept from the current row when it has them (e.g. when a participant first enrolled). */
  keepFromCurrent?: string[];
  /** Writes the row again at the same revision (a read-model upgrade recomputing derived fields). */
  rewrite?: boolean;
}

/**
 * The row a command wrote after its commit, stored with its stream's revision: replaced only by a higher revision, so
 * concurrent writers and replays converge. Revisions may skip here (unlike `RevisionGuardedCollection`), because the
 * row is the whole folded state, not a step applied to the previous row.
 */
export async function replaceIfNewer<Row extends { _id: string }>(
  collection: Collection<Row>,
  id: string,
  revision: number,
  row: Record<string, unknown>,
  options: ReplaceIfNewerOptions = {},
): Promise<void> {
  for (;;) {
    const current = (await collection.findOne({ _id: id } as never)) as Record<string, unknown> | null;
    const currentRevision = (current?.['_revision'] as number | undefined) ?? 0;
    if (currentRevision > revision || (currentRevision === revision && !options.rewrite)) return;
    const kept = Object.fromEntries(
      (options.keepFromCurrent ?? []).flatMap((key) => (current?.[key] ? [[key, current[key]]] : [])),
    );
    const replacement = { ...row, ...kept, _revision: revision };
    try {
      if (!current) {
        await collection.insertOne({ ...replacement, _id: id } as never);
        return;
      }
      const result = await collection.replaceOne(
        { _id: id, _revision: currentRevision } as never,
        replacement as never,
      );
      if (result.matchedCount === 1) return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    // Another writer inserted or replaced the row in between: compare revisions again.
  }
}
