import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { currentTraceCarrier, type TraceCarrier } from '@trellis/shared/observability';
import type { Collection, Connection } from 'mongoose';
import { insertNewDocuments } from './insert-new';
import { ConcurrencyError, IdempotencyConflictError, IntegrationContractError, isDuplicateKeyError } from './errors';
import type { EventTypeRegistry } from './event-type-registry';
import { payloadHash } from './stable-json';

export interface CommitMeta {
  tenantId: string;
  programId?: string;
  correlationId: string;
  causationId?: string;
  /** Who caused it: a person id, or `system:<component>`. */
  actor?: string;
}

export interface NewEvent {
  type: string;
  data: unknown;
  /** Defaults to the registry's current version for the type. */
  schemaVersion?: number;
}

export interface StoredEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
}

/** One document per command: atomic on MongoDB and FerretDB without transactions (docs/architecture.md §4). */
export interface CommitDocument {
  _id: string;
  streamId: string;
  streamType: string;
  commitSeq: number;
  fromRevision: number;
  events: StoredEvent[];
  meta: CommitMeta;
  committedAt: Date;
  published: boolean;
  payloadHash: string;
  /** W3C trace context of the command, so the relay's Kafka message continues the request's trace. */
  trace?: TraceCarrier;
  /**
   * Set by `appendNewStreams`: the commits written by one call share a batch id, and `batchCount` says how many were
   * inserted under it, so the relay can mark a fully published batch with one update instead of one per commit.
   */
  batchId?: string;
  batchCount?: number;
  /** Set by the outbox relay on a commit it cannot publish (see OutboxRelay); absent on every healthy commit. */
  quarantined?: { reason: string; at: Date };
}

export interface RecordedEvent<Data = unknown> {
  eventId: string;
  commitId: string;
  streamId: string;
  streamType: string;
  /** 1, 2, 3… per stream. */
  revision: number;
  type: string;
  schemaVersion: number;
  data: Data;
  meta: CommitMeta;
  committedAt: Date;
}

export type ExpectedRevision = number | 'no-stream' | 'any';

export interface AppendRequest {
  streamId: string;
  streamType: string;
  expected: ExpectedRevision;
  events: NewEvent[];
  meta: CommitMeta;
  /** The command id: appending the same command again returns the first result instead of a second commit. */
  commitId: string;
  /**
   * The stream's last commit as the caller just read it (the decider runtime always has it). Saves reading the head
   * again; if it is stale the unique index still rejects the append with a ConcurrencyError.
   */
  knownHead?: StreamHead | null;
}

export interface StreamHead {
  commitSeq: number;
  revision: number;
  committedAt: Date;
}

export interface AppendResult {
  commitId: string;
  streamId: string;
  commitSeq: number;
  fromRevision: number;
  /** Revision of the stream's last event after this commit. */
  revision: number;
  /** True when this commit id had already been appended with the same content. */
  duplicate: boolean;
  /** Set by `appendNewStreams` on the result it announces to `onAppended` listeners (the relay). */
  batchId?: string;
}

const lastRevisionOf = (commit: Pick<CommitDocument, 'fromRevision' | 'events'>): number =>
  commit.fromRevision + commit.events.length - 1;

export interface EventStoreOptions {
  collectionName?: string;
  registry?: EventTypeRegistry;
  /** How often an 'any' append retries after losing a race; expected-revision appends never retry here. */
  anyRetries?: number;
  /**
   * Throws when a commit's events would not pass the integration contract of the service's topic (the outbox's
   * mapper and contracts): such a commit is refused with an IntegrationContractError and nothing is written.
   */
  checkIntegration?: (events: RecordedEvent[]) => void;
}

export class EventStore {
  readonly commits: Collection<CommitDocument>;
  private readonly appended = new EventEmitter();
  private readonly registry: EventTypeRegistry | undefined;
  private readonly anyRetries: number;
  private readonly checkIntegration: ((events: RecordedEvent[]) => void) | undefined;

  constructor(connection: Connection, options: EventStoreOptions = {}) {
    this.commits = connection.collection<CommitDocument>(
      options.collectionName ?? 'commits',
    ) as unknown as Collection<CommitDocument>;
    this.registry = options.registry;
    this.anyRetries = options.anyRetries ?? 10;
    this.checkIntegration = options.checkIntegration;
    this.appended.setMaxListeners(50);
  }

  /** Creates the indexes the guarantees rest on; call once at start-up (a unique index is not a validator). */
  async ensureIndexes(): Promise<void> {
    await this.commits.createIndex({ streamId: 1, commitSeq: 1 }, { unique: true, name: 'stream_commit_seq' });
    await this.commits.createIndex({ published: 1, committedAt: 1 }, { name: 'unpublished' });
    await this.commits.createIndex({ batchId: 1 }, { name: 'batch' });
  }

  /** Called after every local append: the outbox relay uses it to publish without polling tightly. */
  onAppended(listener: (result: AppendResult) => void): () => void {
    this.appended.on('appended', listener);
    return () => this.appended.off('appended', listener);
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    if (request.events.length === 0) throw new Error('append needs at least one event');
    const events = request.events.map((event, index) => ({
      eventId: `${request.commitId}:${index}`,
      type: event.type,
      schemaVersion: event.schemaVersion ?? this.registry?.currentVersion(event.type) ?? 1,
      data: event.data,
    }));
    const hash = payloadHash({ streamId: request.streamId, streamType: request.streamType, events });

    for (let attempt = 0; ; attempt++) {
      const last =
        attempt === 0 && request.knownHead !== undefined ? request.knownHead : await this.head(request.streamId);
      const actual = last ? last.revision : undefined;
      const matches =
        request.expected === 'any' ||
        (request.expected === 'no-stream' ? last === null : actual !== undefined && actual === request.expected);
      if (!matches) {
        const original = await this.originalIfRetried(request.commitId, hash);
        if (original) return original;
        throw new ConcurrencyError(request.streamId, request.expected, actual);
      }
      const now = new Date();
      const traceCarrier = currentTraceCarrier();
      const commit: CommitDocument = {
        _id: request.commitId,
        streamId: request.streamId,
        streamType: request.streamType,
        commitSeq: (last?.commitSeq ?? 0) + 1,
        fromRevision: (actual ?? 0) + 1,
        events,
        meta: request.meta,
        // Never earlier than the previous commit of the stream: the relay publishes in committedAt order.
        committedAt: last && last.committedAt > now ? last.committedAt : now,
        published: false,
        payloadHash: hash,
        ...(traceCarrier ? { trace: traceCarrier } : {}),
      };
      this.assertPublishable(commit);
      try {
        await this.commits.insertOne(commit);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // FerretDB does not say which index was violated: look whether the command id itself exists.
        const original = await this.originalIfRetried(request.commitId, hash);
        if (original) return original;
        if (request.expected === 'any' && attempt < this.anyRetries) continue;
        throw new ConcurrencyError(request.streamId, request.expected, actual);
      }
      const result: AppendResult = {
        commitId: commit._id,
        streamId: commit.streamId,
        commitSeq: commit.commitSeq,
        fromRevision: commit.fromRevision,
        revision: lastRevisionOf(commit),
        duplicate: false,
      };
      this.appended.emit('appended', result);
      return result;
    }
  }

  /**
   * Starts many new streams at once: one commit document per stream (revision 1), written with one unordered
   * insertMany per call instead of one round trip each. Every stream stays its own aggregate (later commands append
   * to it with optimistic concurrency as usual). A commit id that is already stored with the same content counts as
   * done (`duplicate: true`), so a retried call completes a partial one; a stream that already exists under another
   * commit id is a ConcurrencyError, and the same commit id with other content an IdempotencyConflictError. Either
   * error rejects the whole call, but the other streams of the call are written: retrying them is safe.
   */
  async appendNewStreams(requests: Omit<AppendRequest, 'expected' | 'knownHead'>[]): Promise<AppendResult[]> {
    if (requests.length === 0) return [];
    const now = new Date();
    const traceCarrier = currentTraceCarrier();
    const batchId = randomUUID();
    const commits: CommitDocument[] = requests.map((request) => {
      if (request.events.length === 0) throw new Error('append needs at least one event');
      const events = request.events.map((event, index) => ({
        eventId: `${request.commitId}:${index}`,
        type: event.type,
        schemaVersion: event.schemaVersion ?? this.registry?.currentVersion(event.type) ?? 1,
        data: event.data,
      }));
      return {
        _id: request.commitId,
        streamId: request.streamId,
        streamType: request.streamType,
        commitSeq: 1,
        fromRevision: 1,
        events,
        meta: request.meta,
        committedAt: now,
        published: false,
        payloadHash: payloadHash({ streamId: request.streamId, streamType: request.streamType, events }),
        ...(traceCarrier ? { trace: traceCarrier } : {}),
        batchId,
        batchCount: requests.length,
      };
    });
    if (new Set(commits.map((c) => c.streamId)).size !== commits.length) {
      throw new Error('appendNewStreams needs distinct stream ids');
    }
    for (const commit of commits) this.assertPublishable(commit);
    const failed = await insertNewDocuments(this.commits, commits);
    if (failed.size > 0 && failed.size < commits.length) {
      // Until this lands the relay sees the batch as incomplete and marks its commits one by one, which is also right.
      await this.commits.updateMany({ batchId }, { $set: { batchCount: commits.length - failed.size } });
    }
    const results: AppendResult[] = [];
    for (const [index, commit] of commits.entries()) {
      if (failed.has(index)) {
        const original = await this.originalIfRetried(commit._id, commit.payloadHash);
        if (!original) throw new ConcurrencyError(commit.streamId, 'no-stream', undefined);
        results.push(original);
        continue;
      }
      results.push({
        commitId: commit._id,
        streamId: commit.streamId,
        commitSeq: 1,
        fromRevision: 1,
        revision: lastRevisionOf(commit),
        duplicate: false,
      });
    }
    const first = results.find((r) => !r.duplicate);
    // One wake-up is enough for the relay: it reads every unpublished commit anyway.
    if (first) this.appended.emit('appended', { ...first, batchId });
    return results;
  }

  /** A commit the relay could never publish is refused here, before anything is written. */
  private assertPublishable(commit: CommitDocument): void {
    if (!this.checkIntegration) return;
    try {
      this.checkIntegration(this.toRecordedEvents(commit));
    } catch (error) {
      throw new IntegrationContractError(commit._id, error instanceof Error ? error.message : String(error));
    }
  }

  async head(streamId: string): Promise<StreamHead | null> {
    const last = await this.commits.findOne(
      { streamId },
      { sort: { commitSeq: -1 }, projection: { commitSeq: 1, fromRevision: 1, events: 1, committedAt: 1 } },
    );
    return last ? { commitSeq: last.commitSeq, revision: lastRevisionOf(last), committedAt: last.committedAt } : null;
  }

  private async originalIfRetried(commitId: string, hash: string): Promise<AppendResult | undefined> {
    const existing = await this.commits.findOne({ _id: commitId });
    if (!existing) return undefined;
    if (existing.payloadHash !== hash) throw new IdempotencyConflictError(commitId);
    return {
      commitId,
      streamId: existing.streamId,
      commitSeq: existing.commitSeq,
      fromRevision: existing.fromRevision,
      revision: lastRevisionOf(existing),
      duplicate: true,
    };
  }

  async readStream(streamId: string, fromRevision = 1): Promise<RecordedEvent[]> {
    return (await this.readStreamWithHead(streamId)).events.filter((e) => e.revision >= fromRevision);
  }

  async readStreamWithHead(streamId: string): Promise<{ events: RecordedEvent[]; head: StreamHead | null }> {
    const commits = await this.commits.find({ streamId }).sort({ commitSeq: 1 }).toArray();
    const events: RecordedEvent[] = [];
    for (const commit of commits) events.push(...this.toRecordedEvents(commit));
    const last = commits.at(-1);
    const head = last
      ? { commitSeq: last.commitSeq, revision: lastRevisionOf(last), committedAt: last.committedAt }
      : null;
    return { events, head };
  }

  /**
   * Several streams with one query (a page of sessions, the engagements behind a list), so a list costs one round
   * trip rather than one per stream. Streams without commits are absent from the map.
   */
  async readStreams(streamIds: readonly string[]): Promise<Map<string, { events: RecordedEvent[]; head: StreamHead }>> {
    const streams = new Map<string, { events: RecordedEvent[]; head: StreamHead }>();
    const ids = [...new Set(streamIds)];
    if (ids.length === 0) return streams;
    const commits = await this.commits.find({ streamId: { $in: ids } }).toArray();
    // Sorted here rather than by the server: FerretDB sorts in Go after scanning anyway, and order is per stream.
    commits.sort((a, b) => (a.streamId === b.streamId ? a.commitSeq - b.commitSeq : a.streamId < b.streamId ? -1 : 1));
    for (const commit of commits) {
      const head = { commitSeq: commit.commitSeq, revision: lastRevisionOf(commit), committedAt: commit.committedAt };
      const stream = streams.get(commit.streamId);
      if (stream) {
        stream.events.push(...this.toRecordedEvents(commit));
        stream.head = head;
      } else streams.set(commit.streamId, { events: this.toRecordedEvents(commit), head });
    }
    return streams;
  }

  /** The events of one commit, upcast to their current schema versions. */
  toRecordedEvents(commit: CommitDocument): RecordedEvent[] {
    return commit.events.map((event, index) => {
      const current = this.registry
        ? this.registry.upcast(event.type, event.schemaVersion, event.data)
        : { schemaVersion: event.schemaVersion, data: event.data };
      return {
        eventId: event.eventId,
        commitId: commit._id,
        streamId: commit.streamId,
        streamType: commit.streamType,
        revision: commit.fromRevision + index,
        type: event.type,
        schemaVersion: current.schemaVersion,
        data: current.data,
        meta: commit.meta,
        committedAt: commit.committedAt,
      };
    });
  }
}
