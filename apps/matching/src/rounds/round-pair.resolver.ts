import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { FactorScore, RoundPair } from '../graphql/matching.types';

@Resolver(() => RoundPair)
export class RoundPairResolver {
  @ResolveField(() => [FactorScore], {
    description: "The score's breakdown by factor under the round's rules (empty for a pair outside its input)",
  })
  factors(@Parent() pair: RoundPair): Promise<FactorScore[]> {
    return pair.factorsOf();
  }
}
