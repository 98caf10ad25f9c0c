import {
  DEFAULT_MAX_PREFERRED_MENTORS,
  participantPreferencesStreamId,
  type PreferencesCommand,
  type PreferencesState,
} from '@trellis/matching/domain';
import { DomainError, type CommitMeta, type EventStore } from '@trellis/shared/event-store';
import type { CommandContext } from '../acceptance/acceptance.service';
import { personIn } from '../graphql/matching.mappers';
import type { Participant } from '../graphql/matching.types';
import { commandCommitId } from '../commands/command-commits';
import { unwrap, type MatchingCommands } from '../commands/matching-commands';
import type { CandidatePool, PoolParticipantRow, PoolProgramRow } from '../pool/candidate-pool.projection';

const PREFERENCES_STREAM_TYPE = 'participant-preferences';

export interface MatchingPreferences {
  preferredMentorPersonIds: string[];
  ratherNotMenteePersonIds: string[];
  ratherNotMentees: Array<Participant | null>;
  maxPreferredMentors: number;
}

/** What a round needs of everyone's preferences in one program: person → their lists. */
export interface ProgramPreferences {
  forProgram(tenantId: string, programId: string): Promise<ReadonlyMap<string, PreferencesState>>;
}

/**
 * Mentees mark the mentors they would prefer, mentors the mentees they would rather not take, each on their own
 * stream. The events are private to matching, so no projection follows them: a round finds a program's preference
 * streams by their first commit (which names tenant and program, the same index as the round list) and folds them
 * with one `loadMany`.
 */
export class PreferencesService implements ProgramPreferences {
  constructor(
    private readonly store: EventStore,
    private readonly commands: MatchingCommands,
    private readonly pool: CandidatePool,
  ) {}

  async setPreferredMentors(
    ctx: CommandContext & { commandId: string },
    programId: string,
    mentorPersonIds: string[],
  ): Promise<MatchingPreferences> {
    const { program } = await this.requireParticipant(ctx, programId, 'mentee');
    await this.requireAll(ctx.tenantId, programId, mentorPersonIds, 'mentor');
    return this.handle(ctx, program, {
      type: 'SetPreferredMentors',
      programId,
      personId: ctx.actorPersonId,
      mentorPersonIds,
      maxPreferredMentors: maxPreferredOf(program),
    });
  }

  async setRatherNotMentees(
    ctx: CommandContext & { commandId: string },
    programId: string,
    menteePersonIds: string[],
  ): Promise<MatchingPreferences> {
    const { program } = await this.requireParticipant(ctx, programId, 'mentor');
    await this.requireAll(ctx.tenantId, programId, menteePersonIds, 'mentee');
    return this.handle(ctx, program, {
      type: 'SetRatherNotMentees',
      programId,
      personId: ctx.actorPersonId,
      menteePersonIds,
    });
  }

  /** The asking participant's own lists; nobody else's are ever shown. */
  async mine(ctx: CommandContext, programId: string): Promise<MatchingPreferences> {
    const { program } = await this.requireParticipant(ctx, programId, null);
    const { state } = await this.commands.preferences.load(
      participantPreferencesStreamId(programId, ctx.actorPersonId),
    );
    return toPreferences(state, program);
  }

  async forProgram(tenantId: string, programId: string): Promise<ReadonlyMap<string, PreferencesState>> {
    const firstCommits = await this.store.commits
      .find(
        { 'meta.tenantId': tenantId, 'meta.programId': programId, streamType: PREFERENCES_STREAM_TYPE, commitSeq: 1 },
        { projection: { streamId: 1 } },
      )
      .toArray();
    const loaded = await this.commands.preferences.loadMany(firstCommits.map((c) => c.streamId));
    const byPerson = new Map<string, PreferencesState>();
    for (const { state } of loaded.values()) if (state.personId) byPerson.set(state.personId, state);
    return byPerson;
  }

  private async handle(
    ctx: CommandContext & { commandId: string },
    program: PoolProgramRow,
    command: PreferencesCommand,
  ): Promise<MatchingPreferences> {
    const { programId } = program;
    const streamId = participantPreferencesStreamId(programId, ctx.actorPersonId);
    const meta: CommitMeta = {
      tenantId: ctx.tenantId,
      programId,
      correlationId: ctx.correlationId,
      actor: ctx.actorPersonId,
    };
    const result = unwrap(
      await this.commands.preferences.handle({
        streamId,
        command,
        commitId: commandCommitId(ctx.commandId, command.type, streamId),
        meta,
      }),
    );
    return toPreferences(result.state, program);
  }

  private async requireParticipant(
    ctx: CommandContext,
    programId: string,
    role: 'mentor' | 'mentee' | null,
  ): Promise<{ program: PoolProgramRow; me: PoolParticipantRow }> {
    const program = await this.pool.program(ctx.tenantId, programId);
    if (!program || program.archived) throw new DomainError('NOT_FOUND', 'There is no such active program.');
    const me = await this.pool.participant(ctx.tenantId, programId, ctx.actorPersonId);
    if (!me || me.status === 'withdrawn' || (role && !me.roles.includes(role))) {
      throw new DomainError(
        'FORBIDDEN',
        role === 'mentee'
          ? 'Only a mentee of this program can mark preferred mentors.'
          : role === 'mentor'
            ? 'Only a mentor of this program can name mentees they would rather not take.'
            : 'Only a participant of this program has matching preferences here.',
      );
    }
    return { program, me };
  }

  private async requireAll(
    tenantId: string,
    programId: string,
    personIds: readonly string[],
    role: 'mentor' | 'mentee',
  ): Promise<void> {
    for (const personId of new Set(personIds)) {
      const row = await this.pool.participant(tenantId, programId, personId);
      if (!row || !row.roles.includes(role)) {
        throw new DomainError('NOT_FOUND', `There is no ${role} ${personId} in this program.`, { personId });
      }
    }
  }
}

/** The program's setting; programs whose settings predate it allow the default. */
const maxPreferredOf = (program: PoolProgramRow): number =>
  program.settings?.maxPreferredMentors ?? DEFAULT_MAX_PREFERRED_MENTORS;

function toPreferences(state: PreferencesState, program: PoolProgramRow): MatchingPreferences {
  return {
    preferredMentorPersonIds: state.preferredMentorIds,
    ratherNotMenteePersonIds: state.ratherNotMenteeIds,
    ratherNotMentees: state.ratherNotMenteeIds.map((personId) => personIn(program.programId, personId)),
    maxPreferredMentors: maxPreferredOf(program),
  };
}
