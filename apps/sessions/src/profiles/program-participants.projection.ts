import type { ParticipantRole, ProfilesEventData } from '@trellis/profiles/contracts';
import type { ProjectionDefinition, ReadModelRow, RevisionGuardedCollection } from '@trellis/shared/event-store';
import { TenantGuardError } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import type { Collection, Connection } from 'mongoose';

export const PROGRAM_PARTICIPANTS_GROUP = 'sessions.program-participants';
export const PROGRAM_PARTICIPANTS_COLLECTION = 'program_participants';

/** One row per participant stream of profiles: who takes part in which role and cohort; ids only. */
export interface ProgramParticipantRow extends Record<string, unknown> {
  tenantId: string;
  programId: string;
  personId: string;
  cohortId: string | null;
  roles: ParticipantRole[];
  /** When they (last) enrolled: a survey sent on a date asks those enrolled by then, however late the run. */
  enrolledAt: string;
  /** False once they withdrew: they keep their row (a later enrollment brings them back) but are asked nothing. */
  active: boolean;
}

/**
 * A program's participants by role and cohort from the profiles topic (ParticipantEnrolled, ParticipantRoleAdded,
 * ParticipantWithdrew), for the surveys sent on a date. Every participant event passes through the revision guard,
 * so a replay from the topic rebuilds the same rows; erasure leaves only a tombstone.
 */
export function programParticipantsProjection(
  topic: string,
  group = PROGRAM_PARTICIPANTS_GROUP,
): ProjectionDefinition<ProgramParticipantRow> {
  return {
    name: group,
    collection: PROGRAM_PARTICIPANTS_COLLECTION,
    topics: [topic],
    apply: (envelope, rows) => applyProgramParticipantEvent(envelope, rows),
  };
}

export async function applyProgramParticipantEvent(
  envelope: EventEnvelope,
  rows: RevisionGuardedCollection<ProgramParticipantRow>,
): Promise<void> {
  if (envelope.streamType !== 'participant') return;
  await rows.apply(envelope.streamId, envelope, (current) => {
    // A stream belongs to the tenant that enrolled it; another tenant's event for the same id changes nothing.
    if (current && current.tenantId !== envelope.tenantId) return current;
    switch (envelope.type) {
      case 'ParticipantEnrolled': {
        const data = envelope.data as ProfilesEventData<'ParticipantEnrolled'>;
        return {
          tenantId: envelope.tenantId,
          programId: data.programId,
          personId: data.personId,
          cohortId: data.cohortId,
          roles: [...new Set(data.roles)].sort(),
          enrolledAt: new Date(envelope.occurredAt).toISOString(),
          active: true,
        };
      }
      case 'ParticipantRoleAdded': {
        if (!current) return null;
        const { role } = envelope.data as ProfilesEventData<'ParticipantRoleAdded'>;
        return { ...current, roles: [...new Set([...current.roles, role])].sort() };
      }
      case 'ParticipantWithdrew':
        return current ? { ...current, active: false } : null;
      case 'ParticipantDataErased':
        return null;
      default:
        return current ?? null;
    }
  });
}

/** Those asked by a survey sent on a date, by role. */
export interface ParticipantsByRole {
  mentorPersonIds: string[];
  menteePersonIds: string[];
}

/** Reads a program's active participants; the tenant is always checked. */
export class ProgramParticipants {
  private readonly rows: Collection<ReadModelRow>;

  constructor(connection: Connection, collection = PROGRAM_PARTICIPANTS_COLLECTION) {
    this.rows = connection.collection<ReadModelRow>(collection) as unknown as Collection<ReadModelRow>;
  }

  async ensureIndexes(): Promise<void> {
    await this.rows.createIndex({ tenantId: 1, programId: 1, cohortId: 1 }, { name: 'program_cohort_participants' });
  }

  /**
   * The program's (or one cohort's) participants enrolled by `enrolledBy` and still active, each under every role
   * they hold.
   */
  async active(
    tenantId: string,
    programId: string,
    enrolledBy: string,
    cohortId?: string,
  ): Promise<ParticipantsByRole> {
    if (!tenantId) throw new TenantGuardError('no tenant id');
    const found = (await this.rows
      .find({
        tenantId,
        programId,
        ...(cohortId === undefined ? {} : { cohortId }),
        enrolledAt: { $lte: enrolledBy },
        active: true,
        _deleted: { $ne: true },
      })
      .toArray()) as unknown as ProgramParticipantRow[];
    const holding = (role: ParticipantRole) =>
      found.filter((row) => row.roles.includes(role)).map((row) => row.personId);
    return { mentorPersonIds: holding('mentor'), menteePersonIds: holding('mentee') };
  }
}
