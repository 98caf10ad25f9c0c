import type { DeclineReason, EndReason } from '@trellis/matching/contracts';
import {
  mentorshipStreamId,
  proposalStreamId,
  type MentorshipCommand,
  type MentorshipState,
  type ProposalState,
} from '@trellis/matching/domain';
import { DomainError } from '@trellis/shared/event-store';
import type { PersonKeyStore } from '@trellis/shared/privacy';
import type { CommandContext } from '../acceptance/acceptance.service';
import { commandCommitId } from '../commands/command-commits';
import { unwrap, type MatchingCommands } from '../commands/matching-commands';
import { streamBelongsTo } from '../commands/stream-tenant';

export interface ManagerCheck {
  canManage(tenantId: string, programId: string, personId: string): Promise<boolean>;
}

export const MAX_REFLECTION_LENGTH = 4000;

/** The mentorship lifecycle (pause, resume, end, rematch) and declining proposals. */
export class MentorshipsService {
  constructor(
    private readonly commands: MatchingCommands,
    private readonly managers: ManagerCheck,
    private readonly keys: PersonKeyStore,
    /** What follows a decline, e.g. offering the next-best mentor where the program says so. */
    private readonly onDeclined?: (ctx: CommandContext, proposal: ProposalState) => Promise<void>,
  ) {}

  async pause(ctx: CommandContext, mentorshipId: string, until: Date | null): Promise<MentorshipState> {
    return this.run(ctx, mentorshipId, (actor, now) =>
      Promise.resolve({ type: 'PauseMentorship', actor, until: until ? until.toISOString() : null, now }),
    );
  }

  async resume(ctx: CommandContext, mentorshipId: string): Promise<MentorshipState> {
    return this.run(ctx, mentorshipId, (actor, now) => Promise.resolve({ type: 'ResumeMentorship', actor, now }));
  }

  async end(ctx: CommandContext, mentorshipId: string, reason: EndReason, reflection: string | null) {
    return this.run(ctx, mentorshipId, async (actor, now) => ({
      type: 'EndMentorship',
      actor,
      reason,
      reflection: await this.seal(ctx, reflection),
      now,
    }));
  }

  async requestRematch(ctx: CommandContext, mentorshipId: string, reflection: string | null) {
    return this.run(ctx, mentorshipId, async (actor, now) => ({
      type: 'RequestRematch',
      actor,
      reflection: await this.seal(ctx, reflection),
      now,
    }));
  }

  async declineProposal(
    ctx: CommandContext,
    proposalId: string,
    reason: DeclineReason,
    comment: string | null,
  ): Promise<ProposalState> {
    const streamId = proposalStreamId(proposalId);
    const { state } = await this.commands.proposals.load(streamId);
    if (state.status === 'none' || !(await streamBelongsTo(this.commands.store, streamId, ctx.tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such proposal.');
    }
    const side = ctx.actorPersonId === state.mentorPersonId ? 'mentor' : 'mentee';
    const declined = unwrap(
      await this.commands.proposals.handle({
        streamId,
        command: {
          type: 'DeclineProposal',
          side,
          personId: ctx.actorPersonId,
          reason,
          comment: await this.seal(ctx, comment),
          now: (ctx.now ?? new Date()).toISOString(),
        },
        commitId: commandCommitId(ctx.commandId, 'DeclineProposal', proposalId),
        meta: {
          tenantId: ctx.tenantId,
          programId: state.programId,
          correlationId: ctx.correlationId,
          actor: ctx.actorPersonId,
        },
      }),
    ).state;
    if (declined.status === 'declined' && this.onDeclined) await this.onDeclined(ctx, declined);
    return declined;
  }

  async load(ctx: CommandContext, mentorshipId: string): Promise<MentorshipState> {
    const streamId = mentorshipStreamId(mentorshipId);
    const { state } = await this.commands.mentorships.load(streamId);
    if (state.status === 'none' || !(await streamBelongsTo(this.commands.store, streamId, ctx.tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such mentorship.');
    }
    return state;
  }

  private async run(
    ctx: CommandContext,
    mentorshipId: string,
    build: (actor: { personId: string; isManager: boolean }, now: string) => Promise<MentorshipCommand>,
  ): Promise<MentorshipState> {
    const state = await this.load(ctx, mentorshipId);
    const isManager =
      ctx.orgAdmin === true || (await this.managers.canManage(ctx.tenantId, state.programId, ctx.actorPersonId));
    const command = await build({ personId: ctx.actorPersonId, isManager }, (ctx.now ?? new Date()).toISOString());
    return unwrap(
      await this.commands.mentorships.handle({
        streamId: mentorshipStreamId(mentorshipId),
        command,
        commitId: commandCommitId(ctx.commandId, command.type, mentorshipId),
        meta: {
          tenantId: ctx.tenantId,
          programId: state.programId,
          correlationId: ctx.correlationId,
          actor: ctx.actorPersonId,
        },
      }),
    ).state;
  }

  private async seal(ctx: CommandContext, text: string | null) {
    if (text === null || text.trim() === '') return null;
    if (text.length > MAX_REFLECTION_LENGTH) {
      throw new DomainError('BAD_USER_INPUT', `A comment can have at most ${MAX_REFLECTION_LENGTH} characters.`);
    }
    return this.keys.encrypt(ctx.tenantId, ctx.actorPersonId, text);
  }
}
