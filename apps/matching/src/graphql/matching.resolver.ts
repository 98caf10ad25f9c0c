import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { DomainError } from '@trellis/shared/event-store';
import { CurrentPrincipal, type GraphqlContext } from '@trellis/shared/graphql';
import type { DeclineReason, EndReason, RoundObjective } from '@trellis/matching/contracts';
import type { OverrideReason } from '@trellis/matching/domain';
import type { RoundState } from '@trellis/matching/domain';
import type { CommandContext } from '../acceptance/acceptance.service';
import { MatchingRuntime } from '../matching-runtime';
import type { RoundOverride } from '../rounds/rounds.service';
import { proposalFromState, toMentorship, toProposal, toRecommendation, toRequest, toRound } from './matching.mappers';
import { MatchingRoundComparison, RoundComparisonRulesInput, toRoundComparison } from './round-comparison.types';
import {
  AcceptanceOutcome,
  DeclineReasonEnum,
  EndReasonEnum,
  FactorScore,
  MatchingRound,
  Mentorship,
  MentorshipRequest,
  OverrideReasonEnum,
  Participant,
  Proposal,
  RecommendedMentor,
  RequestOutcome,
  RoundObjectiveEnum,
  RoundPair,
} from './matching.types';

const commandIdArg = { name: 'commandId', type: () => ID, nullable: true, description: 'Idempotency key for retries' };

function commandContext(principal: Principal, context: GraphqlContext): CommandContext & { commandId: string } {
  return {
    tenantId: principal.tenantId,
    actorPersonId: principal.personId,
    correlationId: context.correlationId,
    orgAdmin: principal.orgAdmin,
    commandId: crypto.randomUUID(),
  };
}

const withCommandId = (ctx: CommandContext & { commandId: string }, commandId?: string | null) =>
  commandId ? { ...ctx, commandId } : ctx;

@Resolver(() => Participant)
export class ParticipantMatchingResolver {
  constructor(@Inject(MatchingRuntime) private readonly matching: MatchingRuntime) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): Participant {
    return { id: reference.id };
  }

  /** The participant themselves, or a manager of their program (or an org admin), may see their relationships. */
  private async visible(principal: Principal, participantId: string) {
    const row = await this.matching.pool.participantById(principal.tenantId, participantId);
    if (!row) return null;
    if (row.personId === principal.personId || principal.orgAdmin) return row;
    return (await this.matching.managers.canManage(principal.tenantId, row.programId, principal.personId)) ? row : null;
  }

  @ResolveField(() => [Mentorship])
  async mentorships(@CurrentPrincipal() principal: Principal, @Parent() participant: Participant) {
    const row = await this.visible(principal, participant.id);
    if (!row) return [];
    return (await this.matching.relationships.mentorshipsOf(principal.tenantId, row.personId, row.programId)).map(
      toMentorship,
    );
  }

  @ResolveField(() => [MentorshipRequest])
  async mentorshipRequests(@CurrentPrincipal() principal: Principal, @Parent() participant: Participant) {
    const row = await this.visible(principal, participant.id);
    if (!row) return [];
    return (await this.matching.relationships.requestsOf(principal.tenantId, row.personId))
      .filter((r) => r.programId === row.programId)
      .map(toRequest);
  }

  @ResolveField(() => [Proposal])
  async proposals(@CurrentPrincipal() principal: Principal, @Parent() participant: Participant) {
    const row = await this.visible(principal, participant.id);
    if (!row) return [];
    return (await this.matching.relationships.proposalsOf(principal.tenantId, row.personId))
      .filter((r) => r.programId === row.programId)
      .map(toProposal);
  }

  @ResolveField(() => [RecommendedMentor])
  async recommendedMentors(
    @CurrentPrincipal() principal: Principal,
    @Parent() participant: Participant,
    @Args('first', { type: () => Int, defaultValue: 5 }) first: number,
  ) {
    const row = await this.visible(principal, participant.id);
    if (!row?.roles.includes('mentee')) return [];
    return (
      await this.matching.recommendations.recommendedMentors(principal.tenantId, row.programId, row.personId, first)
    ).map(toRecommendation);
  }
}

@Resolver()
export class MatchingResolver {
  constructor(@Inject(MatchingRuntime) private readonly matching: MatchingRuntime) {}

  @Query(() => [Mentorship], { description: 'Your mentorships, as mentor or mentee' })
  async myMentorships(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID, nullable: true }) programId?: string,
  ) {
    return (await this.matching.relationships.mentorshipsOf(principal.tenantId, principal.personId, programId)).map(
      toMentorship,
    );
  }

  @Query(() => [MentorshipRequest], { description: 'Requests you sent or received' })
  async myMentorshipRequests(@CurrentPrincipal() principal: Principal) {
    return (await this.matching.relationships.requestsOf(principal.tenantId, principal.personId)).map(toRequest);
  }

  @Query(() => [Proposal], { description: 'Proposals from published rounds, for you as mentor or mentee' })
  async myProposals(@CurrentPrincipal() principal: Principal) {
    return (await this.matching.relationships.proposalsOf(principal.tenantId, principal.personId)).map(toProposal);
  }

  @Query(() => [RecommendedMentor], { description: 'Mentors for you in a program, best fit first, spread by demand' })
  async recommendedMentors(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('first', { type: () => Int, defaultValue: 5 }) first: number,
  ) {
    return (
      await this.matching.recommendations.recommendedMentors(principal.tenantId, programId, principal.personId, first)
    ).map(toRecommendation);
  }

  @Query(() => MatchingRound, { description: 'A matching round (program managers)' })
  async matchingRound(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('id', { type: () => ID }) id: string,
  ) {
    const ctx = commandContext(principal, context);
    return this.explained(ctx, await this.matching.rounds.round(ctx, id));
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
    const report = await this.matching.rounds.compareRound(commandContext(principal, context), roundId, {
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
      await this.matching.rounds.startRound(ctx, {
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
  ) {
    const ctx = commandContext(principal, context);
    return this.explained(ctx, await this.matching.rounds.compute(ctx, roundId));
  }

  @Mutation(() => MatchingRound)
  async lockRoundPair(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteePersonId', { type: () => ID }) menteePersonId: string,
    @Args('reason', { type: () => OverrideReasonEnum }) reason: OverrideReason,
  ) {
    return this.override(principal, context, roundId, { type: 'lock', menteePersonId, reason });
  }

  @Mutation(() => MatchingRound)
  async unlockRoundPair(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteePersonId', { type: () => ID }) menteePersonId: string,
  ) {
    return this.override(principal, context, roundId, { type: 'unlock', menteePersonId, reason: 'other' });
  }

  @Mutation(() => MatchingRound)
  async removeRoundPair(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteePersonId', { type: () => ID }) menteePersonId: string,
    @Args('reason', { type: () => OverrideReasonEnum }) reason: OverrideReason,
  ) {
    return this.override(principal, context, roundId, { type: 'remove', menteePersonId, reason });
  }

  @Mutation(() => MatchingRound)
  async addRoundPair(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteePersonId', { type: () => ID }) menteePersonId: string,
    @Args('mentorPersonId', { type: () => ID }) mentorPersonId: string,
    @Args('reason', { type: () => OverrideReasonEnum }) reason: OverrideReason,
  ) {
    return this.override(principal, context, roundId, { type: 'add', menteePersonId, mentorPersonId, reason });
  }

  @Mutation(() => MatchingRound)
  async swapRoundMentors(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteeA', { type: () => ID }) menteeA: string,
    @Args('menteeB', { type: () => ID }) menteeB: string,
    @Args('reason', { type: () => OverrideReasonEnum }) reason: OverrideReason,
  ) {
    return this.override(principal, context, roundId, { type: 'swap', menteeA, menteeB, reason });
  }

  @Mutation(() => MatchingRound, { description: 'Sends one proposal per pair to both sides' })
  async publishMatchingRound(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('respondWithinDays', { type: () => Int, defaultValue: 7 }) respondWithinDays: number,
  ) {
    if (respondWithinDays < 1 || respondWithinDays > 60) {
      throw new DomainError('BAD_USER_INPUT', 'Give people 1 to 60 days to answer.');
    }
    const ctx = commandContext(principal, context);
    return this.explained(ctx, await this.matching.rounds.publish(ctx, roundId, respondWithinDays));
  }

  @Mutation(() => MatchingRound)
  async discardMatchingRound(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('roundId', { type: () => ID }) roundId: string,
  ) {
    const ctx = commandContext(principal, context);
    return this.explained(ctx, await this.matching.rounds.discard(ctx, roundId));
  }

  @Mutation(() => AcceptanceOutcome, { description: 'Accept a proposal; the mentorship starts once both sides have' })
  async acceptProposal(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
  ) {
    return this.matching.acceptance.acceptProposal(commandContext(principal, context), proposalId);
  }

  @Mutation(() => Proposal)
  async declineProposal(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @Args('reason', { type: () => DeclineReasonEnum }) reason: DeclineReason,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
  ) {
    const state = await this.matching.mentorships.declineProposal(
      commandContext(principal, context),
      proposalId,
      reason,
      comment ?? null,
    );
    return proposalFromState(state);
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
    return this.matching.requests.requestMentor(ctx, { programId, mentorPersonId, message: message ?? null });
  }

  @Mutation(() => AcceptanceOutcome, { description: "The mentor accepts; the mentee's other requests are withdrawn" })
  async acceptMentorshipRequest(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('requestId', { type: () => ID }) requestId: string,
  ) {
    return this.matching.acceptance.acceptRequest(commandContext(principal, context), requestId);
  }

  @Mutation(() => Boolean)
  async declineMentorshipRequest(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason', { type: () => DeclineReasonEnum }) reason: DeclineReason,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
  ) {
    await this.matching.requests.declineRequest(commandContext(principal, context), requestId, reason, comment ?? null);
    return true;
  }

  @Mutation(() => Boolean)
  async withdrawMentorshipRequest(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('requestId', { type: () => ID }) requestId: string,
  ) {
    await this.matching.requests.withdrawRequest(commandContext(principal, context), requestId);
    return true;
  }

  @Mutation(() => Boolean)
  async pauseMentorship(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('until', { type: () => String, nullable: true }) until?: string,
  ) {
    const date = until ? new Date(until) : null;
    if (date && Number.isNaN(date.getTime())) throw new DomainError('BAD_USER_INPUT', '"until" is not a valid date.');
    await this.matching.mentorships.pause(commandContext(principal, context), mentorshipId, date);
    return true;
  }

  @Mutation(() => Boolean)
  async resumeMentorship(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
  ) {
    await this.matching.mentorships.resume(commandContext(principal, context), mentorshipId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Either side or a program manager ends a mentorship' })
  async endMentorship(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('reason', { type: () => EndReasonEnum }) reason: EndReason,
    @Args('reflection', { type: () => String, nullable: true }) reflection?: string,
  ) {
    await this.matching.mentorships.end(commandContext(principal, context), mentorshipId, reason, reflection ?? null);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends the mentorship and puts the mentee back in the pool' })
  async requestRematch(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('reflection', { type: () => String, nullable: true }) reflection?: string,
  ) {
    await this.matching.mentorships.requestRematch(
      commandContext(principal, context),
      mentorshipId,
      reflection ?? null,
    );
    return true;
  }

  private async override(principal: Principal, context: GraphqlContext, roundId: string, change: RoundOverride) {
    const ctx = commandContext(principal, context);
    return this.explained(ctx, await this.matching.rounds.override(ctx, roundId, change));
  }

  private explained(ctx: CommandContext, round: RoundState) {
    return toRound(round, () => this.matching.rounds.explainPairs(ctx, round));
  }
}

@Resolver(() => RoundPair)
export class RoundPairResolver {
  @ResolveField(() => [FactorScore], {
    description: "The score's breakdown by factor under the round's rules (empty for a pair outside its input)",
  })
  factors(@Parent() pair: RoundPair): Promise<FactorScore[]> {
    return pair.factorsOf();
  }
}
