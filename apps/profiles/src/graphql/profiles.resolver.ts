import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { DomainError } from '@trellis/shared/event-store';
import { CurrentPrincipal, type GraphqlContext, Loaders, type RequestLoaders } from '@trellis/shared/graphql';
import { OrganizationPeopleService } from '../profiles/organization-people.service';
import { ParticipantImportService } from '../profiles/participant-import.service';
import {
  encodeCursor,
  type ParticipantView,
  ProfilesService,
  questionsFrom,
  rulesFrom,
  settingsFrom,
} from '../profiles/profiles.service';
import { toParticipant, toProgram } from './profiles.mappers';
import {
  ErasureReport,
  ImportReport,
  MatchingRulesInput,
  Me,
  Organization,
  Participant,
  ParticipantConnection,
  ParticipantFilter,
  ParticipantRoleEnum,
  PersonName,
  ProfileInput,
  Program,
  ProgramSettingsInput,
  ProgramStatusEnum,
  QuestionInput,
} from './profiles.types';

const commandIdArg = { name: 'commandId', type: () => ID, nullable: true, description: 'Idempotency key for retries' };
type Role = (typeof ParticipantRoleEnum)[keyof typeof ParticipantRoleEnum];

function participantLoader(loaders: RequestLoaders, service: ProfilesService, principal: Principal) {
  return loaders.get<string, ParticipantView>('participantById', (ids) => service.participantsByIds(principal, ids));
}

@Resolver(() => Program)
export class ProgramResolver {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly people: OrganizationPeopleService,
  ) {}

  @Query(() => Program, { description: 'A program you manage, take part in, or may enroll in' })
  async program(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return toProgram(await this.profiles.program(principal, id));
  }

  @Query(() => [Program])
  async programs(
    @CurrentPrincipal() principal: Principal,
    @Args('status', { type: () => ProgramStatusEnum, nullable: true }) status?: string,
  ) {
    return (await this.profiles.programs(principal, status)).map(toProgram);
  }

  @ResolveReference()
  // Apollo calls __resolveReference(reference, context, info); with no parameter decorators Nest passes them as is.
  async resolveReference(reference: { id: string }, context: GraphqlContext) {
    return toProgram(await this.profiles.program(context.principal, reference.id));
  }

  @ResolveField(() => [PersonName], {
    nullable: true,
    description: 'The managers by name; only for the program’s managers and org admins',
  })
  async managers(@CurrentPrincipal() principal: Principal, @Parent() program: Program): Promise<PersonName[] | null> {
    return this.people.managersOf(principal, program.id);
  }

  @Query(() => [PersonName], { description: 'Org admins find people of the organization by name' })
  async organizationPeople(
    @CurrentPrincipal() principal: Principal,
    @Args('search') search: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first = 10,
  ): Promise<PersonName[]> {
    return this.people.search(principal, search, first);
  }

  @ResolveField(() => ParticipantConnection)
  async participants(
    @CurrentPrincipal() principal: Principal,
    @Parent() program: Program,
    @Args('filter', { type: () => ParticipantFilter, nullable: true }) filter?: ParticipantFilter,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ParticipantConnection> {
    const page = await this.profiles.participants(principal, program.id, filter ?? {}, first, after ?? null);
    const edges = page.rows.map((view) => ({ cursor: encodeCursor(view.participantId), node: toParticipant(view) }));
    return {
      edges,
      pageInfo: { endCursor: edges[edges.length - 1]?.cursor ?? null, hasNextPage: page.hasNextPage },
      totalCount: page.totalCount,
    };
  }

  private async run(
    principal: Principal,
    programId: string,
    command: Parameters<ProfilesService['changeProgram']>[2],
    commandId?: string,
  ): Promise<Program> {
    return toProgram(await this.profiles.changeProgram(principal, programId, command, { commandId }));
  }

  @Mutation(() => Program, { description: 'Org admins create programs' })
  async createProgram(
    @CurrentPrincipal() principal: Principal,
    @Args('name') name: string,
    @Args('description', { type: () => String, nullable: true }) description?: string,
    @Args('settings', { type: () => ProgramSettingsInput, nullable: true }) settings?: ProgramSettingsInput,
    @Args(commandIdArg) commandId?: string,
  ) {
    return toProgram(await this.profiles.createProgram(principal, { name, description, settings }, { commandId }));
  }

  @Mutation(() => Program, { description: 'A new program with the settings, questionnaire and rules of another' })
  async duplicateProgram(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('name') name: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return toProgram(await this.profiles.duplicateProgram(principal, programId, name, { commandId }));
  }

  @Mutation(() => Program)
  async editProgramDetails(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('name') name: string,
    @Args('description') description: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.run(principal, programId, { type: 'EditProgramDetails', details: { name, description } }, commandId);
  }

  @Mutation(() => Program)
  async changeProgramSettings(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('settings', { type: () => ProgramSettingsInput }) settings: ProgramSettingsInput,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.run(
      principal,
      programId,
      { type: 'ChangeProgramSettings', settings: settingsFrom(settings) },
      commandId,
    );
  }

  @Mutation(() => Program)
  async defineQuestionnaire(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('questions', { type: () => [QuestionInput] }) questions: QuestionInput[],
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.run(
      principal,
      programId,
      { type: 'DefineQuestionnaire', questions: questionsFrom(questions) },
      commandId,
    );
  }

  @Mutation(() => Program)
  async changeMatchingRules(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('rules', { type: () => MatchingRulesInput }) rules: MatchingRulesInput,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.run(principal, programId, { type: 'ChangeMatchingRules', matchingRules: rulesFrom(rules) }, commandId);
  }

  @Mutation(() => Program)
  async openEnrollment(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.run(principal, programId, { type: 'OpenEnrollment' }, commandId);
  }

  @Mutation(() => Program)
  async closeEnrollment(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.run(principal, programId, { type: 'CloseEnrollment' }, commandId);
  }

  @Mutation(() => Program)
  async archiveProgram(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.run(principal, programId, { type: 'ArchiveProgram' }, commandId);
  }

  @Mutation(() => Program)
  async addCohort(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('name') name: string,
    @Args('startsOn', { description: 'YYYY-MM-DD' }) startsOn: string,
    @Args('endsOn', { description: 'YYYY-MM-DD' }) endsOn: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const cohortId = crypto.randomUUID();
    return this.run(principal, programId, { type: 'AddCohort', cohortId, name, startsOn, endsOn }, commandId);
  }

  @Mutation(() => Program, { description: 'Org admins assign program managers' })
  async assignProgramManager(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('personId', { type: () => ID }) personId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.run(principal, programId, { type: 'AssignProgramManager', personId }, commandId);
  }

  @Mutation(() => Program)
  async unassignProgramManager(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('personId', { type: () => ID }) personId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.run(principal, programId, { type: 'UnassignProgramManager', personId }, commandId);
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly imports: ParticipantImportService,
  ) {}

  @Query(() => Me)
  async me(@CurrentPrincipal() principal: Principal): Promise<Me> {
    const { participations, managedPrograms } = await this.profiles.me(principal);
    return {
      personId: principal.personId,
      tenantId: principal.tenantId,
      orgAdmin: principal.orgAdmin,
      participations: participations.map(toParticipant),
      managedPrograms: managedPrograms.map(toProgram),
    };
  }

  @Query(() => Organization, { description: 'Your organization' })
  async organization(@CurrentPrincipal() principal: Principal): Promise<Organization> {
    const row = await this.profiles.organization(principal);
    return { id: principal.tenantId, name: row?.name ?? null };
  }

  @Mutation(() => Organization, { description: 'Org admins register their organization once' })
  async registerOrganization(
    @CurrentPrincipal() principal: Principal,
    @Args('name') name: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Organization> {
    const state = await this.profiles.changeOrganization(
      principal,
      { type: 'RegisterOrganization', organizationId: principal.tenantId, name },
      { commandId },
    );
    return { id: principal.tenantId, name: state.name };
  }

  @Mutation(() => Organization)
  async renameOrganization(
    @CurrentPrincipal() principal: Principal,
    @Args('name') name: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Organization> {
    const state = await this.profiles.changeOrganization(
      principal,
      { type: 'RenameOrganization', name },
      { commandId },
    );
    return { id: principal.tenantId, name: state.name };
  }

  @Query(() => Participant)
  async participant(
    @CurrentPrincipal() principal: Principal,
    @Loaders() loaders: RequestLoaders,
    @Args('id', { type: () => ID }) id: string,
  ) {
    return toParticipant(await participantLoader(loaders, this.profiles, principal).load(id));
  }

  /**
   * A participant another subgraph names (a mentorship's mentee, a session's attendee, …), all references of one
   * fetch in one batch. One the caller may not see — erased, withdrawn, or simply not theirs to see — resolves to
   * null rather than NOT_FOUND: the field naming them reads null and the rest of the list answers as usual, where an
   * error would reach the response's errors for one hidden person. The `participant(id)` query keeps NOT_FOUND.
   */
  @ResolveReference()
  // Apollo calls __resolveReference(reference, context, info); with no parameter decorators Nest passes them as is.
  async resolveReference(reference: { id: string }, context: GraphqlContext): Promise<Participant | null> {
    try {
      return toParticipant(
        await participantLoader(context.loaders, this.profiles, context.principal).load(reference.id),
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  @Mutation(() => Participant, { description: 'Enroll yourself, or (program managers) invite a person by id' })
  async enroll(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('roles', { type: () => [ParticipantRoleEnum] }) roles: Role[],
    @Args('profile', { type: () => ProfileInput }) profile: ProfileInput,
    @Args('personId', { type: () => ID, nullable: true }) personId?: string,
    @Args('cohortId', { type: () => ID, nullable: true }) cohortId?: string,
    @Args('mentorCapacity', { type: () => Int, nullable: true }) mentorCapacity?: number,
    @Args(commandIdArg) commandId?: string,
  ) {
    return toParticipant(
      await this.profiles.enroll(
        principal,
        programId,
        { personId, roles, cohortId, mentorCapacity, profile },
        { commandId },
      ),
    );
  }

  @Mutation(() => Participant, { description: 'Edit your own profile; omitted fields keep their value' })
  async updateProfile(
    @CurrentPrincipal() principal: Principal,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args('profile', { type: () => ProfileInput }) profile: ProfileInput,
    @Args(commandIdArg) commandId?: string,
  ) {
    return toParticipant(await this.profiles.updateProfile(principal, participantId, profile, { commandId }));
  }

  @Mutation(() => Participant, { description: 'Add a role, e.g. a mentee becoming a mentor too (pay it forward)' })
  async addParticipantRole(
    @CurrentPrincipal() principal: Principal,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args('role', { type: () => ParticipantRoleEnum }) role: Role,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.change(principal, participantId, { type: 'AddRole', role }, commandId);
  }

  @Mutation(() => Participant)
  async changeMentorCapacity(
    @CurrentPrincipal() principal: Principal,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args('capacity', { type: () => Int }) capacity: number,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.change(principal, participantId, { type: 'ChangeMentorCapacity', capacity }, commandId);
  }

  @Mutation(() => Participant, { description: 'Away for a while: no new matches or requests until resumed' })
  async pauseParticipation(
    @CurrentPrincipal() principal: Principal,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args('until', { type: () => String, nullable: true }) until?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.change(principal, participantId, { type: 'Pause', until: until ?? null }, commandId);
  }

  @Mutation(() => Participant)
  async resumeParticipation(
    @CurrentPrincipal() principal: Principal,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.change(principal, participantId, { type: 'Resume' }, commandId);
  }

  @Mutation(() => Participant)
  async withdrawFromProgram(
    @CurrentPrincipal() principal: Principal,
    @Args('participantId', { type: () => ID }) participantId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.change(principal, participantId, { type: 'Withdraw' }, commandId);
  }

  @Mutation(() => ImportReport, { description: 'Program managers enroll people from a CSV file (see docs)' })
  async importParticipants(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('csv') csv: string,
    @Args('allOrNothing', { defaultValue: false }) allOrNothing: boolean,
    @Args(commandIdArg) commandId?: string,
    @Args('dryRun', {
      type: () => Boolean,
      defaultValue: false,
      description: 'Check every line and enroll nobody: a file sent in parts checks all parts before any is imported',
    })
    dryRun = false,
  ) {
    return this.imports.import(principal, programId, csv, allOrNothing, { commandId, dryRun });
  }

  @Mutation(() => ErasureReport, { description: 'Erase a person’s data (the person themselves or an org admin)' })
  async erasePersonData(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<ErasureReport> {
    return { personId, participationsErased: await this.profiles.erasePerson(principal, personId, { commandId }) };
  }

  private async change(
    principal: Principal,
    participantId: string,
    change: Parameters<ProfilesService['changeParticipation']>[2],
    commandId?: string,
  ) {
    const view = await this.profiles.changeParticipation(principal, participantId, change, { commandId });
    return view ? toParticipant(view) : null;
  }
}
