import {
  participantIdFor,
  participantStreamId,
  type AvailabilityWindow,
  type ProfilesEventData,
} from '@trellis/profiles/contracts';
import { availabilityFromProfile, type PersonAvailability } from '@trellis/sessions/domain';
import type { ProjectionDefinition, ReadModelRow, RevisionGuardedCollection } from '@trellis/shared/event-store';
import { TenantGuardError } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import type { Collection, Connection } from 'mongoose';

export const AVAILABILITY_GROUP = 'sessions.participant-availability';
export const AVAILABILITY_COLLECTION = 'participant_availability';

/** One row per participant stream of profiles: the stated weekly windows in the participant's own zone. */
export interface AvailabilityRow extends Record<string, unknown> {
  tenantId: string;
  programId: string;
  personId: string;
  timezone: string;
  windows: AvailabilityWindow[];
}

/**
 * Stated availability from the profiles topic (ParticipantEnrolled, ParticipantProfileUpdated). Every participant
 * event passes through the revision guard, even those that change nothing here, so the row's revision follows its
 * stream's and a replay from the topic rebuilds the same rows. Erasure leaves only a tombstone.
 */
export function availabilityProjection(
  topic: string,
  group = AVAILABILITY_GROUP,
): ProjectionDefinition<AvailabilityRow> {
  return {
    name: group,
    collection: AVAILABILITY_COLLECTION,
    topics: [topic],
    apply: (envelope, rows) => applyAvailabilityEvent(envelope, rows),
  };
}

export async function applyAvailabilityEvent(
  envelope: EventEnvelope,
  rows: RevisionGuardedCollection<AvailabilityRow>,
): Promise<void> {
  if (envelope.streamType !== 'participant') return;
  await rows.apply(envelope.streamId, envelope, (current) => {
    switch (envelope.type) {
      case 'ParticipantEnrolled':
      case 'ParticipantProfileUpdated': {
        const data = envelope.data as ProfilesEventData<'ParticipantProfileUpdated'>;
        return {
          tenantId: envelope.tenantId,
          programId: data.programId,
          personId: data.personId,
          timezone: data.profile.timezone,
          windows: data.profile.availability,
        };
      }
      case 'ParticipantDataErased':
        return null;
      default:
        return current ?? null;
    }
  });
}

/** Reads stated availability by id (participant stream of the program and person); the tenant is always checked. */
export class AvailabilityDirectory {
  private readonly rows: Collection<ReadModelRow>;

  constructor(connection: Connection, collection = AVAILABILITY_COLLECTION) {
    this.rows = connection.collection<ReadModelRow>(collection) as unknown as Collection<ReadModelRow>;
  }

  /** People who stated nothing in this program (or are unknown here) are left out: any time suits them. */
  async forProgram(tenantId: string, programId: string, personIds: string[]): Promise<PersonAvailability[]> {
    if (!tenantId) throw new TenantGuardError('no tenant id');
    const found = await Promise.all(
      [...new Set(personIds)].map((personId) =>
        this.rows.findOne({
          _id: participantStreamId(participantIdFor(programId, personId)),
          tenantId,
          _deleted: { $ne: true },
        }),
      ),
    );
    return found.flatMap((row) => {
      if (!row) return [];
      const data = row as unknown as AvailabilityRow;
      return [availabilityFromProfile(data.personId, { timezone: data.timezone, availability: data.windows })];
    });
  }
}
