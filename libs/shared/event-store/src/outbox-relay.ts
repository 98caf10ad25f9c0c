import type { EventEnvelope, OutgoingBatch } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics, TraceCarrier } from '@trellis/shared/observability';
import type { Connection } from 'mongoose';
import type { CommitDocument, EventStore, RecordedEvent } from './event-store';
import { Lease } from './lease';
import { WakeableDelay } from './wakeable-delay';

/** What a commit's event becomes on Kafka: ids, tags, enums, numbers, times. `null` keeps the event private. */
export type IntegrationMapper = (event: RecordedEvent) => { type: string; data: Record<string, unknown> } | null;

export interface OutboxRelayOptions {
  store: EventStore;
  connection: Connection;
  topic: string;
  publish: (batches: OutgoingBatch[]) => Promise<void>;
  toIntegrationEvent?: IntegrationMapper;
  logger: Logger;
  metrics?: ServiceMetrics;
  /** Lease lifetime: a second instance takes over this long after the active one stops renewing. */
  leaseTtlMs?: number;
  batchSize?: number;
  /**
   * How long a bulk batch (`appendNewStreams`) that is still incomplete in the read is held back so it can be
   * published whole and marked with one update; after that (the writer died half-way) it is published as it is.
   */
  batchGraceMs?: number;
  /** How many commits of a batch are marked published at once (one update by _id each); default 8. */
  markConcurrency?: number;
  /** Safety-net poll for commits appended by other processes; local appends wake the relay at once. */
  idlePollMs?: number;
  /** Test hook: runs after the broker acknowledged a batch and before it is marked published. */
  afterPublish?: (commits: CommitDocument[]) => Promise<void>;
  /**
   * The topic's contract check of one envelope (throws when it fails). A commit whose event fails it — or whose mapper
   * throws — is quarantined instead of retried forever in front of every later commit.
   */
  validate?: (envelope: EventEnvelope) => void;
  /** How often quarantined commits are checked again, so that a deployed fix releases them (default 60 s). */
  quarantineRecheckMs?: number;
}

const defaultMapper: IntegrationMapper = (event) => ({ type: event.type, data: event.data as Record<string, unknown> });

export function toEnvelope(
  event: RecordedEvent,
  mapped: { type: string; data: Record<string, unknown> },
): EventEnvelope {
  return {
    id: event.eventId,
    type: mapped.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamType: event.streamType,
    revision: event.revision,
    occurredAt: event.committedAt.toISOString(),
    tenantId: event.meta.tenantId,
    ...(event.meta.programId ? { programId: event.meta.programId } : {}),
    correlationId: event.meta.correlationId,
    ...(event.meta.causationId ? { causationId: event.meta.causationId } : {}),
    ...(event.meta.actor ? { actor: event.meta.actor } : {}),
    data: mapped.data,
  };
}

/**
 * Publishes commits with `published: false` to Kafka in per-stream order, then marks them published. A crash between
 * the two republishes the batch: consumers dedupe by revision and event id. Only the holder of the lease publishes,
 * so two instances never interleave one stream's events.
 *
 * A commit whose event cannot pass the topic's contract (the event store refuses such appends; this is the second
 * line, for commits written before a contract changed or by a store without the check) is quarantined: marked with
 * `quarantined` on its document, logged at error and counted, and the relay carries on with the next. Per-stream
 * order wins over freshness: the later commits of that stream stay in the outbox, unpublished, behind it (consumers
 * would otherwise meet a revision gap), while every other stream flows. The relay checks quarantined commits again
 * at start and every `quarantineRecheckMs`, so deploying a fixed mapper or contract releases the stream in order.
 */
export class OutboxRelay {
  private readonly lease: Lease;
  private readonly leaseTtlMs: number;
  private readonly batchSize: number;
  private readonly markConcurrency: number;
  private readonly batchGraceMs: number;
  private readonly idlePollMs: number;
  private readonly toIntegrationEvent: IntegrationMapper;
  private readonly quarantineRecheckMs: number;
  private nextQuarantineCheck = 0;
  /** Streams held behind a quarantined commit, as of the last ordered read. */
  private heldStreams: string[] = [];
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly delay = new WakeableDelay();
  private unsubscribe: (() => void) | undefined;
  /** Bulk batches appended by this process and not yet seen published, oldest first. */
  private readonly pendingBatches = new Set<string>();

  constructor(private readonly options: OutboxRelayOptions) {
    this.leaseTtlMs = options.leaseTtlMs ?? 5000;
    this.lease = new Lease(options.connection, {
      collection: 'outbox_leases',
      name: `relay:${options.store.commits.collectionName}`,
      ttlMs: this.leaseTtlMs,
    });
    this.batchSize = options.batchSize ?? 500;
    this.markConcurrency = options.markConcurrency ?? 8;
    this.batchGraceMs = options.batchGraceMs ?? 30_000;
    this.idlePollMs = options.idlePollMs ?? 1000;
    this.toIntegrationEvent = options.toIntegrationEvent ?? defaultMapper;
    this.quarantineRecheckMs = options.quarantineRecheckMs ?? 60_000;
  }

  get isLeader(): boolean {
    return this.lease.held;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.options.store.onAppended((result) => {
      // Bounded: a relay that is not the leader hears of batches it will never publish itself.
      if (result.batchId && this.pendingBatches.size < 10_000) this.pendingBatches.add(result.batchId);
      this.wake();
    });
    this.loop = this.run();
  }

  /** Stops after the batch in progress; releases the lease so another instance takes over at once. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loop;
    if (this.lease.held) await this.lease.release();
  }

  /**
   * Stops without releasing the lease or finishing cleanly, as a crashed process would; tests use it to prove
   * that another instance takes over once the lease expires.
   */
  async abandon(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loop?.catch(() => undefined);
  }

  wake(): void {
    this.delay.wake();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.lease.hold())) {
          await this.delay.wait(Math.max(200, this.leaseTtlMs / 4));
          continue;
        }
        const published = await this.publishOneBatch();
        if (published === 0) await this.delay.wait(this.idlePollMs);
      } catch (error) {
        this.options.logger.error({ err: error }, 'outbox relay batch failed; retrying');
        await this.delay.wait(500);
      }
    }
  }

  private async publishOneBatch(): Promise<number> {
    const startedAt = performance.now();
    const batch = await this.nextPendingBatch();
    if (batch) return this.publishCommits(batch, 0, startedAt);
    await this.refreshQuarantine();
    const read = await this.options.store.commits
      .find(this.heldStreams.length ? { published: false, streamId: { $nin: this.heldStreams } } : { published: false })
      .sort({ committedAt: 1, streamId: 1, commitSeq: 1 })
      .limit(this.batchSize)
      .toArray();
    if (read.length === 0) {
      this.options.metrics?.relayBacklog.set(0);
      this.options.metrics?.relayOldestUnpublishedAge.set(0);
      return 0;
    }
    const commits = this.withoutIncompleteBatches(read);
    // Only a bulk batch still being written: wait for the rest of it (the append's wake-up or the next poll).
    if (commits.length === 0) return 0;
    // Per-stream order holds: append never dates a commit before its predecessor in the stream.
    return this.publishCommits(commits, read.length - commits.length, startedAt);
  }

  /**
   * The unpublished commits of a bulk batch this process appended, read by batch id. FerretDB sorts in its Go layer,
   * so the ordered read of the backlog costs as much as the whole backlog each time; a batch id is a plain equality.
   * Publishing a batch ahead of older commits keeps per-stream order: each of its commits is the first of its stream,
   * and a later commit of such a stream is published only after it (the ordered read would meet the first one first).
   */
  private async nextPendingBatch(): Promise<CommitDocument[] | null> {
    for (const batchId of this.pendingBatches) {
      const commits = await this.options.store.commits
        .find({ batchId, published: false, quarantined: { $exists: false } })
        .toArray();
      if (commits.length > 0) return commits.sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
      this.pendingBatches.delete(batchId);
    }
    return null;
  }

  /**
   * The streams held behind a quarantined commit; now and then the quarantined commits are checked again, and those
   * that pass now (a fixed mapper or contract was deployed) lose their mark and are published in order.
   */
  private async refreshQuarantine(): Promise<void> {
    const quarantined = await this.options.store.commits
      .find({ published: false, quarantined: { $exists: true } })
      .toArray();
    const held = new Set<string>();
    const recheck = Date.now() >= this.nextQuarantineCheck;
    if (recheck) this.nextQuarantineCheck = Date.now() + this.quarantineRecheckMs;
    for (const commit of quarantined) {
      if (recheck && this.envelopesOf(commit).ok) {
        await this.options.store.commits.updateOne({ _id: commit._id }, { $unset: { quarantined: '' } });
        this.options.logger.warn(
          { commitId: commit._id, streamId: commit.streamId },
          'outbox relay released a quarantined commit: it passes its contract now',
        );
        continue;
      }
      held.add(commit.streamId);
    }
    this.heldStreams = [...held];
    this.options.metrics?.relayHeld.set(this.heldStreams.length);
  }

  /** A commit's envelopes, each checked against the topic's contract; or why it cannot be published. */
  private envelopesOf(
    commit: CommitDocument,
  ): { ok: true; envelopes: EventEnvelope[] } | { ok: false; reason: string } {
    try {
      const envelopes: EventEnvelope[] = [];
      for (const event of this.options.store.toRecordedEvents(commit)) {
        const mapped = this.toIntegrationEvent(event);
        if (!mapped) continue;
        const envelope = toEnvelope(event, mapped);
        this.options.validate?.(envelope);
        envelopes.push(envelope);
      }
      return { ok: true, envelopes };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private async quarantine(commit: CommitDocument, reason: string): Promise<void> {
    const mark: CommitDocument['quarantined'] = { reason: reason.slice(0, 2000), at: new Date() };
    await this.options.store.commits.updateOne({ _id: commit._id }, { $set: { quarantined: mark } });
    this.options.metrics?.relayQuarantined.inc();
    this.options.logger.error(
      { commitId: commit._id, streamId: commit.streamId, streamType: commit.streamType, reason },
      'outbox relay quarantined a commit whose event fails its contract; later commits of its stream wait behind it',
    );
  }

  private async publishCommits(read: CommitDocument[], held: number, startedAt: number): Promise<number> {
    const envelopes: EventEnvelope[] = [];
    const traceContexts: Record<string, TraceCarrier> = {};
    const commits: CommitDocument[] = [];
    const blocked = new Set<string>();
    for (const commit of read) {
      // Behind a commit quarantined in this very batch: it waits with the rest of its stream.
      if (blocked.has(commit.streamId)) continue;
      const checked = this.envelopesOf(commit);
      if (!checked.ok) {
        await this.quarantine(commit, checked.reason);
        blocked.add(commit.streamId);
        continue;
      }
      commits.push(commit);
      envelopes.push(...checked.envelopes);
      if (commit.trace) for (const envelope of checked.envelopes) traceContexts[envelope.id] = commit.trace;
    }
    if (blocked.size > 0) {
      this.heldStreams = [...new Set([...this.heldStreams, ...blocked])];
      this.options.metrics?.relayHeld.set(this.heldStreams.length);
    }
    if (commits.length === 0) return read.length;
    // Counting the whole backlog would scan the commits on FerretDB at every batch; the batch read says enough.
    this.options.metrics?.relayBacklog.set(commits.length);
    const oldest = commits[0]?.committedAt.getTime() ?? Date.now();
    this.options.metrics?.relayOldestUnpublishedAge.set((Date.now() - oldest) / 1000);
    // Reading a large backlog can take a while on FerretDB: renew (or find out we lost) the lease before sending.
    if (!(await this.lease.hold())) return 0;
    const readAt = performance.now();
    if (envelopes.length) await this.options.publish([{ topic: this.options.topic, envelopes, traceContexts }]);
    const sentAt = performance.now();
    await this.options.afterPublish?.(commits);
    if (!this.running) return 0;
    await this.markPublished(commits);
    this.options.logger.debug(
      {
        commits: commits.length,
        held,
        byBatchId: held === 0 && commits.every((c) => c.batchId !== undefined && c.batchId === commits[0]?.batchId),
        readMs: Math.round(readAt - startedAt),
        sendMs: Math.round(sentAt - readAt),
        markMs: Math.round(performance.now() - sentAt),
      },
      'outbox relay batch published',
    );
    this.options.metrics?.relayPublished.inc(envelopes.length);
    return read.length;
  }

  /**
   * The read up to the first commit of a bulk batch that is not wholly in it — cut off by the read limit, or still
   * being inserted — so that the batch is published whole next time and marked with one update. Only a suffix is
   * left out, so per-stream order holds. Published as read regardless: a batch larger than the read limit, a read
   * that would otherwise be empty although full (commits of other streams interleaved with the batch), and a batch
   * older than the grace period (its writer died half-way).
   */
  private withoutIncompleteBatches(read: CommitDocument[]): CommitDocument[] {
    const inRead = new Map<string, number>();
    for (const c of read) if (c.batchId) inRead.set(c.batchId, (inRead.get(c.batchId) ?? 0) + 1);
    const youngSince = Date.now() - this.batchGraceMs;
    const cut = read.findIndex(
      (c) =>
        c.batchId !== undefined &&
        c.batchCount !== undefined &&
        c.batchCount <= this.batchSize &&
        inRead.get(c.batchId)! < c.batchCount &&
        c.committedAt.getTime() > youngSince,
    );
    if (cut < 0) return read;
    if (cut === 0 && read.length === this.batchSize) return read;
    return read.slice(0, cut);
  }

  /**
   * A batch written by `appendNewStreams` whose commits were all published just now is marked with one update on
   * its batch id (FerretDB's cost is per operation, not per document); every other commit with one update by _id —
   * not one `$in` update, which FerretDB answers by scanning the whole collection.
   */
  private async markPublished(commits: CommitDocument[]): Promise<void> {
    const inRead = new Map<string, number>();
    for (const c of commits) if (c.batchId) inRead.set(c.batchId, (inRead.get(c.batchId) ?? 0) + 1);
    const wholeBatches = new Set<string>();
    for (const c of commits) {
      if (c.batchId && c.batchCount !== undefined && inRead.get(c.batchId) === c.batchCount)
        wholeBatches.add(c.batchId);
    }
    const ids = commits.filter((c) => !c.batchId || !wholeBatches.has(c.batchId)).map((c) => c._id);
    const batches = [...wholeBatches];
    const markers = Array.from({ length: Math.min(this.markConcurrency, ids.length + batches.length) }, async () => {
      for (let batchId = batches.pop(); batchId !== undefined; batchId = batches.pop()) {
        await this.options.store.commits.updateMany({ batchId }, { $set: { published: true } });
      }
      for (let id = ids.pop(); id !== undefined; id = ids.pop()) {
        await this.options.store.commits.updateOne({ _id: id }, { $set: { published: true } });
      }
    });
    await Promise.all(markers);
  }
}
