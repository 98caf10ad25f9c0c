import type { MatchingEventData } from '@trellis/matching/contracts';
import { circleStreamId } from '@trellis/matching/domain';
import {
  type ProjectionDefinition,
  type ReadModelRow,
  type RevisionGuardedCollection,
  TenantScopedCollection,
} from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import type { Collection, Connection } from 'mongoose';

export interface CircleMemberEntry {
  personId: string;
  participantId: string;
  joinedAt: string;
  via: 'self' | 'manager' | 'round' | null;
}

export interface CircleRow extends Record<string, unknown> {
  kind: 'circle';
  tenantId: string;
  programId: string;
  circleId: string;
  mentorPersonId: string;
  mentorParticipantId: string;
  maxSize: number;
  selfJoin: boolean;
  status: 'open' | 'closed';
  members: CircleMemberEntry[];
  createdAt: string;
  closedAt: string | null;
}

export const CIRCLES_COLLECTION = 'circles';

/**
 * Circles as people see them (lead, size, members), from the service's own published events, like the relationships
 * read model: one row per circle stream, so replaying matching.events.v1 rebuilds it exactly.
 */
export function circlesProjection(topic: string, collection = CIRCLES_COLLECTION): ProjectionDefinition<CircleRow> {
  return {
    name: 'matching.circles',
    collection,
    topics: [topic],
    apply: (envelope, rows) => applyCircleEvent(envelope, rows),
  };
}

export async function applyCircleEvent(envelope: EventEnvelope, rows: RevisionGuardedCollection<CircleRow>) {
  if (envelope.streamType !== 'circle') return;
  const { tenantId, occurredAt } = envelope;
  await rows.apply(envelope.streamId, envelope, (row) => {
    switch (envelope.type) {
      case 'CircleCreated': {
        const d = envelope.data as MatchingEventData<'CircleCreated'>;
        return {
          kind: 'circle',
          tenantId,
          programId: d.programId,
          circleId: d.circleId,
          mentorPersonId: d.mentorPersonId,
          mentorParticipantId: d.mentorParticipantId,
          maxSize: d.maxSize,
          selfJoin: d.selfJoin ?? true,
          status: 'open',
          members: [],
          createdAt: occurredAt,
          closedAt: null,
        };
      }
      case 'CircleMemberJoined': {
        const d = envelope.data as MatchingEventData<'CircleMemberJoined'>;
        if (!row) return null;
        const others = row.members.filter((m) => m.personId !== d.menteePersonId);
        const entry = { personId: d.menteePersonId, participantId: d.menteeParticipantId, joinedAt: occurredAt };
        return { ...row, members: [...others, { ...entry, via: d.via ?? null }] };
      }
      case 'CircleMemberLeft': {
        const d = envelope.data as MatchingEventData<'CircleMemberLeft'>;
        return row ? { ...row, members: row.members.filter((m) => m.personId !== d.menteePersonId) } : null;
      }
      case 'CircleClosed':
        return row ? { ...row, status: 'closed', closedAt: occurredAt } : null;
      default:
        return row ?? null;
    }
  });
}

type StoredCircleRow = ReadModelRow & CircleRow;

/** Reads circles for one tenant through the tenant guard. */
export class Circles {
  private readonly rows: Collection<StoredCircleRow>;

  constructor(connection: Connection, collection = CIRCLES_COLLECTION) {
    this.rows = connection.collection<StoredCircleRow>(collection) as unknown as Collection<StoredCircleRow>;
  }

  private scoped(tenantId: string): TenantScopedCollection<StoredCircleRow> {
    return new TenantScopedCollection(this.rows, tenantId);
  }

  async circle(tenantId: string, circleId: string): Promise<CircleRow | null> {
    const row = await this.scoped(tenantId).findOne({ _id: circleStreamId(circleId) });
    return row && !row._deleted ? strip(row) : null;
  }

  /** Every circle of a program, open first, then by creation. */
  async inProgram(tenantId: string, programId: string): Promise<CircleRow[]> {
    const rows = await this.scoped(tenantId).find({ programId, kind: 'circle' });
    return rows
      .filter((r) => !r._deleted)
      .map(strip)
      .sort((a, b) => (a.status === b.status ? a.createdAt.localeCompare(b.createdAt) : a.status === 'open' ? -1 : 1));
  }
}

function strip(row: StoredCircleRow): CircleRow {
  const { _id, _revision, _deleted, ...rest } = row;
  return rest as CircleRow;
}
