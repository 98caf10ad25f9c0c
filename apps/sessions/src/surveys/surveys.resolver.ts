import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { actorOfPrincipal as actorOf, commandIdArg } from '../core/resolver-args';
import { previewOf, questionInputOf, scheduleInputOf, surveyOf } from './survey-views';
import { SurveysService } from './surveys.service';
import { Survey, SurveyPreview, SurveyQuestionInput, SurveyScheduleInput } from './surveys.types';

const surveyIdArg = { name: 'surveyId', type: () => ID };

/** Building program surveys: the program's managers (and the organization's admins) only. */
@Resolver(() => Survey)
export class SurveysResolver {
  constructor(@Inject(SurveysService) private readonly builder: SurveysService) {}

  private async change(
    principal: Principal,
    commandId: string | undefined,
    surveyId: string,
    command: Parameters<SurveysService['change']>[2],
  ): Promise<Survey> {
    return surveyOf(await this.builder.change(actorOf(principal, commandId), surveyId, command));
  }

  @Query(() => [Survey], { description: 'The surveys of a program you manage, most recently changed first' })
  async surveys(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
  ): Promise<Survey[]> {
    return (await this.builder.surveys(actorOf(principal), programId)).map(surveyOf);
  }

  @Query(() => Survey, { description: 'A survey of a program you manage' })
  async survey(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string): Promise<Survey> {
    return surveyOf(await this.builder.survey(actorOf(principal), id));
  }

  @Query(() => SurveyPreview, { description: 'The survey as participants would see it, with what blocks publishing' })
  async surveyPreview(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SurveyPreview> {
    return previewOf(await this.builder.preview(actorOf(principal), id));
  }

  @Mutation(() => Survey, { description: 'Drafts a survey for a program you manage' })
  async draftSurvey(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('title') title: string,
    @Args('questions', { type: () => [SurveyQuestionInput], nullable: true }) questions?: SurveyQuestionInput[],
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return surveyOf(
      await this.builder.draft(actorOf(principal, commandId), programId, title, questions?.map(questionInputOf)),
    );
  }

  @Mutation(() => Survey, {
    description:
      'Drafts a new version of an earlier survey in a program you manage: same questions, so the results compare',
  })
  async copySurvey(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('fromSurveyId', { type: () => ID }) fromSurveyId: string,
    @Args('title', { nullable: true, description: "The earlier survey's title when left out" }) title?: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return surveyOf(
      await this.builder.copy(actorOf(principal, commandId), fromSurveyId, programId, title ?? undefined),
    );
  }

  @Mutation(() => Survey, { description: 'Renames a draft' })
  async retitleSurvey(
    @CurrentPrincipal() principal: Principal,
    @Args(surveyIdArg) surveyId: string,
    @Args('title') title: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return this.change(principal, commandId, surveyId, { type: 'RetitleSurvey', title });
  }

  @Mutation(() => Survey, { description: 'Adds a question at the end of a draft' })
  async addSurveyQuestion(
    @CurrentPrincipal() principal: Principal,
    @Args(surveyIdArg) surveyId: string,
    @Args('question', { type: () => SurveyQuestionInput }) question: SurveyQuestionInput,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return this.change(principal, commandId, surveyId, {
      type: 'AddSurveyQuestion',
      question: questionInputOf(question),
    });
  }

  @Mutation(() => Survey, { description: 'Replaces a question of a draft (matched by its id)' })
  async editSurveyQuestion(
    @CurrentPrincipal() principal: Principal,
    @Args(surveyIdArg) surveyId: string,
    @Args('question', { type: () => SurveyQuestionInput }) question: SurveyQuestionInput,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return this.change(principal, commandId, surveyId, {
      type: 'EditSurveyQuestion',
      question: questionInputOf(question),
    });
  }

  @Mutation(() => Survey, { description: 'Removes a question from a draft' })
  async removeSurveyQuestion(
    @CurrentPrincipal() principal: Principal,
    @Args(surveyIdArg) surveyId: string,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return this.change(principal, commandId, surveyId, { type: 'RemoveSurveyQuestion', questionId });
  }

  @Mutation(() => Survey, { description: 'Puts the questions of a draft in a new order (every question once)' })
  async reorderSurveyQuestions(
    @CurrentPrincipal() principal: Principal,
    @Args(surveyIdArg) surveyId: string,
    @Args('questionIds', { type: () => [ID] }) questionIds: string[],
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return this.change(principal, commandId, surveyId, {
      type: 'ReorderSurveyQuestions',
      questionIds,
    });
  }

  @Mutation(() => Survey, { description: 'Sets when a draft is sent, to whom and for how long' })
  async scheduleSurvey(
    @CurrentPrincipal() principal: Principal,
    @Args(surveyIdArg) surveyId: string,
    @Args('schedule', { type: () => SurveyScheduleInput }) schedule: SurveyScheduleInput,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return surveyOf(await this.builder.schedule(actorOf(principal, commandId), surveyId, scheduleInputOf(schedule)));
  }

  @Mutation(() => Survey, { description: 'Publishes a draft: its questions and schedule are frozen from now on' })
  async publishSurvey(
    @CurrentPrincipal() principal: Principal,
    @Args(surveyIdArg) surveyId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return this.change(principal, commandId, surveyId, { type: 'PublishSurvey' });
  }

  @Mutation(() => Survey, { description: 'Stops sending a published survey to anyone new' })
  async closeSurvey(
    @CurrentPrincipal() principal: Principal,
    @Args(surveyIdArg) surveyId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<Survey> {
    return this.change(principal, commandId, surveyId, { type: 'CloseSurvey' });
  }
}
