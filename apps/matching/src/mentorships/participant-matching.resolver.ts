import { Inject } from '@nestjs/common';
import { Args, Int, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { ProgramManagerDirectory } from '../core/program-managers';
import { toMentorship, toProposal, toRecommendation, toRequest } from '../graphql/matching.mappers';
import { Mentorship, MentorshipRequest, Participant, Proposal, RecommendedMentor } from '../graphql/matching.types';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { Relationships } from './relationships.projection';

@Resolver(() => Participant)
export class ParticipantMatchingResolver {
  constructor(
    @Inject(CandidatePool) private readonly pool: CandidatePool,
    @Inject(ProgramManagerDirectory) private readonly managers: ProgramManagerDirectory,
    @Inject(Relationships) private readonly relationships: Relationships,
    @Inject(RecommendationsService) private readonly recommendations: RecommendationsService,
  ) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): Participant {
    return { id: reference.id };
  }

  /** The participant themselves, or a manager of their program (or an org admin), may see their relationships. */
  private async visible(principal: Principal, participantId: string) {
    const row = await this.pool.participantById(principal.tenantId, participantId);
    if (!row) return null;
    if (row.personId === principal.personId || principal.orgAdmin) return row;
    return (await this.managers.canManage(principal.tenantId, row.programId, principal.personId)) ? row : null;
  }

  @ResolveField(() => [Mentorship])
  async mentorships(@CurrentPrincipal() principal: Principal, @Parent() participant: Participant) {
    const row = await this.visible(principal, participant.id);
    if (!row) return [];
    return (await this.relationships.mentorshipsOf(principal.tenantId, row.personId, row.programId)).map(toMentorship);
  }

  @ResolveField(() => [MentorshipRequest])
  async mentorshipRequests(@CurrentPrincipal() principal: Principal, @Parent() participant: Participant) {
    const row = await this.visible(principal, participant.id);
    if (!row) return [];
    return (await this.relationships.requestsOf(principal.tenantId, row.personId))
      .filter((r) => r.programId === row.programId)
      .map(toRequest);
  }

  @ResolveField(() => [Proposal])
  async proposals(@CurrentPrincipal() principal: Principal, @Parent() participant: Participant) {
    const row = await this.visible(principal, participant.id);
    if (!row) return [];
    return (await this.relationships.proposalsOf(principal.tenantId, row.personId))
      .filter((r) => r.programId === row.programId)
      .map(toProposal);
  }

  @ResolveField(() => [RecommendedMentor])
  async recommendedMentors(
    @CurrentPrincipal() principal: Principal,
    @Parent() participant: Participant,
    @Args('first', { type: () => Int, defaultValue: 5 }) first: number,
  ) {
    const row = await this.visible(principal, participant.id);
    if (!row?.roles.includes('mentee')) return [];
    return (await this.recommendations.recommendedMentors(principal.tenantId, row.programId, row.personId, first)).map(
      toRecommendation,
    );
  }
}
