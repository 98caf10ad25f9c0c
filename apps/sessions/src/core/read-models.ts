import type { EngagementState, SessionState } from '@trellis/sessions/domain';
import { isDuplicateKeyError, TenantScopedCollection } from '@trellis/shared/event-store';
import type { Collection, Connection } from 'mongoose';

export interface EngagementRow {
  _id: string;
  tenantId: string;
  programId: string;
  status: EngagementState['status'];
  mentorPersonId: string;
  menteePersonId: string;
  health: EngagementState['health']['status'];
  _revision: number;
  updatedAt: Date;
}

export interface SessionRow {
  _id: string;
  tenantId: string;
  programId: string;
  status: SessionState['status'];
  kind: SessionState['kind'];
  mentorshipId: string | null;
  hostPersonId: string;
  /** Host and invitees: the people whose calendars this session blocks. */
  personIds: string[];
  startsAt: string;
  endsAt: string;
  timezone: string;
  sequence: number;
  /** Feedback ratings given so far (numbers only; the texts stay sealed in the event store). */
  ratings: number[];
  _revision: number;
  updatedAt: Date;
}

/**
 * The sessions service's own rows, written right after each stream's commit (they answer "who is busy when" and
 * "which tenant owns this stream" for the next command). A row is replaced only by a higher revision, so
 * concurrent writers and retries converge. Sealed text stays in the event store; these rows hold none.
 */
export class SessionsReadModels {
  readonly engagements: Collection<EngagementRow>;
  readonly sessions: Collection<SessionRow>;

  constructor(connection: Connection) {
    this.engagements = connection.collection<EngagementRow>('engagements') as unknown as Collection<EngagementRow>;
    this.sessions = connection.collection<SessionRow>('sessions') as unknown as Collection<SessionRow>;
  }

  engagementsOf(tenantId: string): TenantScopedCollection<EngagementRow> {
    return new TenantScopedCollection(this.engagements, tenantId);
  }

  sessionsOf(tenantId: string): TenantScopedCollection<SessionRow> {
    return new TenantScopedCollection(this.sessions, tenantId);
  }

  async writeEngagement(tenantId: string, state: EngagementState, revision: number): Promise<void> {
    await replaceIfNewer(this.engagements, state.mentorshipId, revision, {
      tenantId,
      programId: state.programId,
      status: state.status,
      mentorPersonId: state.mentorPersonId,
      menteePersonId: state.menteePersonId,
      health: state.health.status,
      updatedAt: new Date(),
    });
  }

  async writeSession(tenantId: string, state: SessionState, revision: number): Promise<void> {
    await replaceIfNewer(this.sessions, state.sessionId, revision, {
      tenantId,
      programId: state.programId,
      status: state.status,
      kind: state.kind,
      mentorshipId: state.mentorshipId ?? null,
      hostPersonId: state.hostPersonId,
      personIds: [state.hostPersonId, ...state.inviteePersonIds],
      startsAt: state.startsAt,
      endsAt: state.endsAt,
      timezone: state.timezone,
      sequence: state.sequence,
      ratings: Object.values(state.feedback)
        .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
        .map((f) => f.rating),
      updatedAt: new Date(),
    });
  }

  /** Scheduled sessions of any of these people that overlap [startsAt, endsAt) (canonical UTC ISO strings sort). */
  async busy(
    tenantId: string,
    personIds: string[],
    startsAt: string,
    endsAt: string,
  ): Promise<Array<{ sessionId: string; startsAt: string; endsAt: string; personIds: string[] }>> {
    const rows = await this.sessionsOf(tenantId).find({
      status: 'scheduled',
      personIds: { $in: personIds },
      startsAt: { $lt: endsAt },
      endsAt: { $gt: startsAt },
    });
    return rows.map((r) => ({ sessionId: r._id, startsAt: r.startsAt, endsAt: r.endsAt, personIds: r.personIds }));
  }
}

async function replaceIfNewer<Row extends { _id: string }>(
  collection: Collection<Row>,
  id: string,
  revision: number,
  row: Record<string, unknown>,
): Promise<void> {
  for (;;) {
    const current = (await collection.findOne({ _id: id } as never)) as { _revision?: number } | null;
    const currentRevision = current?._revision ?? 0;
    if (currentRevision >= revision) return;
    const replacement = { ...row, _revision: revision };
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
      // A concurrent writer inserted first; compare revisions again.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
