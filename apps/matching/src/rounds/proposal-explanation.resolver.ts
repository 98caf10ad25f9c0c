import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { toNotFirstChoice } from '../graphql/matching.mappers';
import { NotFirstChoiceReason, Proposal } from '../graphql/matching.types';
import { RoundsService } from './rounds.service';

/** A mentee's own proposal says why it is not with the mentor that fits them best. */
@Resolver(() => Proposal)
export class ProposalExplanationResolver {
  constructor(@Inject(RoundsService) private readonly rounds: RoundsService) {}

  @ResolveField(() => NotFirstChoiceReason, {
    nullable: true,
    description:
      "For the proposal's mentee only: why the round did not pair them with their best-fitting mentor (no other mentee is named); null when it did, and for anyone else",
  })
  async notFirstChoice(
    @CurrentPrincipal() principal: Principal,
    @Parent() proposal: Proposal,
  ): Promise<NotFirstChoiceReason | null> {
    const reason = await this.rounds.notFirstChoiceFor(principal.tenantId, principal.personId, proposal);
    return reason ? toNotFirstChoice(proposal.programId, reason) : null;
  }
}
