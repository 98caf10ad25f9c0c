import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RoundObjective } from '@trellis/matching/contracts';
import type { RoundStatus } from '@trellis/matching/domain';
import type { RoundListPage } from '../rounds/round-list';
import { RoundObjectiveEnum, RoundStatusEnum, type Shown } from './matching.types';

@ObjectType({
  description: "One of a program's matching rounds as a list shows it; the round itself is `matchingRound`",
})
export class MatchingRoundSummary {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) cohortId!: string | null;
  @Field(() => RoundStatusEnum) status!: Shown<RoundStatus>;
  @Field(() => RoundObjectiveEnum) objective!: RoundObjective;
  @Field({ description: 'When the round was started' }) createdAt!: string;
  @Field(() => Int, { description: 'How often it was computed' }) iteration!: number;
  @Field(() => Int) pairCount!: number;
  @Field(() => Int) unmatchedCount!: number;
  @Field(() => Float, { nullable: true }) meanScore!: number | null;
  @Field(() => Float, { nullable: true }) minScore!: number | null;
  @Field(() => Float, { nullable: true }) coverage!: number | null;
}

@ObjectType({ description: "A page of a program's matching rounds, newest first" })
export class MatchingRoundPage {
  @Field(() => [MatchingRoundSummary]) nodes!: MatchingRoundSummary[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

export const toRoundPage = (page: RoundListPage): MatchingRoundPage => ({
  nodes: page.rounds.map(({ state, createdAt }) => ({
    id: state.roundId,
    cohortId: state.cohortId,
    status: state.status as Shown<RoundStatus>,
    objective: state.objective,
    createdAt: createdAt.toISOString(),
    iteration: state.iteration,
    pairCount: Object.keys(state.pairs).length,
    unmatchedCount: Object.keys(state.unmatched).length,
    meanScore: state.metrics?.meanScore ?? null,
    minScore: state.metrics?.minScore ?? null,
    coverage: state.metrics?.coverage ?? null,
  })),
  endCursor: page.endCursor,
  hasNextPage: page.hasNextPage,
});
