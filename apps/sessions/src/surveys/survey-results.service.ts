import {
  aggregateSurvey,
  aggregateSurveyByCohort,
  orderFreeTexts,
  type QuestionAggregate,
  type SurveyAggregate,
} from '@trellis/sessions/domain';
import type { MembershipDirectory } from '@trellis/shared/memberships';
import { ERASED } from '@trellis/shared/privacy';
import type { Actor } from '../core/actor';
import { requireProgramManager } from '../core/program-managers';
import type { SessionsReadModels } from '../core/read-models';
import type { SealedTexts } from '../core/sealed-texts';
import type { ProgramSettingsDirectory } from '../profiles/program-settings.projection';
import type { SurveyReadModels } from './survey-read-models';
import type { SurveyStore } from './survey-store';

/** A question's figures with its free texts opened for reading: words only, never who wrote them. */
export type ReadableQuestionAggregate =
  | Exclude<QuestionAggregate, { texts: unknown }>
  | (Omit<Extract<QuestionAggregate, { texts: unknown }>, 'texts'> & { texts: string[] });

export type ReadableSurveyAggregate =
  | Exclude<SurveyAggregate, { status: 'shown' }>
  | (Omit<Extract<SurveyAggregate, { status: 'shown' }>, 'questions'> & { questions: ReadableQuestionAggregate[] });

export interface SurveyResultsView {
  surveyId: string;
  asOf: string;
  minRespondents: number;
  groups: Array<{ cohortId: string | null; aggregate: ReadableSurveyAggregate }>;
}

/**
 * Anonymous results of a survey for the program's managers: the domain's figures over every response, the answers
 * of erased people left out, groups under the respondent threshold hidden.
 */
export class SurveyResultsService {
  constructor(
    private readonly store: SurveyStore,
    private readonly readModels: SurveyReadModels,
    private readonly sessionsReadModels: SessionsReadModels,
    private readonly texts: SealedTexts,
    private readonly memberships: MembershipDirectory,
    private readonly programSettings: ProgramSettingsDirectory,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private requireManager(actor: Actor, programId: string): Promise<void> {
    return requireProgramManager(
      this.memberships,
      actor,
      programId,
      'Only the managers of this program read its survey results.',
    );
  }

  async results(actor: Actor, surveyId: string, byCohort: boolean, asOf?: string): Promise<SurveyResultsView> {
    const survey = await this.store.loadSurvey(actor.tenantId, surveyId);
    await this.requireManager(actor, survey.programId);
    const responses = await this.readModels.responsesOf(actor.tenantId).find({ surveyId });
    const erasedPersonIds = await this.sessionsReadModels.erasedAmong(
      actor.tenantId,
      responses.map((r) => r.respondentPersonId),
    );
    const at = asOf ?? this.clock().toISOString();
    // The program's own threshold (profiles' surveyResultThreshold, never below 3), the domain's default until known.
    const { surveyResultThreshold: minRespondents } = await this.programSettings.settingsOf(
      actor.tenantId,
      survey.programId,
    );
    const options = { minRespondents, erasedPersonIds, asOf: at };
    const groups = byCohort
      ? aggregateSurveyByCohort(survey.questions, responses, options)
      : [{ cohortId: null, aggregate: aggregateSurvey(survey.questions, responses, options) }];
    return {
      surveyId,
      asOf: at,
      minRespondents,
      groups: await Promise.all(
        groups.map(async (g) => ({ cohortId: g.cohortId, aggregate: await this.readable(g.aggregate) })),
      ),
    };
  }

  private async readable(aggregate: SurveyAggregate): Promise<ReadableSurveyAggregate> {
    if (aggregate.status !== 'shown') return aggregate;
    const questions = await Promise.all(
      aggregate.questions.map(async (question): Promise<ReadableQuestionAggregate> => {
        if (!('texts' in question)) return question;
        const opened = await Promise.all(question.texts.map((text) => this.texts.open(text)));
        // A shredded key (an erased author) reads as nothing at all.
        const words = opened.filter((t): t is string => t !== undefined && t !== ERASED);
        return { ...question, texts: orderFreeTexts(words) };
      }),
    );
    return { ...aggregate, questions };
  }
}
