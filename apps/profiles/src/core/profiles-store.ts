import { randomUUID } from 'node:crypto';
import {
  type OrganizationCommand,
  type OrganizationEvent,
  type OrganizationState,
  organizationDecider,
  organizationStreamId,
  type ParticipantCommand,
  type ParticipantEvent,
  type ParticipantState,
  participantDecider,
  participantStreamId,
  type ProgramCommand,
  type ProgramEvent,
  type ProgramFacts,
  type ProgramState,
  programDecider,
  programStreamId,
} from '@trellis/profiles/domain';
import { CommandHandler, DomainError, type EventStore } from '@trellis/shared/event-store';
import { currentCorrelation } from '@trellis/shared/observability';
import type { ProfilesReadModels } from './read-models';

export interface Actor {
  tenantId: string;
  personId: string;
}

export interface CommandOptions {
  /** The client's id for this command: retrying with the same id applies it once (docs/architecture.md §4). */
  commandId?: string;
}

/** Runs profiles commands: decide on the stream, append one commit, then refresh the stream's read-model row. */
export class ProfilesStore {
  private readonly programs: CommandHandler<ProgramCommand, ProgramEvent, ProgramState>;
  private readonly participants: CommandHandler<ParticipantCommand, ParticipantEvent, ParticipantState>;
  private readonly organizations: CommandHandler<OrganizationCommand, OrganizationEvent, OrganizationState>;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ProfilesReadModels,
  ) {
    this.programs = new CommandHandler(store, programDecider, { streamType: 'program' });
    this.participants = new CommandHandler(store, participantDecider, { streamType: 'participant' });
    this.organizations = new CommandHandler(store, organizationDecider, { streamType: 'organization' });
  }

  private meta(actor: Actor, programId?: string) {
    const correlation = currentCorrelation();
    return {
      tenantId: actor.tenantId,
      ...(programId ? { programId } : {}),
      correlationId: correlation?.correlationId ?? randomUUID(),
      actor: actor.personId,
    };
  }

  /** The organization is the caller's tenant: its stream id is the tenant id, so nobody can name another one. */
  async executeOrganization(actor: Actor, command: OrganizationCommand, options: CommandOptions = {}) {
    const result = await this.organizations.handle({
      streamId: organizationStreamId(actor.tenantId),
      command,
      commitId: options.commandId ?? randomUUID(),
      meta: this.meta(actor),
    });
    if (!result.ok) throw result.error;
    if (result.events.length > 0 || result.duplicate) {
      await this.readModels.writeOrganization(actor.tenantId, result.state, result.revision);
    }
    return result.state;
  }

  async loadProgram(tenantId: string, programId: string): Promise<ProgramState> {
    const { state, head } = await this.programs.load(programStreamId(programId));
    // A stream of another tenant is reported exactly like a missing one: ids never reveal other organizations.
    if (!state.exists || !head) throw new DomainError('NOT_FOUND', 'No such program.');
    const row = await this.readModels.programsOf(tenantId).findOne({ _id: programId });
    if (!row) throw new DomainError('NOT_FOUND', 'No such program.');
    return state;
  }

  async programFacts(tenantId: string, programId: string): Promise<ProgramFacts> {
    const program = await this.loadProgram(tenantId, programId);
    return {
      programId,
      status: program.status,
      format: program.settings.format,
      defaultMentorCapacity: program.settings.defaultMentorCapacity,
      questions: program.questions,
      cohortIds: program.cohorts.map((c) => c.cohortId),
    };
  }

  async executeProgram(
    actor: Actor,
    programId: string,
    command: ProgramCommand,
    options: CommandOptions = {},
  ): Promise<ProgramState> {
    if (command.type !== 'CreateProgram') await this.loadProgram(actor.tenantId, programId);
    const result = await this.programs.handle({
      streamId: programStreamId(programId),
      command,
      commitId: options.commandId ?? randomUUID(),
      meta: this.meta(actor, programId),
    });
    if (!result.ok) throw result.error;
    if (result.events.length > 0 || result.duplicate) {
      await this.readModels.writeProgram(actor.tenantId, result.state, result.revision);
    }
    return result.state;
  }

  async executeParticipant(
    actor: Actor,
    programId: string,
    participantId: string,
    command: ParticipantCommand,
    options: CommandOptions = {},
  ): Promise<ParticipantState> {
    const result = await this.participants.handle({
      streamId: participantStreamId(participantId),
      command,
      commitId: options.commandId ?? randomUUID(),
      meta: this.meta(actor, programId),
    });
    if (!result.ok) throw result.error;
    if (result.events.length > 0 || result.duplicate) {
      await this.readModels.writeParticipant(actor.tenantId, result.state, result.revision, new Date());
    }
    return result.state;
  }
}
