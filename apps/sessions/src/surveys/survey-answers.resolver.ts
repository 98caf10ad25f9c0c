import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { actorOfPrincipal as actorOf, commandIdArg } from '../core/resolver-args';
import { SurveyInvitationsService } from './survey-invitations.service';
import { SurveyResultsService } from './survey-results.service';
import { invitationOf, resultsOf, termComparisonOf } from './survey-views';
import {
  SurveyAnswerInput,
  SurveyInvitation,
  SurveyResults,
  SurveyResultsGroupingEnum,
  SurveyTermComparison,
} from './surveys.types';

/** Answering surveys (the people asked) and reading their anonymous results (the program's managers). */
@Resolver(() => SurveyInvitation)
export class SurveyAnswersResolver {
  constructor(
    @Inject(SurveyInvitationsService) private readonly invitations: SurveyInvitationsService,
    @Inject(SurveyResultsService) private readonly results: SurveyResultsService,
  ) {}

  @Query(() => [SurveyInvitation], {
    description: 'Open surveys you are asked to answer and have not, closing soonest first',
  })
  async mySurveyInvitations(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID, nullable: true }) programId?: string,
  ): Promise<SurveyInvitation[]> {
    return (await this.invitations.myInvitations(actorOf(principal), programId ?? undefined)).map(invitationOf);
  }

  @Query(() => SurveyInvitation, { description: 'A survey you are asked to answer, with its questions' })
  async surveyInvitation(
    @CurrentPrincipal() principal: Principal,
    @Args('occurrenceId', { type: () => ID }) occurrenceId: string,
  ): Promise<SurveyInvitation> {
    return invitationOf(await this.invitations.invitation(actorOf(principal), occurrenceId));
  }

  @Mutation(() => SurveyInvitation, { description: 'Answers a survey; an answer is final once given' })
  async answerSurvey(
    @CurrentPrincipal() principal: Principal,
    @Args('occurrenceId', { type: () => ID }) occurrenceId: string,
    @Args('answers', { type: () => [SurveyAnswerInput] }) answers: SurveyAnswerInput[],
    @Args(commandIdArg) commandId?: string,
  ): Promise<SurveyInvitation> {
    return invitationOf(await this.invitations.answer(actorOf(principal, commandId), occurrenceId, answers));
  }

  @Query(() => SurveyResults, {
    description: 'Anonymous results of a survey of a program you manage; groups below the threshold are hidden',
  })
  async surveyResults(
    @CurrentPrincipal() principal: Principal,
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @Args('groupBy', { type: () => SurveyResultsGroupingEnum, nullable: true })
    groupBy?: (typeof SurveyResultsGroupingEnum)[keyof typeof SurveyResultsGroupingEnum],
    @Args('asOf', { type: () => String, nullable: true, description: 'UTC; the figures as they stood then' })
    asOf?: string,
  ): Promise<SurveyResults> {
    return resultsOf(await this.results.results(actorOf(principal), surveyId, groupBy === 'cohort', asOf ?? undefined));
  }

  @Query(() => SurveyTermComparison, {
    nullable: true,
    description:
      'A survey of a program you manage against the earlier survey it was copied from; null when it is no copy',
  })
  async surveyTermComparison(
    @CurrentPrincipal() principal: Principal,
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @Args('asOf', { type: () => String, nullable: true, description: 'UTC; both sides as they stood then' })
    asOf?: string,
  ): Promise<SurveyTermComparison | null> {
    const view = await this.results.termComparison(actorOf(principal), surveyId, asOf ?? undefined);
    return view ? termComparisonOf(view) : null;
  }
}
