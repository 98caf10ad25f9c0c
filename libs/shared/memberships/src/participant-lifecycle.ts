import type { ParticipantRole, ProfilesEventData } from '@trellis/profiles/contracts';
import type { EventEnvelope } from '@trellis/shared/messaging';

export type MembershipStatus = 'active' | 'paused' | 'withdrawn';

/** What every read model of profiles' participant streams keeps of a participant the same way. */
export interface ParticipantLifecycle {
  roles: ParticipantRole[];
  status: MembershipStatus;
}

/** The participant row every projection starts from when a person enrols: who, where, with which roles, active. */
export function enrolledParticipant(tenantId: string, data: ProfilesEventData<'ParticipantEnrolled'>) {
  return {
    kind: 'participant' as const,
    tenantId,
    programId: data.programId,
    personId: data.personId,
    participantId: data.participantId,
    roles: data.roles,
    status: 'active' as MembershipStatus,
  };
}

/**
 * A participant row after a role, pause, resume, withdrawal or erasure event; `undefined` when the event is none of
 * these, so the projection applies its own. An event for a participant the row never saw enrolled leaves no row, and
 * erasure leaves only the tombstone the revision guard needs (docs/architecture.md §7).
 */
export function evolveParticipantLifecycle<Row extends ParticipantLifecycle>(
  row: Row | undefined,
  envelope: EventEnvelope,
): Row | null | undefined {
  switch (envelope.type) {
    case 'ParticipantRoleAdded': {
      const { role } = envelope.data as ProfilesEventData<'ParticipantRoleAdded'>;
      return row ? { ...row, roles: [...new Set([...row.roles, role])] } : null;
    }
    case 'ParticipantPaused':
      return row ? { ...row, status: 'paused' } : null;
    case 'ParticipantResumed':
      return row ? { ...row, status: 'active' } : null;
    case 'ParticipantWithdrew':
      return row ? { ...row, status: 'withdrawn' } : null;
    case 'ParticipantDataErased':
      return null;
    default:
      return undefined;
  }
}
