import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal, type GraphqlContext } from '@trellis/shared/graphql';
import type { DeclineReason } from '@trellis/matching/contracts';
import { AcceptanceService } from '../acceptance/acceptance.service';
import { commandContext, commandIdArg, withCommandId } from '../graphql/command-context';
import { proposalFromState, toProposal } from '../graphql/matching.mappers';
import { AcceptanceOutcome, DeclineReasonEnum, Proposal } from '../graphql/matching.types';
import { MentorshipsService } from './mentorships.service';
import { Relationships } from './relationships.projection';

/** Proposals from published rounds, answered by each side. */
@Resolver()
export class ProposalsResolver {
  constructor(
    @Inject(AcceptanceService) private readonly acceptance: AcceptanceService,
    @Inject(MentorshipsService) private readonly mentorships: MentorshipsService,
    @Inject(Relationships) private readonly relationships: Relationships,
  ) {}

  @Query(() => [Proposal], { description: 'Proposals from published rounds, for you as mentor or mentee' })
  async myProposals(@CurrentPrincipal() principal: Principal) {
    return (await this.relationships.proposalsOf(principal.tenantId, principal.personId)).map(toProposal);
  }

  @Mutation(() => AcceptanceOutcome, { description: 'Accept a proposal; the mentorship starts once both sides have' })
  async acceptProposal(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.acceptance.acceptProposal(withCommandId(commandContext(principal, context), commandId), proposalId);
  }

  @Mutation(() => Proposal)
  async declineProposal(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('reason', { type: () => DeclineReasonEnum }) reason: DeclineReason,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const state = await this.mentorships.declineProposal(
      withCommandId(commandContext(principal, context), commandId),
      proposalId,
      reason,
      comment ?? null,
    );
    return proposalFromState(state);
  }
}
