import {
  participantIdFor,
  participantStreamId,
  PROFILES_TOPIC,
  type ParticipantRole,
  type ProfilesEventData,
  programStreamId,
} from '@trellis/profiles/contracts';
import {
  type ProjectionDefinition,
  type RevisionGuardedCollection,
  TenantGuardError,
} from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import { enrolledParticipant, evolveParticipantLifecycle, type MembershipStatus } from './participant-lifecycle';
import type { Collection, Connection } from 'mongoose';

/** One row per participant stream and one per program stream, each following its own stream's revisions. */
export type MembershipRow =
  | {
      kind: 'participant';
      tenantId: string;
      programId: string;
      personId: string;
      participantId: string;
      roles: ParticipantRole[];
      status: MembershipStatus;
    }
  | { kind: 'program'; tenantId: string; programId: string; managerPersonIds: string[]; archived: boolean };

type ParticipantRow = Extract<MembershipRow, { kind: 'participant' }>;
type ProgramRow = Extract<MembershipRow, { kind: 'program' }>;

export const MEMBERSHIPS_COLLECTION = 'memberships';

/**
 * Who is what in which program, built from profiles events (docs/architecture.md §9). Every service registers this
 * projection under its own consumer group and authorizes from its own copy: no service asks profiles at request time.
 */
export function membershipsProjection(service: string): ProjectionDefinition<MembershipRow> {
  return {
    name: `${service}.memberships`,
    collection: MEMBERSHIPS_COLLECTION,
    topics: [PROFILES_TOPIC],
    apply: async (envelope, rows) => {
      await applyMembershipEvent(envelope, rows);
    },
  };
}

export async function applyMembershipEvent(
  envelope: EventEnvelope,
  rows: RevisionGuardedCollection<MembershipRow>,
): Promise<void> {
  const { tenantId } = envelope;
  if (envelope.streamType === 'program') {
    await rows.apply(envelope.streamId, envelope, (current) => {
      const row: ProgramRow =
        current?.kind === 'program'
          ? current
          : { kind: 'program', tenantId, programId: envelope.programId ?? '', managerPersonIds: [], archived: false };
      const data = envelope.data as { personId?: string };
      switch (envelope.type) {
        case 'ProgramManagerAssigned':
          return { ...row, managerPersonIds: [...new Set([...row.managerPersonIds, data.personId ?? ''])] };
        case 'ProgramManagerUnassigned':
          return { ...row, managerPersonIds: row.managerPersonIds.filter((id) => id !== data.personId) };
        case 'ProgramArchived':
          return { ...row, archived: true };
        default:
          return row;
      }
    });
    return;
  }
  if (envelope.streamType !== 'participant') return;
  await rows.apply(envelope.streamId, envelope, (current) => {
    const row = current?.kind === 'participant' ? current : undefined;
    const lifecycle = evolveParticipantLifecycle(row, envelope);
    if (lifecycle !== undefined) return lifecycle;
    switch (envelope.type) {
      case 'ParticipantEnrolled':
        return enrolledParticipant(tenantId, envelope.data as ProfilesEventData<'ParticipantEnrolled'>);
      default:
        return row ?? null;
    }
  });
}

export interface Membership {
  tenantId: string;
  programId: string;
  personId: string;
  roles: Array<ParticipantRole | 'manager'>;
  status: MembershipStatus | null;
  participantId: string | null;
}

/** Reads the memberships projection; every lookup is by id and checks the tenant. */
export class MembershipDirectory {
  private readonly rows: Collection<MembershipRow & { _id: string; _deleted?: boolean }>;

  constructor(connection: Connection, collection = MEMBERSHIPS_COLLECTION) {
    this.rows = connection.collection(collection) as unknown as Collection<
      MembershipRow & { _id: string; _deleted?: boolean }
    >;
  }

  async membership(tenantId: string, programId: string, personId: string): Promise<Membership | null> {
    if (!tenantId) throw new TenantGuardError('no tenant id');
    const [program, participant] = await Promise.all([
      this.rows.findOne({ _id: programStreamId(programId), tenantId }),
      this.rows.findOne({ _id: participantStreamId(participantIdFor(programId, personId)), tenantId }),
    ]);
    const roles: Membership['roles'] = [];
    const programRow = program && !program._deleted && program.kind === 'program' ? program : null;
    if (!programRow) return null;
    if (programRow.managerPersonIds.includes(personId)) roles.push('manager');
    const participantRow =
      participant && !participant._deleted && participant.kind === 'participant' ? participant : null;
    if (participantRow && participantRow.status !== 'withdrawn') roles.push(...participantRow.roles);
    if (roles.length === 0) return null;
    return {
      tenantId,
      programId,
      personId,
      roles,
      status: participantRow?.status ?? null,
      participantId: participantRow?.participantId ?? null,
    };
  }

  async programExists(tenantId: string, programId: string): Promise<boolean> {
    const row = await this.rows.findOne({ _id: programStreamId(programId), tenantId });
    return row !== null && !row._deleted;
  }
}

export type { ParticipantRow as ParticipantMembershipRow, ProgramRow as ProgramMembershipRow };
