import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, type CommitMeta } from '@trellis/shared/event-store';
import {
  bothAccepted,
  menteeRequestsStreamId,
  mentorBookStreamId,
  mentorshipRequestDecider,
  mentorshipRequestStreamId,
  mentorshipStreamId,
  proposalStreamId,
  type MentorshipParties,
} from '@trellis/matching/domain';
import type { ProposalSide } from '@trellis/matching/contracts';
import { commandCommitId } from '../commands/command-commits';
import { deriveId } from '../commands/deterministic-id';
import { type MatchingCommands, unwrap } from '../commands/matching-commands';
import { dryRun } from '../commands/runtime-decider';
import { streamBelongsTo } from '../commands/stream-tenant';
import type { AcceptanceJournal } from './acceptance-journal';

export interface CommandContext {
  tenantId: string;
  /** The token's subject. */
  actorPersonId: string;
  correlationId: string;
  /** Org admins may do what program managers may (the token's org_admin role). */
  orgAdmin?: boolean;
  /** Injected in tests; the service's clock otherwise. */
  now?: Date;
  /** The client's idempotency key: a retry with it gets the first answer instead of a refusal as done already. */
  commandId?: string;
}

export interface AcceptanceResult {
  mentorshipId: string;
}

export interface AcceptanceOptions {
  /** How long one acceptance holds the mentee; an acceptance that crashed mid-way stops blocking after this. */
  claimTtlSeconds: number;
  /** How often to wait for another acceptance of the same mentee to finish before answering CONFLICT. */
  busyRetries: number;
}

const defaults: AcceptanceOptions = { claimTtlSeconds: 30, busyRetries: 40 };

/**
 * Turns an acceptance into a mentorship across three aggregates without transactions (docs/adr/0005):
 * 1. the mentee's MenteeRequests is claimed for this acceptance (one at a time per mentee: no ghost approvals);
 * 2. the mentor's MentorBook takes a seat (capacity decided by optimistic concurrency on one stream);
 * 3. the claim is confirmed, which closes the mentee's other open requests;
 * 4. the mentorship starts; then the request (or proposal) is marked accepted and the other requests withdrawn.
 * A failure in 2 or 3 undoes the earlier steps. Every step is idempotent in its decider, so retrying the whole
 * acceptance (the client's retry, or the withdrawal reactor after a crash) completes it instead of duplicating.
 */
export class AcceptanceService {
  private readonly options: AcceptanceOptions;

  constructor(
    private readonly commands: MatchingCommands,
    options: Partial<AcceptanceOptions> = {},
    private readonly journal?: AcceptanceJournal,
  ) {
    this.options = { ...defaults, ...options };
  }

  /** The requested mentor accepts a mentee's request. */
  async acceptRequest(ctx: CommandContext, requestId: string): Promise<AcceptanceResult> {
    const now = (ctx.now ?? new Date()).toISOString();
    const streamId = mentorshipRequestStreamId(requestId);
    const { state: request } = await this.commands.requests.load(streamId);
    if (request.status === 'none' || !(await streamBelongsTo(this.commands.store, streamId, ctx.tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such mentorship request.');
    }
    const mentorshipId = deriveId('mentorship', 'request', requestId);
    // Authorization, openness and expiry, decided by the request's own rules before anything is written.
    dryRun(
      mentorshipRequestDecider,
      { type: 'AcceptRequest', byPersonId: ctx.actorPersonId, mentorshipId, now },
      request,
    );
    const meta = this.meta(ctx, request.programId);
    await this.completeMatch(
      {
        mentorshipId,
        programId: request.programId,
        mentorPersonId: request.mentorPersonId,
        menteePersonId: request.menteePersonId,
        mentorParticipantId: request.mentorParticipantId,
        menteeParticipantId: request.menteeParticipantId,
        format: 'one-on-one',
        origin: 'request',
        originId: requestId,
      },
      now,
      meta,
    );
    return { mentorshipId };
  }

  /**
   * One side accepts a round's proposal. When both sides have accepted, the mentorship starts, or the proposal
   * lapses with CONFLICT if the mentor filled up or the mentee was matched elsewhere in the meantime.
   */
  async acceptProposal(
    ctx: CommandContext,
    proposalId: string,
    /** Defaults to the caller's side of the proposal. */
    side?: ProposalSide,
  ): Promise<{ mentorshipId: string | null }> {
    const now = (ctx.now ?? new Date()).toISOString();
    const streamId = proposalStreamId(proposalId);
    const { state: before } = await this.commands.proposals.load(streamId);
    if (before.status === 'none' || !(await streamBelongsTo(this.commands.store, streamId, ctx.tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such proposal.');
    }
    const meta = this.meta(ctx, before.programId);
    const { state } = unwrap(
      await this.commands.proposals.handle({
        streamId,
        command: {
          type: 'AcceptProposal',
          side: side ?? (before.mentorPersonId === ctx.actorPersonId ? 'mentor' : 'mentee'),
          personId: ctx.actorPersonId,
          now,
        },
        commitId: commandCommitId(ctx.commandId, 'AcceptProposal', proposalId),
        meta,
      }),
    );
    if (!bothAccepted(state)) return { mentorshipId: null };
    const mentorshipId = deriveId('mentorship', 'proposal', proposalId);
    try {
      await this.completeMatch(
        {
          mentorshipId,
          programId: state.programId,
          mentorPersonId: state.mentorPersonId,
          menteePersonId: state.menteePersonId,
          mentorParticipantId: state.mentorParticipantId,
          menteeParticipantId: state.menteeParticipantId,
          format: state.format,
          ...(state.circleId ? { circleId: state.circleId } : {}),
          origin: 'proposal',
          originId: proposalId,
        },
        now,
        meta,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') {
        const reason = error.details['reason'] === 'mentee-matched' ? 'mentee-matched' : 'mentor-full';
        await this.commands.proposals.handle({
          streamId,
          command: { type: 'LapseProposal', reason },
          commitId: randomUUID(),
          meta,
        });
      }
      throw error;
    }
    return { mentorshipId };
  }

  /**
   * Marks the mentee's other open requests withdrawn after a match. Idempotent: the acceptance calls it inline and
   * the withdrawal reactor calls it again from MentorshipStarted, so a crash in between cannot leave ghosts.
   */
  async withdrawOtherRequests(
    programId: string,
    menteePersonId: string,
    meta: CommitMeta,
    now: string,
  ): Promise<number> {
    const streamId = menteeRequestsStreamId(programId, menteePersonId);
    const { state } = await this.commands.menteeRequests.load(streamId);
    const done: string[] = [];
    for (const requestId of state.pendingWithdrawals) {
      const result = await this.commands.requests.handle({
        streamId: mentorshipRequestStreamId(requestId),
        command: { type: 'WithdrawRequest', reason: 'mentee-matched', byPersonId: null, now },
        commitId: randomUUID(),
        meta,
      });
      // NOT_FOUND: the registration's request was never written (a crash while requesting); nothing to withdraw.
      if (result.ok || result.error.code === 'NOT_FOUND') done.push(requestId);
      else throw result.error;
    }
    if (done.length) {
      unwrap(
        await this.commands.menteeRequests.handle({
          streamId,
          command: { type: 'AcknowledgeWithdrawals', requestIds: done },
          commitId: randomUUID(),
          meta,
        }),
      );
    }
    return done.length;
  }

  /** Finishes what follows a MentorshipStarted: used inline and by the reactor (idempotent). */
  async afterStart(parties: MentorshipParties, meta: CommitMeta, now: string): Promise<void> {
    if (parties.origin === 'request') {
      unwrap(
        await this.commands.requests.handle({
          streamId: mentorshipRequestStreamId(parties.originId),
          command: {
            type: 'AcceptRequest',
            byPersonId: parties.mentorPersonId,
            mentorshipId: parties.mentorshipId,
            // The acceptance was decided when the mentee was claimed, so a request expiring meanwhile does not undo it.
            now: await this.claimTimeOf(parties, now),
          },
          commitId: randomUUID(),
          meta,
        }),
      );
    } else {
      unwrap(
        await this.commands.proposals.handle({
          streamId: proposalStreamId(parties.originId),
          command: { type: 'ConfirmProposal', mentorshipId: parties.mentorshipId },
          commitId: randomUUID(),
          meta,
        }),
      );
    }
    await this.withdrawOtherRequests(parties.programId, parties.menteePersonId, meta, now);
  }

  private async completeMatch(parties: MentorshipParties, now: string, meta: CommitMeta): Promise<void> {
    await this.journal?.begin(parties, meta, now);
    try {
      await this.runSteps(parties, now, meta);
    } catch (error) {
      // A decided failure was already undone step by step; only a crash-like error leaves the entry for the sweeper.
      if (error instanceof DomainError) await this.journal?.end(parties.mentorshipId);
      throw error;
    }
    await this.journal?.end(parties.mentorshipId);
  }

  /**
   * Finishes or undoes acceptances whose process stopped between steps (journal entries older than the claim
   * lifetime). Returns how many were completed and how many undone.
   */
  async sweep(now: Date): Promise<{ completed: number; undone: number }> {
    if (!this.journal) return { completed: 0, undone: 0 };
    const cutoff = new Date(now.getTime() - this.options.claimTtlSeconds * 1000);
    let completed = 0;
    let undone = 0;
    for (const entry of await this.journal.staleBefore(cutoff)) {
      try {
        await this.runSteps(entry.parties, entry.now, entry.meta);
        completed += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // It can no longer complete (the mentor filled up, the mentee was matched elsewhere): give back what it held.
        await this.undo(entry.parties, entry.meta);
        undone += 1;
      }
      await this.journal.end(entry.parties.mentorshipId);
    }
    return { completed, undone };
  }

  private async undo(parties: MentorshipParties, meta: CommitMeta): Promise<void> {
    const { state: mentorship } = await this.commands.mentorships.load(mentorshipStreamId(parties.mentorshipId));
    if (mentorship.status !== 'none') return; // it started: nothing to undo
    await this.commands.mentorBooks.handle({
      streamId: mentorBookStreamId(parties.programId, parties.mentorPersonId),
      command: { type: 'ReleaseSeat', mentorshipId: parties.mentorshipId },
      commitId: randomUUID(),
      meta,
    });
    await this.commands.menteeRequests.handle({
      streamId: menteeRequestsStreamId(parties.programId, parties.menteePersonId),
      command: { type: 'ReleaseClaim', claimId: parties.originId },
      commitId: randomUUID(),
      meta,
    });
  }

  private async runSteps(parties: MentorshipParties, now: string, meta: CommitMeta): Promise<void> {
    const menteeStream = menteeRequestsStreamId(parties.programId, parties.menteePersonId);
    const claimId = parties.originId;

    // 1. Claim the mentee; wait briefly while another acceptance of the same mentee completes.
    for (let attempt = 0; ; attempt++) {
      const claimed = await this.commands.menteeRequests.handle({
        streamId: menteeStream,
        command: {
          type: 'ClaimMatch',
          claimId,
          origin: parties.origin,
          now,
          claimTtlSeconds: this.options.claimTtlSeconds,
        },
        commitId: randomUUID(),
        meta,
      });
      if (claimed.ok) break;
      const matchedHere = await this.alreadyMatchedBy(menteeStream, parties.mentorshipId);
      if (matchedHere) break; // a retry after the claim was confirmed: continue with the later steps
      if (claimed.error.details['reason'] !== 'mentee-busy' || attempt >= this.options.busyRetries) throw claimed.error;
      await sleep(20 + Math.random() * 40);
    }

    // 2. Take a seat in the mentor's book: the capacity decision.
    const seat = await this.commands.mentorBooks.handle({
      streamId: mentorBookStreamId(parties.programId, parties.mentorPersonId),
      command: {
        type: 'ReserveSeat',
        mentorshipId: parties.mentorshipId,
        menteePersonId: parties.menteePersonId,
        origin: parties.origin,
        originId: parties.originId,
      },
      commitId: randomUUID(),
      meta,
    });
    if (!seat.ok) {
      await this.commands.menteeRequests.handle({
        streamId: menteeStream,
        command: { type: 'ReleaseClaim', claimId },
        commitId: randomUUID(),
        meta,
      });
      throw seat.error;
    }

    // 3. Confirm the mentee's match: closes their other open requests.
    const confirmed = await this.commands.menteeRequests.handle({
      streamId: menteeStream,
      command: { type: 'ConfirmMatch', claimId, mentorshipId: parties.mentorshipId },
      commitId: randomUUID(),
      meta,
    });
    if (!confirmed.ok) {
      await this.commands.mentorBooks.handle({
        streamId: mentorBookStreamId(parties.programId, parties.mentorPersonId),
        command: { type: 'ReleaseSeat', mentorshipId: parties.mentorshipId },
        commitId: randomUUID(),
        meta,
      });
      throw confirmed.error;
    }

    // 4. The mentorship starts; its MentorshipStarted event drives the rest durably (reactor), done inline here too.
    unwrap(
      await this.commands.mentorships.handle({
        streamId: mentorshipStreamId(parties.mentorshipId),
        command: { type: 'StartMentorship', ...parties, now },
        commitId: randomUUID(),
        meta,
      }),
    );
    await this.afterStart(parties, meta, now);
  }

  private async alreadyMatchedBy(menteeStream: string, mentorshipId: string): Promise<boolean> {
    const { state } = await this.commands.menteeRequests.load(menteeStream);
    return state.mentorshipId === mentorshipId;
  }

  /** When the request was claimed (so expiry is judged at the decision, not at a later retry). */
  private async claimTimeOf(parties: MentorshipParties, fallback: string): Promise<string> {
    const { state } = await this.commands.mentorships.load(mentorshipStreamId(parties.mentorshipId));
    return state.status === 'none' ? fallback : state.startedAt;
  }

  private meta(ctx: CommandContext, programId: string): CommitMeta {
    return { tenantId: ctx.tenantId, programId, correlationId: ctx.correlationId, actor: ctx.actorPersonId };
  }
}
