import { Args, ID, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MatchingRound, RoundPair } from '../graphql/matching.types';
import { RoundMentor, RoundMentorLoad, RoundPairFilter, RoundPairConnection } from '../graphql/round-pair-page.types';
import { pairPage } from './round-pair-page';

const menteesByMentor = (pairs: readonly RoundPair[]) => {
  const load = new Map<string, { mentor: RoundPair['mentor']; mentees: number }>();
  for (const p of pairs) {
    const entry = load.get(p.mentorPersonId) ?? { mentor: p.mentor, mentees: 0 };
    entry.mentees += 1;
    load.set(p.mentorPersonId, entry);
  }
  return load;
};

/**
 * A round's pairs as a console reads them: a page at a time (names and explanations are then resolved for that page
 * only), the pairs an edit changed, and the figures over all pairs the page cannot add up itself.
 */
@Resolver(() => MatchingRound)
export class RoundPagesResolver {
  @ResolveField(() => RoundPairConnection)
  pairPage(
    @Parent() round: MatchingRound,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => RoundPairFilter, nullable: true }) filter?: RoundPairFilter | null,
  ): Promise<RoundPairConnection> {
    return pairPage(
      round.pairs,
      filter ?? {},
      first,
      after ?? null,
      async (p) => (await p.notFirstChoiceOf()) !== null,
    );
  }

  @ResolveField(() => [RoundPair], {
    description: "These mentees' pairs in the round (a mentee without one is left out): what an edit changed",
  })
  pairsOf(
    @Parent() round: MatchingRound,
    @Args('menteePersonIds', { type: () => [ID] }) menteePersonIds: string[],
  ): RoundPair[] {
    const wanted = new Set(menteePersonIds);
    return round.pairs.filter((p) => wanted.has(p.menteePersonId));
  }

  @ResolveField(() => RoundMentorLoad)
  mentorLoad(@Parent() round: MatchingRound): RoundMentorLoad {
    const counts = [...menteesByMentor(round.pairs).values()].map((m) => m.mentees);
    if (counts.length === 0) return { mentors: 0, fewest: 0, most: 0 };
    return { mentors: counts.length, fewest: Math.min(...counts), most: Math.max(...counts) };
  }

  @ResolveField(() => [RoundMentor], { description: 'The mentors of the round, each with their number of mentees' })
  mentors(@Parent() round: MatchingRound): RoundMentor[] {
    return [...menteesByMentor(round.pairs)].map(([mentorPersonId, { mentor, mentees }]) => ({
      mentorPersonId,
      mentor,
      mentees,
    }));
  }
}
