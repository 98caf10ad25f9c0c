import type { EndReason, MatchingEventData } from '@trellis/matching/contracts';
import {
  type ProjectionDefinition,
  type ReadModelRow,
  type RevisionGuardedCollection,
  TenantScopedCollection,
} from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import type { Collection, Connection } from 'mongoose';

export interface MentorshipRow extends Record<string, unknown> {
  kind: 'mentorship';
  tenantId: string;
  programId: string;
  mentorshipId: string;
  mentorPersonId: string;
  menteePersonId: string;
  mentorParticipantId: string;
  menteeParticipantId: string;
  format: 'one-on-one' | 'group';
  circleId: string | null;
  origin: 'request' | 'proposal';
  status: 'active' | 'paused' | 'ended';
  startedAt: string;
  endedAt: string | null;
  endReason: EndReason | null;
  rematchRequested: boolean;
}

export interface RequestRow extends Record<string, unknown> {
  kind: 'request';
  tenantId: string;
  programId: string;
  requestId: string;
  mentorPersonId: string;
  menteePersonId: string;
  status: 'open' | 'accepted' | 'declined' | 'expired' | 'withdrawn';
  expiresAt: string;
  requestedAt: string;
  closedReason: string | null;
  mentorshipId: string | null;
}

export interface ProposalRow extends Record<string, unknown> {
  kind: 'proposal';
  tenantId: string;
  programId: string;
  proposalId: string;
  roundId: string;
  mentorPersonId: string;
  menteePersonId: string;
  score: number;
  respondBy: string;
  mentorAccepted: boolean;
  menteeAccepted: boolean;
  status: 'proposed' | 'declined';
  declineReason: string | null;
}

export type RelationshipRow = MentorshipRow | RequestRow | ProposalRow;

export const RELATIONSHIPS_COLLECTION = 'relationships';

/**
 * Mentorships, requests and proposals as people see them (history per person), from the service's own published
 * events, so the read side is rebuilt from matching.events.v1 like any other consumer's.
 */
export function relationshipsProjection(
  topic: string,
  collection = RELATIONSHIPS_COLLECTION,
): ProjectionDefinition<RelationshipRow> {
  return {
    name: 'matching.relationships',
    collection,
    topics: [topic],
    apply: (envelope, rows) => applyRelationshipEvent(envelope, rows),
  };
}

export async function applyRelationshipEvent(
  envelope: EventEnvelope,
  rows: RevisionGuardedCollection<RelationshipRow>,
): Promise<void> {
  const { tenantId, occurredAt } = envelope;
  switch (envelope.streamType) {
    case 'mentorship':
      await rows.apply(envelope.streamId, envelope, (current) => {
        const row = current?.kind === 'mentorship' ? current : undefined;
        switch (envelope.type) {
          case 'MentorshipStarted': {
            const d = envelope.data as MatchingEventData<'MentorshipStarted'>;
            return {
              kind: 'mentorship',
              tenantId,
              programId: d.programId,
              mentorshipId: d.mentorshipId,
              mentorPersonId: d.mentorPersonId,
              menteePersonId: d.menteePersonId,
              mentorParticipantId: d.mentorParticipantId,
              menteeParticipantId: d.menteeParticipantId,
              format: d.format,
              circleId: d.circleId ?? null,
              origin: d.origin,
              status: 'active',
              startedAt: occurredAt,
              endedAt: null,
              endReason: null,
              rematchRequested: false,
            };
          }
          case 'MentorshipPaused':
            return row ? { ...row, status: 'paused' } : null;
          case 'MentorshipResumed':
            return row ? { ...row, status: 'active' } : null;
          case 'MentorshipEnded': {
            const d = envelope.data as MatchingEventData<'MentorshipEnded'>;
            return row ? { ...row, status: 'ended', endedAt: occurredAt, endReason: d.reason } : null;
          }
          case 'RematchRequested':
            return row ? { ...row, rematchRequested: true } : null;
          default:
            return row ?? null;
        }
      });
      return;
    case 'mentorship-request':
      await rows.apply(envelope.streamId, envelope, (current) => {
        const row = current?.kind === 'request' ? current : undefined;
        switch (envelope.type) {
          case 'MentorshipRequested': {
            const d = envelope.data as MatchingEventData<'MentorshipRequested'>;
            return {
              kind: 'request',
              tenantId,
              programId: d.programId,
              requestId: d.requestId,
              mentorPersonId: d.mentorPersonId,
              menteePersonId: d.menteePersonId,
              status: 'open',
              expiresAt: d.expiresAt,
              requestedAt: occurredAt,
              closedReason: null,
              mentorshipId: null,
            };
          }
          case 'MentorshipRequestAccepted': {
            const d = envelope.data as MatchingEventData<'MentorshipRequestAccepted'>;
            return row ? { ...row, status: 'accepted', mentorshipId: d.mentorshipId } : null;
          }
          case 'MentorshipRequestDeclined':
            return row
              ? { ...row, status: 'declined', closedReason: (envelope.data as { reason: string }).reason }
              : null;
          case 'MentorshipRequestExpired':
            return row ? { ...row, status: 'expired' } : null;
          case 'MentorshipRequestWithdrawn':
            return row
              ? { ...row, status: 'withdrawn', closedReason: (envelope.data as { reason: string }).reason }
              : null;
          default:
            return row ?? null;
        }
      });
      return;
    case 'proposal':
      await rows.apply(envelope.streamId, envelope, (current) => {
        const row = current?.kind === 'proposal' ? current : undefined;
        switch (envelope.type) {
          case 'MatchProposed': {
            const d = envelope.data as MatchingEventData<'MatchProposed'>;
            return {
              kind: 'proposal',
              tenantId,
              programId: d.programId,
              proposalId: d.proposalId,
              roundId: d.roundId,
              mentorPersonId: d.mentorPersonId,
              menteePersonId: d.menteePersonId,
              score: d.score,
              respondBy: d.respondBy,
              mentorAccepted: false,
              menteeAccepted: false,
              status: 'proposed',
              declineReason: null,
            };
          }
          case 'ProposalAccepted': {
            const d = envelope.data as MatchingEventData<'ProposalAccepted'>;
            if (!row) return null;
            return d.side === 'mentor' ? { ...row, mentorAccepted: true } : { ...row, menteeAccepted: true };
          }
          case 'ProposalDeclined': {
            const d = envelope.data as MatchingEventData<'ProposalDeclined'>;
            return row ? { ...row, status: 'declined', declineReason: d.reason } : null;
          }
          default:
            return row ?? null;
        }
      });
      return;
    default:
      return;
  }
}

type Stored = ReadModelRow & RelationshipRow;

/** Reads mentorships, requests and proposals of one tenant through the tenant guard. */
export class Relationships {
  private readonly rows: Collection<Stored>;

  constructor(connection: Connection, collection = RELATIONSHIPS_COLLECTION) {
    this.rows = connection.collection<Stored>(collection) as unknown as Collection<Stored>;
  }

  private scoped(tenantId: string) {
    return new TenantScopedCollection(this.rows, tenantId);
  }

  async mentorshipsOf(tenantId: string, personId: string, programId?: string): Promise<MentorshipRow[]> {
    const scoped = this.scoped(tenantId);
    const filter = { kind: 'mentorship' as const, ...(programId ? { programId } : {}) };
    const [asMentor, asMentee] = await Promise.all([
      scoped.find({ ...filter, mentorPersonId: personId }),
      scoped.find({ ...filter, menteePersonId: personId }),
    ]);
    return [...asMentor, ...asMentee].filter((r) => !r._deleted) as MentorshipRow[];
  }

  async activeMentorships(tenantId: string, programId: string): Promise<MentorshipRow[]> {
    const rows = await this.scoped(tenantId).find({ kind: 'mentorship', programId });
    return rows.filter((r) => !r._deleted && r.kind === 'mentorship' && r.status !== 'ended') as MentorshipRow[];
  }

  async mentorshipPairs(tenantId: string, programId: string): Promise<MentorshipRow[]> {
    const rows = await this.scoped(tenantId).find({ kind: 'mentorship', programId });
    return rows.filter((r) => !r._deleted) as MentorshipRow[];
  }

  async requestsOf(tenantId: string, personId: string): Promise<RequestRow[]> {
    const scoped = this.scoped(tenantId);
    const [asMentor, asMentee] = await Promise.all([
      scoped.find({ kind: 'request', mentorPersonId: personId }),
      scoped.find({ kind: 'request', menteePersonId: personId }),
    ]);
    return [...asMentor, ...asMentee].filter((r) => !r._deleted) as RequestRow[];
  }

  async openRequests(tenantId: string, programId: string): Promise<RequestRow[]> {
    const rows = await this.scoped(tenantId).find({ kind: 'request', programId, status: 'open' });
    return rows.filter((r) => !r._deleted) as RequestRow[];
  }

  async proposalsOf(tenantId: string, personId: string): Promise<ProposalRow[]> {
    const scoped = this.scoped(tenantId);
    const [asMentor, asMentee] = await Promise.all([
      scoped.find({ kind: 'proposal', mentorPersonId: personId }),
      scoped.find({ kind: 'proposal', menteePersonId: personId }),
    ]);
    return [...asMentor, ...asMentee].filter((r) => !r._deleted) as ProposalRow[];
  }
}
