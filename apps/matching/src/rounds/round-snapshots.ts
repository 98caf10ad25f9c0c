import { createHash } from 'node:crypto';
import type { MatchingRules, MenteeProfile, MentorProfile } from '@trellis/matching/engine';
import type { RoundObjective } from '@trellis/matching/contracts';
import type { RoundPair } from '@trellis/matching/domain';
import { isDuplicateKeyError, payloadHash, stableStringify } from '@trellis/shared/event-store';
import type { Collection, Connection } from 'mongoose';

/** Exactly what a round's computation gave the engine; its hash is the round's `inputSnapshotHash`. */
export interface RoundInputSnapshot {
  problem: { mentors: MentorProfile[]; mentees: MenteeProfile[]; rules: MatchingRules };
  locked: RoundPair[];
  excluded: { menteePersonId: string; mentorPersonId: string }[];
  objective: RoundObjective;
}

/** The same as `payloadHash`, which the round records as its `inputSnapshotHash`. */
export const snapshotHashOf = (snapshot: RoundInputSnapshot): string => payloadHash(snapshot);

interface SnapshotHead {
  _id: string;
  kind: 'head';
  tenantId: string;
  hash: string;
  mentorChunks: number;
  menteeChunks: number;
  rules: MatchingRules;
  locked: RoundPair[];
  excluded: { menteePersonId: string; mentorPersonId: string }[];
  objective: RoundObjective;
  storedAt: Date;
}

interface SnapshotChunk {
  _id: string;
  kind: 'mentors' | 'mentees';
  tenantId: string;
  hash: string;
  index: number;
  items: unknown[];
}

export const ROUND_SNAPSHOTS_COLLECTION = 'round_input_snapshots';

/**
 * Round input snapshots, content-addressed: stored once per tenant and hash however many rounds or re-solves share
 * the input, in chunks of participants (FerretDB's cost is per document, and one document per participant would
 * double a round's writes), with the head written last so a head always means a complete snapshot.
 */
export class RoundSnapshots {
  private readonly docs: Collection<SnapshotHead | SnapshotChunk>;

  constructor(
    connection: Connection,
    private readonly chunkSize = 1000,
    collection = ROUND_SNAPSHOTS_COLLECTION,
  ) {
    this.docs = connection.collection(collection) as unknown as Collection<SnapshotHead | SnapshotChunk>;
  }

  /** Stores the snapshot unless this tenant already has it; returns its hash. Safe to repeat and to race. */
  async save(tenantId: string, input: RoundInputSnapshot): Promise<string> {
    return (await this.store(tenantId, input)).hash;
  }

  /** As `save`, also answering with the snapshot exactly as stored (what `load` will give back). */
  async store(tenantId: string, input: RoundInputSnapshot): Promise<{ hash: string; snapshot: RoundInputSnapshot }> {
    // Stored as hashed: without undefined fields (the driver would store them as null and the hash would not match).
    const text = stableStringify(input);
    const hash = createHash('sha256').update(text).digest('base64url');
    const snapshot = JSON.parse(text) as RoundInputSnapshot;
    const headId = `${tenantId}:${hash}`;
    if (await this.docs.findOne({ _id: headId }, { projection: { _id: 1 } })) return { hash, snapshot };
    const chunks: SnapshotChunk[] = [];
    const split = (kind: SnapshotChunk['kind'], items: unknown[]) => {
      for (let start = 0, index = 0; start < items.length; start += this.chunkSize, index++) {
        chunks.push({
          _id: `${headId}:${kind}:${index}`,
          kind,
          tenantId,
          hash,
          index,
          items: items.slice(start, start + this.chunkSize),
        });
      }
      return Math.ceil(items.length / this.chunkSize);
    };
    const mentorChunks = split('mentors', snapshot.problem.mentors);
    const menteeChunks = split('mentees', snapshot.problem.mentees);
    // Chunks are few and large; a handful per insert keeps each request well inside FerretDB's limits.
    for (let start = 0; start < chunks.length; start += 8) {
      await ignoreDuplicates(this.docs.insertMany(chunks.slice(start, start + 8), { ordered: false }));
    }
    await ignoreDuplicates(
      this.docs.insertOne({
        _id: headId,
        kind: 'head',
        tenantId,
        hash,
        mentorChunks,
        menteeChunks,
        rules: snapshot.problem.rules,
        locked: snapshot.locked,
        excluded: snapshot.excluded,
        objective: snapshot.objective,
        storedAt: new Date(),
      }),
    );
    return { hash, snapshot };
  }

  /** The snapshot as stored, checked against its hash; null when this tenant has none under that hash. */
  async load(tenantId: string, hash: string): Promise<RoundInputSnapshot | null> {
    const headId = `${tenantId}:${hash}`;
    const head = (await this.docs.findOne({ _id: headId })) as SnapshotHead | null;
    if (!head || head.kind !== 'head') return null;
    const ids = [
      ...Array.from({ length: head.mentorChunks }, (_, i) => `${headId}:mentors:${i}`),
      ...Array.from({ length: head.menteeChunks }, (_, i) => `${headId}:mentees:${i}`),
    ];
    const chunks = new Map<string, SnapshotChunk>();
    let next = 0;
    // By _id, a few at a time: FerretDB answers `$in` by scanning the collection.
    const reader = async () => {
      for (let i = next++; i < ids.length; i = next++) {
        const chunk = (await this.docs.findOne({ _id: ids[i]! })) as SnapshotChunk | null;
        if (!chunk) throw new Error(`round input snapshot ${hash} is missing chunk ${ids[i]}`);
        chunks.set(chunk._id, chunk);
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, ids.length) }, reader));
    const items = (kind: SnapshotChunk['kind'], count: number) =>
      Array.from({ length: count }, (_, i) => chunks.get(`${headId}:${kind}:${i}`)!.items).flat();
    const snapshot: RoundInputSnapshot = {
      problem: {
        mentors: items('mentors', head.mentorChunks) as MentorProfile[],
        mentees: items('mentees', head.menteeChunks) as MenteeProfile[],
        rules: head.rules,
      },
      locked: head.locked,
      excluded: head.excluded,
      objective: head.objective,
    };
    if (snapshotHashOf(snapshot) !== hash) throw new Error(`round input snapshot ${hash} does not match its hash`);
    return snapshot;
  }
}

async function ignoreDuplicates(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (isDuplicateKeyError(error)) return;
    const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (
      list.length > 0 &&
      list.every((e: { code?: number; err?: { code?: number } }) => (e.code ?? e.err?.code) === 11000)
    )
      return;
    throw error;
  }
}
