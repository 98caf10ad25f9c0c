import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FactorScore, NotFirstChoiceReason, RoundPair } from '../graphql/matching.types';

@Resolver(() => RoundPair)
export class RoundPairResolver {
  @ResolveField(() => [FactorScore], {
    description: "The score's breakdown by factor under the round's rules (empty for a pair outside its input)",
  })
  factors(@Parent() pair: RoundPair): Promise<FactorScore[]> {
    return pair.factorsOf();
  }

  @ResolveField(() => NotFirstChoiceReason, {
    nullable: true,
    description:
      "Why the mentee did not get the mentor that fits them best, with the numbers; null when they did, or when the pair is the manager's (locked, added or swapped since the computation)",
  })
  notFirstChoice(@Parent() pair: RoundPair): Promise<NotFirstChoiceReason | null> {
    return pair.notFirstChoiceOf();
  }
}
