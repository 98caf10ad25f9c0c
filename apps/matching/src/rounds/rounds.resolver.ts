import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { DomainError } from '@trellis/shared/event-store';
import { CurrentPrincipal, type GraphqlContext } from '@trellis/shared/graphql';
import type { RoundObjective } from '@trellis/matching/contracts';
import type { OverrideReason, RoundState } from '@trellis/matching/domain';
import type { CommandContext } from '../acceptance/acceptance.service';
import { commandContext, commandIdArg, withCommandId } from '../graphql/command-context';
import { toRound } from '../graphql/matching.mappers';
import { MatchingRound, OverrideReasonEnum, RoundObjectiveEnum } from '../graphql/matching.types';
import { MatchingRoundPage, toRoundPage } from '../graphql/round-list.types';
import {
  MatchingRoundComparison,
  RoundComparisonRulesInput,
  toRoundComparison,
} from '../graphql/round-comparison.types';
import { RoundsService, type RoundOverride } from './rounds.service';

/** Program managers' matching rounds: draft, overrides, re-solves, comparison, publish or discard. */
@Resolver()
export class RoundsResolver {
  constructor(@Inject(RoundsService) private readonly rounds: RoundsService) {}

  @Query(() => MatchingRound, { description: 'A matching round (program managers)' })
  async matchingRound(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('id', { type: () => ID }) id: string,
  ) {
    const ctx = commandContext(principal, context);
    return this.explained(ctx, await this.rounds.round(ctx, id));
  }

  @Query(() => MatchingRoundPage, { description: "A program's matching rounds, newest first (program managers)" })
  async matchingRounds(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    if (first < 1 || first > 100) throw new DomainError('BAD_USER_INPUT', '`first` must be from 1 to 100.');
    const page = await this.rounds.rounds(commandContext(principal, context), programId, first, after ?? null);
    return toRoundPage(page);
  }

  @Query(() => MatchingRoundComparison, {
    description:
      "Re-solves a round's recorded input with other rules (default: the program's current ones) and shows what changes (program managers)",
  })
  async compareMatchingRound(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('rules', { type: () => RoundComparisonRulesInput, nullable: true }) rules?: RoundComparisonRulesInput | null,
    @Args('objective', { type: () => RoundObjectiveEnum, nullable: true }) objective?: RoundObjective | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first = 100,
  ) {
    if (first < 0 || first > 10_000) throw new DomainError('BAD_USER_INPUT', '`first` must be from 0 to 10000.');
    const weights: Record<string, number> = {};
    for (const w of rules?.weights ?? []) {
      if (w.factor in weights) throw new DomainError('BAD_USER_INPUT', `The weight of ${w.factor} is given twice.`);
      weights[w.factor] = w.weight;
    }
    const report = await this.rounds.compareRound(commandContext(principal, context), roundId, {
      weights,
      hardRules: {
        ...(typeof rules?.sameDepartmentNotAllowed === 'boolean'
          ? { sameDepartmentNotAllowed: rules.sameDepartmentNotAllowed }
          : {}),
        ...(typeof rules?.sharedLanguageRequired === 'boolean'
          ? { sharedLanguageRequired: rules.sharedLanguageRequired }
          : {}),
        ...(rules?.maxTimezoneGapHours !== undefined ? { maxTimezoneGapHours: rules.maxTimezoneGapHours } : {}),
      },
      ...(objective ? { objective } : {}),
    });
    return toRoundComparison(report, first);
  }

  @Mutation(() => MatchingRound, { description: 'Starts a round and computes its draft (invisible to participants)' })
  async startMatchingRound(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('cohortId', { type: () => ID, nullable: true }) cohortId?: string,
    @Args('objective', { type: () => RoundObjectiveEnum, nullable: true }) objective?: RoundObjective,
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = withCommandId(commandContext(principal, context), commandId);
    return this.explained(
      ctx,
      await this.rounds.startRound(ctx, {
        programId,
        cohortId: cohortId ?? null,
        objective: objective ?? null,
      }),
    );
  }

  @Mutation(() => MatchingRound, {
    description: 'Re-solves the draft, keeping locked pairs and leaving out removed ones',
  })
  async recomputeMatchingRound(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = withCommandId(commandContext(principal, context), commandId);
    return this.explained(ctx, await this.rounds.compute(ctx, roundId));
  }

  @Mutation(() => MatchingRound)
  async lockRoundPair(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteePersonId', { type: () => ID }) menteePersonId: string,
    @Args('reason', { type: () => OverrideReasonEnum }) reason: OverrideReason,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.override(principal, context, commandId, roundId, { type: 'lock', menteePersonId, reason });
  }

  @Mutation(() => MatchingRound)
  async unlockRoundPair(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteePersonId', { type: () => ID }) menteePersonId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.override(principal, context, commandId, roundId, { type: 'unlock', menteePersonId, reason: 'other' });
  }

  @Mutation(() => MatchingRound)
  async removeRoundPair(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteePersonId', { type: () => ID }) menteePersonId: string,
    @Args('reason', { type: () => OverrideReasonEnum }) reason: OverrideReason,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.override(principal, context, commandId, roundId, { type: 'remove', menteePersonId, reason });
  }

  @Mutation(() => MatchingRound)
  async addRoundPair(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteePersonId', { type: () => ID }) menteePersonId: string,
    @Args('mentorPersonId', { type: () => ID }) mentorPersonId: string,
    @Args('reason', { type: () => OverrideReasonEnum }) reason: OverrideReason,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.override(principal, context, commandId, roundId, {
      type: 'add',
      menteePersonId,
      mentorPersonId,
      reason,
    });
  }

  @Mutation(() => MatchingRound)
  async swapRoundMentors(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteeA', { type: () => ID }) menteeA: string,
    @Args('menteeB', { type: () => ID }) menteeB: string,
    @Args('reason', { type: () => OverrideReasonEnum }) reason: OverrideReason,
    @Args(commandIdArg) commandId?: string,
  ) {
    return this.override(principal, context, commandId, roundId, { type: 'swap', menteeA, menteeB, reason });
  }

  @Mutation(() => MatchingRound, { description: 'Sends one proposal per pair to both sides' })
  async publishMatchingRound(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('respondWithinDays', { type: () => Int, defaultValue: 7 }) respondWithinDays: number,
    @Args(commandIdArg) commandId?: string,
  ) {
    if (respondWithinDays < 1 || respondWithinDays > 60) {
      throw new DomainError('BAD_USER_INPUT', 'Give people 1 to 60 days to answer.');
    }
    const ctx = withCommandId(commandContext(principal, context), commandId);
    return this.explained(ctx, await this.rounds.publish(ctx, roundId, respondWithinDays));
  }

  @Mutation(() => MatchingRound)
  async discardMatchingRound(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = withCommandId(commandContext(principal, context), commandId);
    return this.explained(ctx, await this.rounds.discard(ctx, roundId));
  }

  private async override(
    principal: Principal,
    context: GraphqlContext,
    commandId: string | undefined,
    roundId: string,
    change: RoundOverride,
  ) {
    const ctx = withCommandId(commandContext(principal, context), commandId);
    return this.explained(ctx, await this.rounds.override(ctx, roundId, change));
  }

  private explained(ctx: CommandContext, round: RoundState) {
    return toRound(round, {
      factors: () => this.rounds.explainPairs(ctx, round),
      choices: () => this.rounds.explainChoices(ctx, round),
    });
  }
}
