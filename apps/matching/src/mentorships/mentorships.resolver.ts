import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { DomainError } from '@trellis/shared/event-store';
import { CurrentPrincipal, type GraphqlContext } from '@trellis/shared/graphql';
import type { EndReason } from '@trellis/matching/contracts';
import { commandContext, commandIdArg, withCommandId } from '../graphql/command-context';
import { toMentorship } from '../graphql/matching.mappers';
import { EndReasonEnum, Mentorship } from '../graphql/matching.types';
import { MentorshipsService } from './mentorships.service';
import { Relationships } from './relationships.projection';

/** Running mentorships: yours, and pausing, resuming, ending or rematching them. */
@Resolver()
export class MentorshipsResolver {
  constructor(
    @Inject(MentorshipsService) private readonly mentorships: MentorshipsService,
    @Inject(Relationships) private readonly relationships: Relationships,
  ) {}

  @Query(() => [Mentorship], { description: 'Your mentorships, as mentor or mentee' })
  async myMentorships(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID, nullable: true }) programId?: string,
  ) {
    return (await this.relationships.mentorshipsOf(principal.tenantId, principal.personId, programId)).map(
      toMentorship,
    );
  }

  @Mutation(() => Boolean)
  async pauseMentorship(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('until', { type: () => String, nullable: true }) until?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const date = until ? new Date(until) : null;
    if (date && Number.isNaN(date.getTime())) throw new DomainError('BAD_USER_INPUT', '"until" is not a valid date.');
    await this.mentorships.pause(withCommandId(commandContext(principal, context), commandId), mentorshipId, date);
    return true;
  }

  @Mutation(() => Boolean)
  async resumeMentorship(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    await this.mentorships.resume(withCommandId(commandContext(principal, context), commandId), mentorshipId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Either side or a program manager ends a mentorship' })
  async endMentorship(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('reason', { type: () => EndReasonEnum }) reason: EndReason,
    @Args('reflection', { type: () => String, nullable: true }) reflection?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    await this.mentorships.end(
      withCommandId(commandContext(principal, context), commandId),
      mentorshipId,
      reason,
      reflection ?? null,
    );
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends the mentorship and puts the mentee back in the pool' })
  async requestRematch(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('reflection', { type: () => String, nullable: true }) reflection?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    await this.mentorships.requestRematch(
      withCommandId(commandContext(principal, context), commandId),
      mentorshipId,
      reflection ?? null,
    );
    return true;
  }
}
