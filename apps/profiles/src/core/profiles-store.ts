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
import {
  CommandHandler,
  ConcurrencyError,
  DomainError,
  type EventStore,
  IdempotencyConflictError,
} from '@trellis/shared/event-store';
import { currentCorrelation } from '@trellis/shared/observability';
import type { ProfilesReadModels } from './read-models';

export interface Actor {
  tenantId: string;
  personId: string;
}

export type EnrollCommand = Extract<ParticipantCommand, { type: 'Enroll' }>;

export interface NewParticipant {
  command: EnrollCommand;
  commandId: string;
  /** Who the commit names as its actor: the manager who imports, or the person enrolling themselves. */
  actorPersonId: string;
}

export type NewParticipantOutcome = { ok: true; state: ParticipantState } | { ok: false; error: DomainError };

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

  /** Which of these commits exist: one read by _id for all of them. */
  async existingCommitIds(commitIds: readonly string[]): Promise<Set<string>> {
    if (commitIds.length === 0) return new Set();
    const found = await this.store.commits.find({ _id: { $in: [...commitIds] } }, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((commit) => commit._id));
  }

  /**
   * Enrolls many people at once: one read of their streams, one commit per new participant written with a single
   * `appendNewStreams`, and their rows with one insert. A command id that is stored already answers as before (a
   * re-upload, or an import resumed after a crash, writes nothing twice); a stream that exists under another command
   * (re-enrollment after withdrawal) or that a concurrent writer started goes the one-by-one way.
   */
  async executeNewParticipants(
    tenantId: string,
    programId: string,
    entries: readonly NewParticipant[],
  ): Promise<NewParticipantOutcome[]> {
    const streamIds = entries.map((e) => participantStreamId(e.command.participantId));
    const stored = await this.store.readStreams(streamIds);
    const outcomes: NewParticipantOutcome[] = [];
    const rows: Array<{ state: ParticipantState; revision: number }> = [];
    const fresh: Array<{ index: number; events: ParticipantEvent[] }> = [];
    const oneByOne: number[] = [];
    for (const [index, entry] of entries.entries()) {
      const stream = stored.get(streamIds[index] ?? '');
      if (stream) {
        if (stream.events.some((e) => e.commitId === entry.commandId)) {
          const state = stream.events
            .map((e) => ({ type: e.type, ...(e.data as object) }) as ParticipantEvent)
            .reduce(participantDecider.evolve, participantDecider.initialState());
          outcomes[index] = { ok: true, state };
          rows.push({ state, revision: stream.head.revision });
        } else oneByOne.push(index);
        continue;
      }
      try {
        const events = participantDecider.decide(entry.command, participantDecider.initialState());
        fresh.push({ index, events });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes[index] = { ok: false, error };
      }
    }
    const appendable = fresh.filter((f) => f.events.length > 0);
    try {
      const results = await this.store.appendNewStreams(
        appendable.map(({ index, events }) => {
          const entry = entries[index] as NewParticipant;
          return {
            streamId: streamIds[index] ?? '',
            streamType: 'participant',
            events: events.map(({ type, ...rest }) => ({ type, data: rest })),
            meta: this.meta({ tenantId, personId: entry.actorPersonId }, programId),
            commitId: entry.commandId,
          };
        }),
      );
      for (const [position, { index, events }] of appendable.entries()) {
        const state = events.reduce(participantDecider.evolve, participantDecider.initialState());
        outcomes[index] = { ok: true, state };
        rows.push({ state, revision: results[position]?.revision ?? events.length });
      }
    } catch (error) {
      if (!(error instanceof ConcurrencyError || error instanceof IdempotencyConflictError)) throw error;
      // The rest of the call was written; settling every entry alone finds those commits by their command ids.
      oneByOne.push(...appendable.map((f) => f.index));
    }
    for (const f of fresh)
      if (f.events.length === 0) outcomes[f.index] = { ok: true, state: participantDecider.initialState() };
    await this.readModels.writeParticipants(tenantId, rows, new Date());
    for (const index of oneByOne) {
      const entry = entries[index] as NewParticipant;
      try {
        const state = await this.executeParticipant(
          { tenantId, personId: entry.actorPersonId },
          programId,
          entry.command.participantId,
          entry.command,
          { commandId: entry.commandId },
        );
        outcomes[index] = { ok: true, state };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcomes[index] = { ok: false, error };
      }
    }
    return outcomes;
  }
}
