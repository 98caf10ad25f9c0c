import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MatchHint, UnmatchedMentee } from '../graphql/matching.types';

@Resolver(() => UnmatchedMentee)
export class UnmatchedMenteeResolver {
  @ResolveField(() => [MatchHint], {
    description:
      "What would match this mentee, computed from the round's pool (most mentors first); empty when the round's input was not kept",
  })
  hints(@Parent() mentee: UnmatchedMentee): Promise<MatchHint[]> {
    return mentee.hintsOf();
  }
}
