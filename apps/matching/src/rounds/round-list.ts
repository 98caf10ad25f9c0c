import type { RoundState } from '@trellis/matching/domain';
import { DomainError, type CommitDocument, type EventStore } from '@trellis/shared/event-store';
import type { mongo } from 'mongoose';
import type { MatchingCommands } from '../commands/matching-commands';

const ROUND_STREAM_TYPE = 'matching-round';

export interface ListedRound {
  state: RoundState;
  createdAt: Date;
}

export interface RoundListPage {
  rounds: ListedRound[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * A program's rounds, newest first, straight from the event store: a round's edits are private events that never
 * reach Kafka, so no projection could follow them, while every round stream's first commit names its tenant and
 * program. One index query finds a page of first commits, one `loadMany` folds the page's streams.
 */
export class RoundList {
  constructor(
    private readonly store: EventStore,
    private readonly commands: MatchingCommands,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.store.commits.createIndex(
      { 'meta.tenantId': 1, 'meta.programId': 1, streamType: 1, commitSeq: 1, committedAt: -1, streamId: -1 },
      { name: 'rounds_by_program' },
    );
  }

  async page(tenantId: string, programId: string, first: number, after: string | null): Promise<RoundListPage> {
    const filter: mongo.Filter<CommitDocument> = {
      'meta.tenantId': tenantId,
      'meta.programId': programId,
      streamType: ROUND_STREAM_TYPE,
      commitSeq: 1,
    };
    if (after !== null) {
      const cursor = decodeCursor(after);
      filter.$or = [
        { committedAt: { $lt: cursor.committedAt } },
        { committedAt: cursor.committedAt, streamId: { $lt: cursor.streamId } },
      ];
    }
    const firstCommits = await this.store.commits
      .find(filter, { projection: { streamId: 1, committedAt: 1 } })
      .sort({ committedAt: -1, streamId: -1 })
      .limit(first + 1)
      .toArray();
    const shown = firstCommits.slice(0, first);
    const states = await this.commands.rounds.loadMany(shown.map((c) => c.streamId));
    const rounds: ListedRound[] = [];
    for (const commit of shown) {
      const state = states.get(commit.streamId)?.state;
      if (state && state.status !== 'none') rounds.push({ state, createdAt: commit.committedAt });
    }
    const last = shown.at(-1);
    return {
      rounds,
      endCursor: last ? encodeCursor(last.committedAt, last.streamId) : null,
      hasNextPage: firstCommits.length > first,
    };
  }
}

function encodeCursor(committedAt: Date, streamId: string): string {
  return Buffer.from(JSON.stringify([committedAt.toISOString(), streamId])).toString('base64url');
}

function decodeCursor(cursor: string): { committedAt: Date; streamId: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [at, streamId] = parsed as unknown[];
      const committedAt = typeof at === 'string' ? new Date(at) : null;
      if (committedAt && !Number.isNaN(committedAt.getTime()) && typeof streamId === 'string') {
        return { committedAt, streamId };
      }
    }
  } catch {
    // Falls through to the refusal below: a cursor is opaque, whatever broke it.
  }
  throw new DomainError('BAD_USER_INPUT', 'This `after` cursor was not given by this list.');
}
