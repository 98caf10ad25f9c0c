import type { SealedText } from '@trellis/shared/kernel';
import { type SurveyAnswerInput, type SurveyOccurrence, type SurveyQuestion } from '@trellis/sessions/domain';
import { DomainError } from '@trellis/shared/event-store';
import { type Actor, commandContext } from '../core/actor';
import type { SealedTexts } from '../core/sealed-texts';
import type { SurveyOccurrenceRow, SurveyReadModels } from './survey-read-models';
import type { SurveyStore } from './survey-store';

/** An answer as the form sends it: free text in plain words, sealed here before the domain sees it. */
export interface PlainSurveyAnswer {
  questionId: string;
  value?: number | null;
  optionIds?: string[] | null;
  text?: string | null;
}

export interface SurveyInvitationView {
  occurrence: SurveyOccurrence;
  title: string;
  questions: SurveyQuestion[];
  answeredAt: string | null;
}

const occurrenceOf = ({ _id, tenantId: _tenant, ...rest }: SurveyOccurrenceRow): SurveyOccurrence => ({
  occurrenceId: _id,
  ...rest,
});

/** The surveys a person is asked to answer, and their answers (one per occurrence, final once given). */
export class SurveyInvitationsService {
  constructor(
    private readonly store: SurveyStore,
    private readonly readModels: SurveyReadModels,
    private readonly texts: SealedTexts,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Open occurrences the person is asked in and has not answered, those closing soonest first. */
  async myInvitations(actor: Actor, programId?: string): Promise<SurveyInvitationView[]> {
    const now = this.clock().toISOString();
    const rows = await this.readModels.occurrencesOf(actor.tenantId).find(
      {
        askedPersonIds: actor.personId,
        closesAt: { $gt: now },
        opensAt: { $lte: now },
        ...(programId ? { programId } : {}),
      },
      { sort: { closesAt: 1 }, limit: 100 },
    );
    const answered = await this.readModels
      .responsesOf(actor.tenantId)
      .find(
        { respondentPersonId: actor.personId, occurrenceId: { $in: rows.map((r) => r._id) } },
        { projection: { occurrenceId: 1 } },
      );
    const done = new Set(answered.map((r) => r.occurrenceId));
    const open = rows.filter((r) => !done.has(r._id));
    return Promise.all(open.map((row) => this.view(actor, occurrenceOf(row), null)));
  }

  async invitation(actor: Actor, occurrenceId: string): Promise<SurveyInvitationView> {
    const occurrence = await this.askedIn(actor, occurrenceId);
    const response = await this.store.loadResponse(occurrenceId, actor.personId);
    return this.view(actor, occurrence, response.status === 'submitted' ? response.submittedAt : null);
  }

  async answer(actor: Actor, occurrenceId: string, answers: PlainSurveyAnswer[]): Promise<SurveyInvitationView> {
    const occurrence = await this.occurrence(actor, occurrenceId);
    const survey = await this.store.loadSurvey(actor.tenantId, occurrence.surveyId);
    const sealed = await this.seal(actor, survey.questions, answers);
    const state = await this.store.executeResponse(commandContext(actor), {
      type: 'SubmitSurveyResponse',
      occurrence,
      questions: survey.questions,
      answers: sealed,
      actor: actor.personId,
      now: this.clock().toISOString(),
    });
    return { occurrence, title: survey.title, questions: survey.questions, answeredAt: state.submittedAt };
  }

  /** Free text is checked on the plain words and sealed with the respondent's key; other answers pass as they are. */
  private async seal(
    actor: Actor,
    questions: readonly SurveyQuestion[],
    answers: PlainSurveyAnswer[],
  ): Promise<SurveyAnswerInput[]> {
    return Promise.all(
      answers.map(async (answer): Promise<SurveyAnswerInput> => {
        const index = questions.findIndex((q) => q.questionId === answer.questionId);
        const kind = questions[index]?.kind;
        let text: SealedText | undefined;
        if (typeof answer.text === 'string' && kind !== undefined) {
          // Words sent for a scale or a choice would be dropped unseen; saying so lets the person fix the form.
          if (kind !== 'short-text' && kind !== 'long-text') {
            throw new DomainError('BAD_USER_INPUT', `Question ${index + 1} takes no written answer.`, {
              field: 'answers',
              questionId: answer.questionId,
            });
          }
          const field = kind === 'short-text' ? 'surveyShortAnswer' : 'surveyLongAnswer';
          text = await this.texts.seal(actor, field, answer.text, `The answer to question ${index + 1}`);
        }
        return {
          questionId: answer.questionId,
          ...(typeof answer.value === 'number' ? { value: answer.value } : {}),
          ...(Array.isArray(answer.optionIds) ? { optionIds: answer.optionIds } : {}),
          ...(text ? { text } : {}),
        };
      }),
    );
  }

  /** The occurrence in the caller's organization; another organization's id reads as missing. */
  private async occurrence(actor: Actor, occurrenceId: string): Promise<SurveyOccurrence> {
    const row = await this.readModels.occurrencesOf(actor.tenantId).findOne({ _id: occurrenceId });
    if (!row) throw new DomainError('NOT_FOUND', 'There is no such survey invitation.');
    return occurrenceOf(row);
  }

  /** Only those asked read the questions: to anyone else the invitation does not exist. */
  private async askedIn(actor: Actor, occurrenceId: string): Promise<SurveyOccurrence> {
    const occurrence = await this.occurrence(actor, occurrenceId);
    if (!occurrence.askedPersonIds.includes(actor.personId)) {
      throw new DomainError('NOT_FOUND', 'There is no such survey invitation.');
    }
    return occurrence;
  }

  private async view(
    actor: Actor,
    occurrence: SurveyOccurrence,
    answeredAt: string | null,
  ): Promise<SurveyInvitationView> {
    const survey = await this.store.loadSurvey(actor.tenantId, occurrence.surveyId);
    return { occurrence, title: survey.title, questions: survey.questions, answeredAt };
  }
}
