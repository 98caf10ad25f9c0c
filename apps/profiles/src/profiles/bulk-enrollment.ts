import type { ParticipantRole } from '@trellis/profiles/contracts';
import { participantIdFor, type ProgramFacts } from '@trellis/profiles/domain';
import type { DomainError } from '@trellis/shared/event-store';
import type { PersonKeyStore } from '@trellis/shared/privacy';
import type { NewParticipant, ProfilesStore } from '../core/profiles-store';
import type { ProfileSealer } from '../core/sealing';
import type { ProfileInput } from '../graphql/profiles.types';
import { mergeProfileInput } from './profile-input';

export const BULK_CHUNK_SIZE = 500;

export interface BulkEnrollee {
  personId: string;
  roles: ParticipantRole[];
  cohortId: string | null;
  mentorCapacity: number | null;
  profile: ProfileInput;
  /** Deterministic per program and person, so a repeated or resumed run finds what it wrote before. */
  commandId: string;
}

export interface BulkEnrollmentOptions {
  /** The person enrolls themselves (the demo seed) rather than being invited by `actorPersonId` (an import). */
  selfEnrolled: boolean;
  chunkSize?: number;
}

/**
 * Enrollment of many people in one program, chunk by chunk: per chunk one key lookup and one key insert for all
 * people, one append of all their commits and one write of all their rows, where a single enrollment costs each of
 * these per person. The access check is the caller's.
 */
export class BulkEnrollment {
  constructor(
    private readonly store: ProfilesStore,
    private readonly sealer: ProfileSealer,
    private readonly keys: PersonKeyStore,
  ) {}

  /** One entry per enrollee, in order: null when enrolled (now or by an earlier run), else why not. */
  async enroll(
    actor: { tenantId: string; personId: string },
    program: ProgramFacts,
    people: readonly BulkEnrollee[],
    options: BulkEnrollmentOptions,
  ): Promise<Array<DomainError | null>> {
    const size = options.chunkSize ?? BULK_CHUNK_SIZE;
    const outcomes: Array<DomainError | null> = [];
    for (let start = 0; start < people.length; start += size) {
      const chunk = people.slice(start, start + size);
      await this.keys.ensureKeys(
        actor.tenantId,
        chunk.map((p) => p.personId),
      );
      const entries: NewParticipant[] = await Promise.all(
        chunk.map(async (person) => {
          const participantId = participantIdFor(program.programId, person.personId);
          return {
            commandId: person.commandId,
            actorPersonId: options.selfEnrolled ? person.personId : actor.personId,
            command: {
              type: 'Enroll' as const,
              participantId,
              personId: person.personId,
              roles: person.roles,
              cohortId: person.cohortId,
              mentorCapacity: person.mentorCapacity,
              invited: !options.selfEnrolled,
              profile: await this.sealer.seal(actor.tenantId, person.personId, mergeProfileInput(person.profile, null)),
              program,
            },
          };
        }),
      );
      const results = await this.store.executeNewParticipants(actor.tenantId, program.programId, entries);
      outcomes.push(...results.map((r) => (r.ok ? null : r.error)));
    }
    return outcomes;
  }
}
