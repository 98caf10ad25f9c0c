import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal, type GraphqlContext } from '@trellis/shared/graphql';
import type { DeclineReason } from '@trellis/matching/contracts';
import { AcceptanceService } from '../acceptance/acceptance.service';
import { commandContext, commandIdArg, withCommandId } from '../graphql/command-context';
import { toRequest } from '../graphql/matching.mappers';
import { AcceptanceOutcome, DeclineReasonEnum, MentorshipRequest, RequestOutcome } from '../graphql/matching.types';
import { Relationships } from '../mentorships/relationships.projection';
import { MentorshipRequestsService } from './mentorship-requests.service';

/** Mentees asking mentors directly, and the mentor's answer. */
@Resolver()
export class RequestsResolver {
  constructor(
    @Inject(MentorshipRequestsService) private readonly requests: MentorshipRequestsService,
    @Inject(AcceptanceService) private readonly acceptance: AcceptanceService,
    @Inject(Relationships) private readonly relationships: Relationships,
  ) {}

  @Query(() => [MentorshipRequest], { description: 'Requests you sent or received' })
  async myMentorshipRequests(@CurrentPrincipal() principal: Principal) {
    return (await this.relationships.requestsOf(principal.tenantId, principal.personId)).map(toRequest);
  }

  @Mutation(() => RequestOutcome, { description: 'Ask a mentor; the message is stored encrypted' })
  async requestMentor(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('mentorPersonId', { type: () => ID }) mentorPersonId: string,
    @Args('message', { type: () => String, nullable: true }) message?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = withCommandId(commandContext(principal, context), commandId);
    return this.requests.requestMentor(ctx, { programId, mentorPersonId, message: message ?? null });
  }

  @Mutation(() => AcceptanceOutcome, { description: "The mentor accepts; the mentee's other requests are withdrawn" })
  async acceptMentorshipRequest(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.acceptance.acceptRequest(withCommandId(commandContext(principal, context), commandId), requestId);
  }

  @Mutation(() => Boolean)
  async declineMentorshipRequest(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason', { type: () => DeclineReasonEnum }) reason: DeclineReason,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    await this.requests.declineRequest(
      withCommandId(commandContext(principal, context), commandId),
      requestId,
      reason,
      comment ?? null,
    );
    return true;
  }

  @Mutation(() => Boolean)
  async withdrawMentorshipRequest(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    await this.requests.withdrawRequest(withCommandId(commandContext(principal, context), commandId), requestId);
    return true;
  }
}
