import {
  aggregateSurvey,
  aggregateSurveyByCohort,
  compareSurveyAggregates,
  DEFAULT_MIN_RESPONDENTS,
  orderFreeTexts,
  type QuestionAggregate,
  type SurveyAggregate,
  type SurveyAggregateOptions,
  type SurveyComparison,
  type SurveyState,
} from '@trellis/sessions/domain';
import type { MembershipDirectory } from '@trellis/shared/memberships';
import { ERASED } from '@trellis/shared/privacy';
import type { Actor } from '../core/actor';
import { requireProgramManager } from '../core/program-managers';
import type { SessionsReadModels } from '../core/read-models';
import type { SealedTexts } from '../core/sealed-texts';
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

/** A survey's figures against those of the survey it is a new version of, both as they stood at `asOf`. */
export interface SurveyTermComparisonView {
  previousSurveyId: string;
  previousTitle: string;
  previousProgramId: string;
  asOf: string;
  comparison: SurveyComparison;
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
    const at = asOf ?? this.clock().toISOString();
    const { responses, options } = await this.counted(actor.tenantId, survey, at);
    const groups = byCohort
      ? aggregateSurveyByCohort(survey.questions, responses, options)
      : [{ cohortId: null, aggregate: aggregateSurvey(survey.questions, responses, options) }];
    return {
      surveyId,
      asOf: at,
      minRespondents: options.minRespondents,
      groups: await Promise.all(
        groups.map(async (g) => ({ cohortId: g.cohortId, aggregate: await this.readable(g.aggregate) })),
      ),
    };
  }

  /**
   * This term against the previous one: null for a survey that is no new version of another. Each side is counted
   * under its own program's threshold, and the caller must manage the earlier survey's program as well.
   */
  async termComparison(actor: Actor, surveyId: string, asOf?: string): Promise<SurveyTermComparisonView | null> {
    const survey = await this.store.loadSurvey(actor.tenantId, surveyId);
    await this.requireManager(actor, survey.programId);
    if (!survey.previousSurveyId) return null;
    const previous = await this.store.loadSurvey(actor.tenantId, survey.previousSurveyId);
    await requireProgramManager(
      this.memberships,
      actor,
      previous.programId,
      'Only the managers of the earlier program compare with its survey.',
    );
    const at = asOf ?? this.clock().toISOString();
    const aggregateOf = async (side: SurveyState): Promise<SurveyAggregate> => {
      const { responses, options } = await this.counted(actor.tenantId, side, at);
      return aggregateSurvey(side.questions, responses, options);
    };
    const [current, before] = await Promise.all([aggregateOf(survey), aggregateOf(previous)]);
    return {
      previousSurveyId: previous.surveyId,
      previousTitle: previous.title,
      previousProgramId: previous.programId,
      asOf: at,
      comparison: compareSurveyAggregates(current, before),
    };
  }

  /** The responses of a survey and how to count them: erased people left out, the program's threshold. */
  private async counted(tenantId: string, survey: SurveyState, asOf: string) {
    const responses = await this.readModels.responsesOf(tenantId).find({ surveyId: survey.surveyId });
    const erasedPersonIds = await this.sessionsReadModels.erasedAmong(
      tenantId,
      responses.map((r) => r.respondentPersonId),
    );
    // Programs hold no threshold setting of their own yet; every program counts with the domain's default.
    const options: SurveyAggregateOptions & { minRespondents: number } = {
      minRespondents: DEFAULT_MIN_RESPONDENTS,
      erasedPersonIds,
      asOf,
    };
    return { responses, options };
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
