import { addDays, proposalStreamId, type ProposalEvent, type ProposalState } from '@trellis/matching/domain';
import type { EventStore } from '@trellis/shared/event-store';
import type { CommandContext } from '../acceptance/acceptance.service';
import { deriveId } from '../commands/deterministic-id';
import type { CandidatePool } from '../pool/candidate-pool.projection';
import type { RecommendationsService } from '../recommendations/recommendations.service';

/**
 * After a declined proposal the mentee is back in the pool; where the program says so, they are offered the
 * next-best feasible mentor right away, as a new proposal of the same round (never the mentor who just declined or
 * was declined). The new proposal's id follows from the declined one, so this runs at most once per decline.
 */
export class NextBestOffer {
  constructor(
    private readonly store: EventStore,
    private readonly pool: CandidatePool,
    private readonly recommendations: RecommendationsService,
  ) {}

  async afterDecline(ctx: CommandContext, declined: ProposalState): Promise<string | null> {
    const program = await this.pool.program(ctx.tenantId, declined.programId);
    if (!program?.settings?.offerNextBestOnDecline) return null;
    const candidates = await this.recommendations.recommendedMentors(
      ctx.tenantId,
      declined.programId,
      declined.menteePersonId,
      5,
    );
    const next = candidates.find((c) => c.mentorPersonId !== declined.mentorPersonId);
    if (!next) return null;
    const now = (ctx.now ?? new Date()).toISOString();
    const proposalId = deriveId('next-best', declined.proposalId);
    const event: ProposalEvent = {
      type: 'MatchProposed',
      proposalId,
      roundId: declined.roundId,
      programId: declined.programId,
      mentorPersonId: next.mentorPersonId,
      menteePersonId: declined.menteePersonId,
      mentorParticipantId: next.mentorParticipantId,
      menteeParticipantId: declined.menteeParticipantId,
      format: declined.format,
      score: Math.round(next.score * 10_000) / 10_000,
      respondBy: Date.parse(declined.respondBy) > Date.parse(now) ? declined.respondBy : addDays(now, 7),
    };
    const { type, ...data } = event;
    await this.store.append({
      streamId: proposalStreamId(proposalId),
      streamType: 'proposal',
      expected: 'no-stream',
      events: [{ type, data }],
      meta: {
        tenantId: ctx.tenantId,
        programId: declined.programId,
        correlationId: ctx.correlationId,
        actor: 'system:next-best',
      },
      commitId: deriveId('propose', proposalId),
    });
    return proposalId;
  }
}
