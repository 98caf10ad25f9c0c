import { randomUUID } from 'node:crypto';
import type { MatchingFactor, MatchingRules, ParticipantRole, ProgramSettings } from '@trellis/profiles/contracts';
import { participantIdFor, type ParticipantState, type ProgramState, type Question } from '@trellis/profiles/domain';
import type { Principal } from '@trellis/shared/auth';
import { DomainError } from '@trellis/shared/event-store';
import type { PersonKeyStore } from '@trellis/shared/privacy';
import type { ParticipantRow, ProfilesReadModels, ProgramRow } from '../core/read-models';
import type { CommandOptions, ProfilesStore } from '../core/profiles-store';
import type { PlainProfile, ProfileSealer } from '../core/sealing';
import type { MatchingRulesInput, ProfileInput, ProgramSettingsInput, QuestionInput } from '../graphql/profiles.types';
import { nameSearch } from './name-search';
import { mergeProfileInput, parseRoles } from './profile-input';

export interface ParticipantView extends Omit<ParticipantRow, 'profile' | '_revision' | 'tenantId'> {
  profile: PlainProfile;
  /** What this viewer may see beyond the public profile (email, answers, manager reference). */
  privileged: boolean;
  self: boolean;
}

export interface ParticipantQuery {
  role?: ParticipantRole;
  status?: string;
  cohortId?: string;
  department?: string;
  skill?: string;
  language?: string;
  /** Words of the display name; names are sealed, so they are opened and compared here, not in the database. */
  name?: string;
}

const notFound = (what: string) => new DomainError('NOT_FOUND', `No such ${what}.`);
const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

/**
 * Profiles' use cases with their access rules: org admins run their organization, program managers their programs,
 * participants their own profile; mentees and mentors see each other's public profile within a program, never a
 * peer of their own role, and nobody sees another organization at all (reported as "not found").
 */
export class ProfilesService {
  constructor(
    private readonly store: ProfilesStore,
    private readonly readModels: ProfilesReadModels,
    private readonly sealer: ProfileSealer,
    private readonly keys: PersonKeyStore,
  ) {}

  // ── access ────────────────────────────────────────────────────────────────────────────────────────────────────

  async programRow(principal: Principal, programId: string): Promise<ProgramRow> {
    const row = await this.readModels.programsOf(principal.tenantId).findOne({ _id: programId });
    if (!row) throw notFound('program');
    return row;
  }

  private async ownParticipation(principal: Principal, programId: string): Promise<ParticipantRow | null> {
    const row = await this.readModels
      .participantsOf(principal.tenantId)
      .findOne({ _id: participantIdFor(programId, principal.personId) });
    return row && !('erased' in row && row.erased) && row.status !== 'withdrawn' ? row : null;
  }

  isManager(principal: Principal, program: ProgramRow): boolean {
    return principal.orgAdmin || program.managerPersonIds.includes(principal.personId);
  }

  /** For use cases outside this class that only managers may run (bulk import). */
  async changeProgramGuard(principal: Principal, programId: string): Promise<ProgramRow> {
    return this.requireManager(principal, programId);
  }

  private async requireManager(principal: Principal, programId: string): Promise<ProgramRow> {
    const program = await this.programRow(principal, programId);
    if (!this.isManager(principal, program)) {
      if (!(await this.canSeeProgram(principal, program))) throw notFound('program');
      throw forbidden('Only the program’s managers and org admins can do this.');
    }
    return program;
  }

  private async canSeeProgram(principal: Principal, program: ProgramRow): Promise<boolean> {
    if (this.isManager(principal, program)) return true;
    if (program.status === 'enrollment-open') return true;
    return (await this.ownParticipation(principal, program.programId)) !== null;
  }

  private requireOrgAdmin(principal: Principal): void {
    if (!principal.orgAdmin) throw forbidden('Only an org admin can do this.');
  }

  private async participantRow(principal: Principal, participantId: string): Promise<ParticipantRow> {
    const row = await this.readModels.participantsOf(principal.tenantId).findOne({ _id: participantId });
    if (!row || ('erased' in row && row.erased)) throw notFound('participant');
    return row;
  }

  /** Who may read a participant: themselves, managers, and participants of the complementary role. */
  private async viewAccess(principal: Principal, row: ParticipantRow): Promise<'privileged' | 'public' | 'none'> {
    if (row.personId === principal.personId) return 'privileged';
    const program = await this.programRow(principal, row.programId);
    if (this.isManager(principal, program)) return 'privileged';
    if (row.status === 'withdrawn') return 'none';
    const own = await this.ownParticipation(principal, row.programId);
    if (!own) return 'none';
    const complementary =
      (own.roles.includes('mentee') && row.roles.includes('mentor')) ||
      (own.roles.includes('mentor') && row.roles.includes('mentee'));
    return complementary ? 'public' : 'none';
  }

  private async requireSelfOrManager(principal: Principal, participantId: string): Promise<ParticipantRow> {
    const row = await this.participantRow(principal, participantId);
    const access = await this.viewAccess(principal, row);
    if (access === 'none') throw notFound('participant');
    if (row.personId !== principal.personId && access !== 'privileged') {
      throw forbidden('You can only change your own participation.');
    }
    return row;
  }

  private async requireSelf(principal: Principal, participantId: string): Promise<ParticipantRow> {
    const row = await this.participantRow(principal, participantId);
    if (row.personId !== principal.personId) {
      if ((await this.viewAccess(principal, row)) === 'none') throw notFound('participant');
      throw forbidden('You can only edit your own profile.');
    }
    return row;
  }

  // ── organization ──────────────────────────────────────────────────────────────────────────────────────────────

  organization(principal: Principal) {
    return this.readModels.organizationOf(principal.tenantId);
  }

  async changeOrganization(
    principal: Principal,
    command: Parameters<ProfilesStore['executeOrganization']>[1],
    options: CommandOptions,
  ) {
    this.requireOrgAdmin(principal);
    return this.store.executeOrganization(principal, command, options);
  }

  // ── programs ──────────────────────────────────────────────────────────────────────────────────────────────────

  async program(principal: Principal, programId: string): Promise<ProgramRow> {
    const program = await this.programRow(principal, programId);
    if (!(await this.canSeeProgram(principal, program))) throw notFound('program');
    return program;
  }

  async programs(principal: Principal, status?: string): Promise<ProgramRow[]> {
    const rows = await this.readModels
      .programsOf(principal.tenantId)
      .find(status ? { status: status as ProgramRow['status'] } : {});
    const visible: ProgramRow[] = [];
    for (const row of rows) if (await this.canSeeProgram(principal, row)) visible.push(row);
    return visible.sort((a, b) => a.name.localeCompare(b.name));
  }

  async createProgram(
    principal: Principal,
    input: { name: string; description?: string | null; settings?: ProgramSettingsInput | null },
    options: CommandOptions,
  ): Promise<ProgramRow> {
    this.requireOrgAdmin(principal);
    const programId = randomUUID();
    await this.store.executeProgram(
      principal,
      programId,
      {
        type: 'CreateProgram',
        programId,
        details: { name: input.name, description: input.description ?? '' },
        settings: settingsFrom(input.settings),
      },
      options,
    );
    return this.programRow(principal, programId);
  }

  async duplicateProgram(principal: Principal, sourceId: string, name: string, options: CommandOptions) {
    const source = await this.requireManager(principal, sourceId);
    this.requireOrgAdmin(principal);
    const programId = randomUUID();
    await this.store.executeProgram(
      principal,
      programId,
      {
        type: 'CreateProgram',
        programId,
        details: { name, description: source.description },
        settings: source.settings,
        matchingRules: source.matchingRules,
        questions: source.questions,
        copiedFromProgramId: sourceId,
      },
      options,
    );
    return this.programRow(principal, programId);
  }

  async changeProgram(
    principal: Principal,
    programId: string,
    command: Parameters<ProfilesStore['executeProgram']>[2],
    options: CommandOptions,
  ): Promise<ProgramRow> {
    if (command.type === 'AssignProgramManager' || command.type === 'UnassignProgramManager') {
      await this.programRow(principal, programId);
      this.requireOrgAdmin(principal);
    } else {
      await this.requireManager(principal, programId);
    }
    await this.store.executeProgram(principal, programId, command, options);
    return this.programRow(principal, programId);
  }

  // ── participants ──────────────────────────────────────────────────────────────────────────────────────────────

  async enroll(
    principal: Principal,
    programId: string,
    input: {
      personId?: string | null;
      roles: string[];
      cohortId?: string | null;
      mentorCapacity?: number | null;
      profile: ProfileInput;
    },
    options: CommandOptions,
  ): Promise<ParticipantView> {
    const personId = input.personId ?? principal.personId;
    const invited = personId !== principal.personId;
    if (invited) await this.requireManager(principal, programId);
    else {
      const program = await this.programRow(principal, programId);
      if (!(await this.canSeeProgram(principal, program))) throw notFound('program');
    }
    const program = await this.store.programFacts(principal.tenantId, programId);
    const participantId = participantIdFor(programId, personId);
    const plain = mergeProfileInput(input.profile, null);
    const profile = await this.sealer.seal(principal.tenantId, personId, plain);
    await this.store.executeParticipant(
      principal,
      programId,
      participantId,
      {
        type: 'Enroll',
        participantId,
        personId,
        roles: parseRoles(input.roles),
        cohortId: input.cohortId ?? null,
        mentorCapacity: input.mentorCapacity ?? null,
        invited,
        profile,
        program,
      },
      options,
    );
    return this.participant(principal, participantId);
  }

  async updateProfile(principal: Principal, participantId: string, input: ProfileInput, options: CommandOptions) {
    const row = await this.requireSelf(principal, participantId);
    const current = row.profile ? await this.sealer.open(row.profile) : null;
    const plain = mergeProfileInput(input, current);
    const program = await this.store.programFacts(principal.tenantId, row.programId);
    const profile = await this.sealer.seal(principal.tenantId, row.personId, plain);
    await this.store.executeParticipant(
      principal,
      row.programId,
      participantId,
      { type: 'UpdateProfile', profile, program },
      options,
    );
    return this.participant(principal, participantId);
  }

  async changeParticipation(
    principal: Principal,
    participantId: string,
    change:
      | { type: 'AddRole'; role: string }
      | { type: 'ChangeMentorCapacity'; capacity: number }
      | { type: 'Pause'; until: string | null }
      | { type: 'Resume' }
      | { type: 'Withdraw' },
    options: CommandOptions,
  ): Promise<ParticipantView | null> {
    const row =
      change.type === 'AddRole'
        ? await this.requireSelf(principal, participantId)
        : await this.requireSelfOrManager(principal, participantId);
    const program = await this.store.programFacts(principal.tenantId, row.programId);
    const command = (() => {
      switch (change.type) {
        case 'AddRole':
          return { type: 'AddRole' as const, role: parseRoles([change.role])[0] ?? 'mentor', program };
        case 'ChangeMentorCapacity':
          return { type: 'ChangeMentorCapacity' as const, capacity: change.capacity, program };
        case 'Pause': {
          if (change.until !== null && Number.isNaN(Date.parse(change.until))) {
            throw new DomainError('BAD_USER_INPUT', 'The pause end is not a date-time.', { field: 'until' });
          }
          return { type: 'Pause' as const, until: change.until, now: new Date().toISOString() };
        }
        default:
          return change;
      }
    })();
    await this.store.executeParticipant(principal, row.programId, participantId, command, options);
    return this.participant(principal, participantId);
  }

  async participant(principal: Principal, participantId: string): Promise<ParticipantView> {
    const row = await this.participantRow(principal, participantId);
    const access = await this.viewAccess(principal, row);
    if (access === 'none') throw notFound('participant');
    return this.view(principal, row, access === 'privileged');
  }

  /**
   * Entity lookups of a whole GraphQL response in one go (called by the per-request DataLoader): one query for the
   * rows, one per distinct program for the program and the caller's own participation, one for all the keys.
   */
  async participantsByIds(principal: Principal, ids: readonly string[]): Promise<Array<ParticipantView | Error>> {
    const rows = await this.readModels.participantsOf(principal.tenantId).find({ _id: { $in: [...new Set(ids)] } });
    const byId = new Map(rows.filter((r) => !('erased' in r && r.erased) && r.profile).map((r) => [r._id, r]));
    const programIds = [...new Set([...byId.values()].map((r) => r.programId))];
    const programs = new Map<string, { program: ProgramRow | null; own: ParticipantRow | null }>();
    await Promise.all(
      programIds.map(async (programId) => {
        const program = await this.readModels.programsOf(principal.tenantId).findOne({ _id: programId });
        const own =
          program && !this.isManager(principal, program) ? await this.ownParticipation(principal, programId) : null;
        programs.set(programId, { program, own });
      }),
    );
    const visible = new Map<string, { row: ParticipantRow; privileged: boolean }>();
    for (const row of byId.values()) {
      const context = programs.get(row.programId);
      if (!context?.program) continue;
      const access = this.accessFrom(principal, row, context.program, context.own);
      if (access !== 'none') visible.set(row._id, { row, privileged: access === 'privileged' });
    }
    const views = await this.views(principal, [...visible.values()]);
    return ids.map((id) => views.get(id) ?? notFound('participant'));
  }

  private accessFrom(
    principal: Principal,
    row: ParticipantRow,
    program: ProgramRow,
    own: ParticipantRow | null,
  ): 'privileged' | 'public' | 'none' {
    if (row.personId === principal.personId) return 'privileged';
    if (this.isManager(principal, program)) return 'privileged';
    if (row.status === 'withdrawn' || !own) return 'none';
    const complementary =
      (own.roles.includes('mentee') && row.roles.includes('mentor')) ||
      (own.roles.includes('mentor') && row.roles.includes('mentee'));
    return complementary ? 'public' : 'none';
  }

  private async views(
    principal: Principal,
    entries: Array<{ row: ParticipantRow; privileged: boolean }>,
  ): Promise<Map<string, ParticipantView>> {
    const withProfiles = entries.filter((e) => e.row.profile !== null);
    const opened = await this.sealer.openMany(
      withProfiles.map((e) => ({
        personId: e.row.personId,
        profile: e.row.profile as NonNullable<ParticipantRow['profile']>,
      })),
    );
    const views = new Map<string, ParticipantView>();
    withProfiles.forEach(({ row, privileged }, index) => {
      const { profile: _profile, _revision: _r, tenantId: _t, ...rest } = row;
      const profile = opened[index];
      if (profile) views.set(row._id, { ...rest, profile, privileged, self: row.personId === principal.personId });
    });
    return views;
  }

  async view(principal: Principal, row: ParticipantRow, privileged: boolean): Promise<ParticipantView> {
    const { profile, _revision: _r, tenantId: _t, ...rest } = row;
    if (!profile) throw notFound('participant');
    return {
      ...rest,
      profile: await this.sealer.open(profile),
      privileged,
      self: row.personId === principal.personId,
    };
  }

  async participants(
    principal: Principal,
    programId: string,
    filter: ParticipantQuery,
    first: number,
    after: string | null,
  ): Promise<{ rows: ParticipantView[]; hasNextPage: boolean; totalCount: number }> {
    if (first < 1 || first > 100) {
      throw new DomainError('BAD_USER_INPUT', 'Ask for 1 to 100 participants per page.', { field: 'first' });
    }
    const program = await this.programRow(principal, programId);
    const manager = this.isManager(principal, program);
    const own = manager ? null : await this.ownParticipation(principal, programId);
    if (!manager && !own) {
      if (!(await this.canSeeProgram(principal, program))) throw notFound('program');
      throw forbidden('Only participants and managers of this program can list its participants.');
    }
    // A participant browses the other side: mentees see mentors, mentors see mentees.
    const visibleRoles: ParticipantRole[] = manager
      ? ['mentor', 'mentee']
      : [
          ...(own?.roles.includes('mentee') ? ['mentor' as const] : []),
          ...(own?.roles.includes('mentor') ? ['mentee' as const] : []),
        ];
    const roles = filter.role ? visibleRoles.filter((r) => r === filter.role) : visibleRoles;
    const query: Record<string, unknown> = { programId, erased: { $ne: true }, roles: { $in: roles } };
    if (filter.status) query['status'] = filter.status;
    else if (!manager) query['status'] = { $ne: 'withdrawn' };
    if (filter.cohortId) query['cohortId'] = filter.cohortId;
    if (filter.department) query['profile.department'] = filter.department.trim().toLowerCase();
    if (filter.language) query['profile.languages'] = filter.language.trim().toLowerCase();
    if (!manager) query['personId'] = { $ne: principal.personId };
    const participants = this.readModels.participantsOf(principal.tenantId);
    const open = async (page: ParticipantRow[]) =>
      this.views(
        principal,
        page.map((row) => ({ row, privileged: manager })),
      ).then((views) => page.flatMap((row) => views.get(row._id) ?? []));

    if (!filter.skill && nameSearch(filter.name ?? '') === null) {
      // Without a filter on sealed text or nested lists the database pages by itself: a page of a program of
      // thousands reads its own rows and a count, not every participant's sealed profile.
      const [totalCount, rows] = await Promise.all([
        participants.countDocuments(query),
        participants.find(after ? { ...query, _id: { $gt: decodeCursor(after) } } : query, {
          sort: { _id: 1 },
          limit: first + 1,
        }),
      ]);
      const page = rows.slice(0, first);
      return { rows: await open(page), hasNextPage: rows.length > first, totalCount };
    }

    const matching = (await participants.find(query)).filter((row) => {
      if (filter.skill) {
        const skill = filter.skill.trim().toLowerCase();
        const offered = row.profile?.skillsOffered.some((s) => s.skill === skill) ?? false;
        const sought = row.profile?.skillsSought.includes(skill) ?? false;
        if (!offered && !sought) return false;
      }
      return true;
    });
    const rows = await this.withName(matching, filter.name);
    rows.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    const start = after ? rows.findIndex((r) => r._id > decodeCursor(after)) : 0;
    const page = start < 0 ? [] : rows.slice(start, start + first);
    return {
      rows: await open(page),
      hasNextPage: start >= 0 && start + first < rows.length,
      totalCount: rows.length,
    };
  }

  private async withName(rows: ParticipantRow[], search: string | undefined): Promise<ParticipantRow[]> {
    const matches = search === undefined ? null : nameSearch(search);
    if (!matches) return rows;
    const withProfiles = rows.filter(
      (row): row is ParticipantRow & { profile: NonNullable<ParticipantRow['profile']> } => row.profile !== null,
    );
    const names = await this.sealer.openDisplayNames(
      withProfiles.map((row) => ({ personId: row.personId, profile: row.profile })),
    );
    return withProfiles.filter((_, index) => matches(names[index] ?? ''));
  }

  async me(principal: Principal): Promise<{ participations: ParticipantView[]; managedPrograms: ProgramRow[] }> {
    const rows = await this.readModels
      .participantsOf(principal.tenantId)
      .find({ personId: principal.personId, erased: { $ne: true } });
    const programs = await this.readModels.programsOf(principal.tenantId).find({});
    return {
      participations: await this.views(
        principal,
        rows.map((row) => ({ row, privileged: true })),
      ).then((views) => rows.flatMap((row) => views.get(row._id) ?? [])),
      managedPrograms: programs.filter((p) => p.managerPersonIds.includes(principal.personId)),
    };
  }

  /**
   * Erasure on request (docs/architecture.md §7): every participation of the person in this organization records
   * ParticipantDataErased (which tells every other service to delete its rows), then the person's key is shredded so
   * the sealed text in the commits can never be read again.
   */
  async erasePerson(principal: Principal, personId: string, options: CommandOptions): Promise<number> {
    if (personId !== principal.personId && !principal.orgAdmin) {
      throw forbidden('Only the person themselves or an org admin can erase a person’s data.');
    }
    const rows = await this.readModels.participantsOf(principal.tenantId).find({ personId, erased: { $ne: true } });
    if (rows.length === 0 && personId !== principal.personId) throw notFound('person');
    let erased = 0;
    for (const row of rows) {
      const state: ParticipantState = await this.store.executeParticipant(
        principal,
        row.programId,
        row._id,
        { type: 'EraseData' },
        { commandId: options.commandId ? `${options.commandId}:${row._id}` : undefined },
      );
      if (state.erased) erased += 1;
    }
    await this.keys.shred(personId);
    return erased;
  }
}

export function encodeCursor(id: string): string {
  return Buffer.from(id).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id))
    throw new DomainError('BAD_USER_INPUT', 'The cursor is not valid.', { field: 'after' });
  return id;
}

export function settingsFrom(input: ProgramSettingsInput | null | undefined): Partial<ProgramSettings> {
  if (!input) return {};
  // Null clears the retention period (messages kept); for every other setting null and absent both mean "unchanged".
  return Object.fromEntries(
    Object.entries(input).filter(([k, v]) => v !== undefined && (v !== null || k === 'conversationRetentionDays')),
  );
}

export function rulesFrom(input: MatchingRulesInput): MatchingRules {
  const weights: Partial<Record<MatchingFactor, number>> = {};
  for (const { factor, weight } of input.weights) weights[factor] = weight;
  return {
    weights,
    hardRules: {
      ...input.hardRules,
      maxTimezoneGapHours: input.hardRules.maxTimezoneGapHours ?? null,
      minSeniorityGap: input.hardRules.minSeniorityGap ?? null,
    },
    objective: input.objective,
  } as MatchingRules;
}

export function questionsFrom(input: QuestionInput[]): Question[] {
  return input.map((q) => ({
    questionId: q.questionId,
    kind: q.kind,
    text: q.text,
    options: q.options ?? [],
    optionIds: (q.options ?? []).map((o) => o.optionId),
    ...(q.scaleMin != null ? { scaleMin: q.scaleMin } : {}),
    ...(q.scaleMax != null ? { scaleMax: q.scaleMax } : {}),
    usedForMatching: q.usedForMatching,
    weight: q.weight,
    matchingMode: q.matchingMode ?? 'similar',
  }));
}

export type { ProgramState };
