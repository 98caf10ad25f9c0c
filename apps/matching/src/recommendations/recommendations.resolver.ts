import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { toRecommendation } from '../graphql/matching.mappers';
import { RecommendedMentor } from '../graphql/matching.types';
import { RecommendationsService } from './recommendations.service';

/** Mentors recommended to a mentee. */
@Resolver()
export class RecommendationsResolver {
  constructor(@Inject(RecommendationsService) private readonly recommendations: RecommendationsService) {}

  @Query(() => [RecommendedMentor], { description: 'Mentors for you in a program, best fit first, spread by demand' })
  async recommendedMentors(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('first', { type: () => Int, defaultValue: 5 }) first: number,
  ) {
    return (
      await this.recommendations.recommendedMentors(principal.tenantId, programId, principal.personId, first)
    ).map(toRecommendation);
  }
}
