import { DomainError, type CommitMeta } from '@trellis/shared/event-store';
import { ERASED, isEncryptedField, type PersonKeyStore } from '@trellis/shared/privacy';
import type { DeclineReason } from '@trellis/matching/contracts';
import type { HardRules } from '@trellis/profiles/contracts';
import {
  addDays,
  freeSeats,
  menteeRequestsStreamId,
  mentorBookStreamId,
  mentorshipRequestDecider,
  mentorshipRequestStreamId,
  type MentorshipRequestCommand,
  type MentorshipRequestState,
  type PairSide,
} from '@trellis/matching/domain';
import type { CommandContext } from '../acceptance/acceptance.service';
import { commandApplied, commandCommitId } from '../commands/command-commits';
import { deriveId } from '../commands/deterministic-id';
import { type MatchingCommands, unwrap } from '../commands/matching-commands';
import { dryRun } from '../commands/runtime-decider';
import { streamBelongsTo } from '../commands/stream-tenant';

/** The program settings a request needs (from the profiles events the service keeps). */
export interface RequestPolicy {
  maxOpenRequestsPerMentee: number;
  requestExpiryDays: number;
  /** The program's hard rules: a request that breaks one is refused. */
  hardRules: HardRules;
}

export interface RequestPolicyLookup {
  policyOf(tenantId: string, programId: string): Promise<RequestPolicy | null>;
}

/** Who takes part in a program as what; the candidate pool answers it. */
export interface ParticipantLookup {
  participantOf(
    tenantId: string,
    programId: string,
    personId: string,
  ): Promise<{ participantId: string; roles: string[]; active: boolean; profile: PairSide['profile'] } | null>;
}

export const MAX_REQUEST_MESSAGE_LENGTH = 2000;

/**
 * Self-service requests. Every way a request closes (decline, withdraw, expiry) first closes it in the mentee's
 * MenteeRequests, the same aggregate an acceptance claims, so a request is never declined and accepted at once.
 */
export class MentorshipRequestsService {
  constructor(
    private readonly commands: MatchingCommands,
    private readonly policies: RequestPolicyLookup,
    private readonly participants: ParticipantLookup,
    private readonly keys: PersonKeyStore,
  ) {}

  async requestMentor(
    ctx: CommandContext & { commandId: string },
    input: { programId: string; mentorPersonId: string; message: string | null },
  ): Promise<{ requestId: string; expiresAt: string }> {
    const now = (ctx.now ?? new Date()).toISOString();
    const requestId = deriveId('request', ctx.tenantId, ctx.actorPersonId, ctx.commandId);
    const streamId = mentorshipRequestStreamId(requestId);
    const existing = await this.commands.requests.load(streamId);
    if (existing.state.status !== 'none') return { requestId, expiresAt: existing.state.expiresAt }; // a retry

    if (input.message !== null && input.message.length > MAX_REQUEST_MESSAGE_LENGTH) {
      throw new DomainError('BAD_USER_INPUT', `A message can have at most ${MAX_REQUEST_MESSAGE_LENGTH} characters.`, {
        field: 'message',
      });
    }
    const policy = await this.policies.policyOf(ctx.tenantId, input.programId);
    if (!policy) throw new DomainError('NOT_FOUND', 'There is no such program.');
    const mentee = await this.participants.participantOf(ctx.tenantId, input.programId, ctx.actorPersonId);
    if (!mentee?.active || !mentee.roles.includes('mentee')) {
      throw new DomainError('FORBIDDEN', 'Only an active mentee of this program can request a mentor.');
    }
    const bookStream = mentorBookStreamId(input.programId, input.mentorPersonId);
    const { state: book } = await this.commands.mentorBooks.load(bookStream);
    if (book.status === 'none' || !(await streamBelongsTo(this.commands.store, bookStream, ctx.tenantId))) {
      throw new DomainError('NOT_FOUND', 'This mentor is not enrolled in the program.');
    }
    if (book.status === 'closed') throw new DomainError('CONFLICT', 'This mentor no longer takes mentees.');
    if (freeSeats(book) === 0) throw new DomainError('CONFLICT', 'This mentor has no free place left.');
    const mentor = await this.participants.participantOf(ctx.tenantId, input.programId, input.mentorPersonId);
    if (!mentor) throw new DomainError('NOT_FOUND', 'This mentor is not enrolled in the program.');

    const meta = this.meta(ctx, input.programId);
    const expiresAt = addDays(now, policy.requestExpiryDays);
    const message = input.message ? await this.keys.encrypt(ctx.tenantId, ctx.actorPersonId, input.message) : null;
    const request: MentorshipRequestCommand = {
      type: 'RequestMentorship',
      requestId,
      programId: input.programId,
      mentorPersonId: input.mentorPersonId,
      menteePersonId: ctx.actorPersonId,
      mentorParticipantId: book.mentorParticipantId,
      menteeParticipantId: mentee.participantId,
      message,
      expiryDays: policy.requestExpiryDays,
      hardRules: policy.hardRules,
      menteeProfile: mentee.profile,
      mentorProfile: mentor.profile,
      now,
    };
    // The request's own refusals (a hard rule it breaks) come before it takes one of the mentee's open requests.
    dryRun(mentorshipRequestDecider, request, existing.state);
    unwrap(
      await this.commands.menteeRequests.handle({
        streamId: menteeRequestsStreamId(input.programId, ctx.actorPersonId),
        command: {
          type: 'RegisterRequest',
          programId: input.programId,
          menteePersonId: ctx.actorPersonId,
          requestId,
          mentorPersonId: input.mentorPersonId,
          maxOpenRequests: policy.maxOpenRequestsPerMentee,
          expiresAt,
          now,
        },
        // Commit ids from the command id: a retry that overtakes the first attempt (the client was told to retry
        // while that attempt was still running) is recognised as the same commit, not refused as a second request.
        commitId: deriveId('commit', requestId, 'register'),
        meta,
      }),
    );
    const created = unwrap(
      await this.commands.requests.handle({
        streamId,
        command: request,
        commitId: deriveId('commit', requestId, 'request'),
        meta,
      }),
    );
    return { requestId, expiresAt: created.state.expiresAt };
  }

  /**
   * The messages mentees wrote with these requests, in the order asked, from one read of the request streams (a
   * mentor's whole list costs one query). Null where there was none, where the request is not this tenant's, and
   * once the mentee's key is shredded (erasure). Whether the caller may read them is the resolver's check.
   */
  async messagesOf(tenantId: string, requestIds: readonly string[]): Promise<Array<string | null>> {
    const streams = await this.commands.store.readStreams(requestIds.map(mentorshipRequestStreamId));
    const sealed = requestIds.map((requestId) => {
      const requested = streams
        .get(mentorshipRequestStreamId(requestId))
        ?.events.find((e) => e.type === 'MentorshipRequested' && e.meta.tenantId === tenantId);
      const message = (requested?.data as { message?: unknown } | undefined)?.message;
      return isEncryptedField(message) ? message : null;
    });
    await this.keys.preload(sealed.flatMap((m) => (m ? [m.personId] : [])));
    return Promise.all(
      sealed.map(async (m) => {
        if (!m) return null;
        const text = await this.keys.decrypt(m);
        return text === ERASED ? null : text;
      }),
    );
  }

  async declineRequest(ctx: CommandContext, requestId: string, reason: DeclineReason, comment: string | null) {
    const now = (ctx.now ?? new Date()).toISOString();
    const sealed = comment ? await this.keys.encrypt(ctx.tenantId, ctx.actorPersonId, comment) : null;
    return this.close(ctx, requestId, now, {
      type: 'DeclineRequest',
      byPersonId: ctx.actorPersonId,
      reason,
      comment: sealed,
      now,
    });
  }

  async withdrawRequest(ctx: CommandContext, requestId: string) {
    const now = (ctx.now ?? new Date()).toISOString();
    return this.close(ctx, requestId, now, {
      type: 'WithdrawRequest',
      reason: 'by-mentee',
      byPersonId: ctx.actorPersonId,
      now,
    });
  }

  /** Called by the durable expiry timer; a no-op for a request that is closed or not yet due. */
  async expireRequest(tenantId: string, requestId: string, now: Date): Promise<'expired' | 'unchanged'> {
    const ctx = { tenantId, actorPersonId: 'system:request-expiry', correlationId: `expiry-${requestId}`, now };
    const state = await this.close(ctx, requestId, now.toISOString(), {
      type: 'ExpireRequest',
      now: now.toISOString(),
    });
    return state.status === 'expired' ? 'expired' : 'unchanged';
  }

  private async close(
    ctx: CommandContext,
    requestId: string,
    now: string,
    command: MentorshipRequestCommand,
  ): Promise<MentorshipRequestState> {
    const streamId = mentorshipRequestStreamId(requestId);
    const { state } = await this.commands.requests.load(streamId);
    if (state.status === 'none' || !(await streamBelongsTo(this.commands.store, streamId, ctx.tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such mentorship request.');
    }
    // A retry is answered with the request as it is: a declined request is no longer open, so deciding again refuses.
    if (await commandApplied(this.commands.store, ctx.commandId, command.type, requestId, streamId)) return state;
    // Who may do it, and whether it changes anything, is the request's own decision; nothing is written before.
    const events = dryRun(mentorshipRequestDecider, command, state);
    if (events.length === 0) return state;
    const meta = this.meta(ctx, state.programId);
    unwrap(
      await this.commands.menteeRequests.handle({
        streamId: menteeRequestsStreamId(state.programId, state.menteePersonId),
        command: { type: 'CloseRequest', requestId, now },
        commitId: commandCommitId(ctx.commandId, `${command.type}:close`, requestId),
        meta,
      }),
    );
    const commitId = commandCommitId(ctx.commandId, command.type, requestId);
    return unwrap(await this.commands.requests.handle({ streamId, command, commitId, meta })).state;
  }

  private meta(ctx: CommandContext, programId: string): CommitMeta {
    return { tenantId: ctx.tenantId, programId, correlationId: ctx.correlationId, actor: ctx.actorPersonId };
  }
}
