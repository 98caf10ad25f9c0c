import { Inject } from '@nestjs/common';
import { Args, Field, ID, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { EngagementNudgesService } from './engagement-nudges.service';

@ObjectType({ description: 'The reminder a program manager sent a pair (or the one already sent within the day)' })
export class MentorshipNudge {
  @Field(() => ID) mentorshipId!: string;
  @Field() nudgedAt!: string;
  @Field(() => ID) nudgedByPersonId!: string;
  @Field({ description: 'True when no new reminder went out because the pair was nudged within the last day' })
  alreadyNudged!: boolean;
}

@Resolver()
export class EngagementNudgesResolver {
  constructor(@Inject(EngagementNudgesService) private readonly nudges: EngagementNudgesService) {}

  @Mutation(() => MentorshipNudge, {
    description:
      'Reminds both people of a pair to meet (in-app and email); at most once a day per pair (program managers)',
  })
  nudgeMentorship(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('commandId', { type: () => ID, nullable: true, description: 'Idempotency key for retries' })
    commandId?: string,
  ) {
    return this.nudges.nudge(
      {
        tenantId: principal.tenantId,
        personId: principal.personId,
        orgAdmin: principal.orgAdmin === true,
        ...(commandId ? { commandId } : {}),
      },
      mentorshipId,
    );
  }
}
