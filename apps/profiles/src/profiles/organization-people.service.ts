import type { Principal } from '@trellis/shared/auth';
import { DomainError } from '@trellis/shared/event-store';
import { ERASED } from '@trellis/shared/privacy';
import type { mongo } from 'mongoose';
import type { ParticipantRow, ProfilesReadModels } from '../core/read-models';
import type { ProfileSealer } from '../core/sealing';
import { nameSearch } from './name-search';
import type { ProfilesService } from './profiles.service';

/** A person of the organization as the console names them: null where they have no readable profile. */
export interface PersonName {
  personId: string;
  displayName: string | null;
}

/**
 * People of the organization by name, for those who run its programs. Identity knows people only by id and a person
 * needs no profile to manage a program, so a person's name is the one of their most recent participant profile in
 * the organization; an erased person (rows erased or key shredded) has none.
 */
export class OrganizationPeopleService {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly readModels: ProfilesReadModels,
    private readonly sealer: ProfileSealer,
  ) {}

  /** The program's managers with their names; null for a viewer who neither manages the program nor is org admin. */
  async managersOf(principal: Principal, programId: string): Promise<PersonName[] | null> {
    const program = await this.profiles.programRow(principal, programId);
    if (!this.profiles.isManager(principal, program)) return null;
    if (program.managerPersonIds.length === 0) return [];
    const names = await this.latestNames(principal.tenantId, { personId: { $in: program.managerPersonIds } });
    return program.managerPersonIds.map((personId) => ({ personId, displayName: names.get(personId) ?? null }));
  }

  /** Org admins pick a person of the organization by name (every word of the search in the name, as elsewhere). */
  async search(principal: Principal, search: string, first: number): Promise<PersonName[]> {
    if (!principal.orgAdmin) throw new DomainError('FORBIDDEN', 'Only an org admin can do this.');
    if (first < 1 || first > 50) {
      throw new DomainError('BAD_USER_INPUT', 'Ask for 1 to 50 people.', { field: 'first' });
    }
    const matches = nameSearch(search);
    if (!matches) return [];
    const names = await this.latestNames(principal.tenantId, {});
    return [...names]
      .filter(([, name]) => matches(name))
      .sort(([a, nameA], [b, nameB]) => nameA.localeCompare(nameB, 'en') || a.localeCompare(b))
      .slice(0, first)
      .map(([personId, displayName]) => ({ personId, displayName }));
  }

  private async latestNames(tenantId: string, filter: mongo.Filter<ParticipantRow>): Promise<Map<string, string>> {
    const rows = await this.readModels
      .participantsOf(tenantId)
      .find({ ...filter, erased: { $ne: true } }, { sort: { updatedAt: -1, _id: 1 } });
    const latest = new Map<string, { personId: string; profile: NonNullable<ParticipantRow['profile']> }>();
    for (const { personId, profile } of rows) {
      if (profile && !latest.has(personId)) latest.set(personId, { personId, profile });
    }
    const people = [...latest.values()];
    const names = await this.sealer.openDisplayNames(people);
    return new Map(
      people.flatMap(({ personId }, index) => {
        const name = names[index] ?? '';
        return name === '' || name === ERASED ? [] : [[personId, name] as const];
      }),
    );
  }
}
