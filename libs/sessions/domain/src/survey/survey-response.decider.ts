import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import { requireSealed } from '../sealed';
import { parseUtcInstant, toUtcIso } from '../time';
import { requireId, withOptional } from '../validation';
import type { SurveyOccurrence } from './survey-occurrences';
import { NPS_RANGE, SCALE_RANGE, type SurveyQuestion } from './survey.decider';

/**
 * One person's answer to one occurrence of a survey (stream `survey-response-<occurrenceId>/<personId>`). Answers
 * are checked against the published questions; free text arrives sealed with the respondent's key, so erasing the
 * person's key makes their words unreadable everywhere they were stored.
 *
 * An answer is final once submitted. Letting people change it until the close would move figures a manager may
 * already have looked at, and in a small group the shift after one known person's edit tells what that person
 * answered; a single, final answer keeps "one answer per person per occurrence" literally true.
 */

/** `/` never occurs in an identifier, so two different pairs never share a stream. */
export const surveyResponseStreamId = (occurrenceId: string, personId: string): string =>
  `survey-response-${occurrenceId}/${personId}`;

/** An answer as the form sends it: the field that fits the question's kind, the others absent. */
export interface SurveyAnswerInput {
  questionId: string;
  value?: number;
  optionIds?: string[];
  text?: SealedText;
}

export type SurveyAnswer =
  | { questionId: string; kind: 'scale' | 'nps'; value: number }
  | { questionId: string; kind: 'single-choice' | 'multiple-choice'; optionIds: string[] }
  | { questionId: string; kind: 'short-text' | 'long-text'; text: SealedText };

export interface SurveyResponseState {
  status: 'none' | 'submitted';
  occurrenceId: string;
  respondentPersonId: string;
  /** In the survey's question order; unanswered optional questions are absent. */
  answers: SurveyAnswer[];
  submittedAt: string;
}

export const initialSurveyResponseState = (): SurveyResponseState => ({
  status: 'none',
  occurrenceId: '',
  respondentPersonId: '',
  answers: [],
  submittedAt: '',
});

export type SurveyResponseCommand = {
  type: 'SubmitSurveyResponse';
  /** The occurrence and the published questions, as the service read them; the decider trusts neither the form. */
  occurrence: SurveyOccurrence;
  questions: SurveyQuestion[];
  answers: SurveyAnswerInput[];
  /** The person answering (from the verified token). */
  actor: string;
  now: string;
};

export type SurveyResponseEvent = {
  type: 'SurveyResponseSubmitted';
  occurrenceId: string;
  surveyId: string;
  programId: string;
  cohortId?: string;
  respondentPersonId: string;
  answers: SurveyAnswer[];
  submittedAt: string;
};

const isPresent = (input: SurveyAnswerInput): boolean =>
  input.value !== undefined ||
  input.text !== undefined ||
  (Array.isArray(input.optionIds) && input.optionIds.length > 0);

function choiceIds(
  question: Extract<SurveyQuestion, { kind: 'single-choice' | 'multiple-choice' }>,
  input: SurveyAnswerInput,
  fail: (message: string) => DomainError,
): string[] {
  const ids: unknown = input.optionIds;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw fail('choose from the options offered.');
  const known = new Set(question.options.map((o) => o.optionId));
  const chosen = [...new Set(ids as string[])];
  if (chosen.some((id) => !known.has(id))) throw fail('choose from the options offered.');
  if (question.kind === 'single-choice' && chosen.length !== 1) throw fail('choose exactly one option.');
  // Sorted by the survey's option order, so the stored answer does not keep the order in which boxes were ticked.
  return question.options.map((o) => o.optionId).filter((id) => chosen.includes(id));
}

function answerFor(question: SurveyQuestion, number: number, input: SurveyAnswerInput): SurveyAnswer {
  const fail = (message: string): DomainError =>
    new DomainError('BAD_USER_INPUT', `Question ${number}: ${message}`, {
      field: 'answers',
      questionId: question.questionId,
    });
  const whole = (min: number, max: number, what: string): number => {
    const value = input.value;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw fail(`choose ${what} from ${min} to ${max}.`);
    }
    return value;
  };
  const { questionId } = question;
  switch (question.kind) {
    case 'scale':
      return { questionId, kind: question.kind, value: whole(SCALE_RANGE.min, SCALE_RANGE.max, 'a value') };
    case 'nps':
      return { questionId, kind: question.kind, value: whole(NPS_RANGE.min, NPS_RANGE.max, 'a score') };
    case 'single-choice':
    case 'multiple-choice':
      return { questionId, kind: question.kind, optionIds: choiceIds(question, input, fail) };
    case 'short-text':
    case 'long-text':
      return { questionId, kind: question.kind, text: requireSealed(input.text, `Question ${number}`) };
  }
}

/** The answers in question order, every required question answered, each answer fitting its question. */
export function checkSurveyAnswers(questions: readonly SurveyQuestion[], inputs: unknown): SurveyAnswer[] {
  if (!Array.isArray(inputs)) {
    throw new DomainError('BAD_USER_INPUT', 'The answers must be a list.', { field: 'answers' });
  }
  const byQuestion = new Map<string, SurveyAnswerInput>();
  for (const input of inputs as SurveyAnswerInput[]) {
    const questionId = input?.questionId;
    if (!questions.some((q) => q.questionId === questionId)) {
      throw new DomainError('BAD_USER_INPUT', 'One answer is for a question this survey does not have.', {
        field: 'answers',
      });
    }
    if (byQuestion.has(questionId)) {
      throw new DomainError('BAD_USER_INPUT', 'A question is answered twice.', { field: 'answers', questionId });
    }
    byQuestion.set(questionId, input);
  }
  return questions.flatMap((question, index) => {
    const input = byQuestion.get(question.questionId);
    if (!input || !isPresent(input)) {
      if (!question.required) return [];
      throw new DomainError('BAD_USER_INPUT', `Question ${index + 1} must be answered.`, {
        field: 'answers',
        questionId: question.questionId,
      });
    }
    return [answerFor(question, index + 1, input)];
  });
}

function decide(command: SurveyResponseCommand, state: SurveyResponseState): SurveyResponseEvent[] {
  const { occurrence } = command;
  const actor = requireId(command.actor, 'actor');
  const nowMs = parseUtcInstant(command.now, 'now');
  if (!occurrence.askedPersonIds.includes(actor)) {
    throw new DomainError('FORBIDDEN', 'This survey was not sent to you.');
  }
  if (state.status === 'submitted') {
    throw new DomainError('CONFLICT', 'You have answered this survey already; an answer cannot be changed.', {
      submittedAt: state.submittedAt,
    });
  }
  if (nowMs < Date.parse(occurrence.opensAt)) {
    throw new DomainError('CONFLICT', 'This survey is not open yet.', { opensAt: occurrence.opensAt });
  }
  if (nowMs >= Date.parse(occurrence.closesAt)) {
    throw new DomainError('CONFLICT', 'This survey has closed; answers are no longer taken.', {
      closedAt: occurrence.closesAt,
    });
  }
  return [
    {
      type: 'SurveyResponseSubmitted',
      occurrenceId: occurrence.occurrenceId,
      surveyId: occurrence.surveyId,
      programId: occurrence.programId,
      ...withOptional('cohortId', occurrence.cohortId),
      respondentPersonId: actor,
      answers: checkSurveyAnswers(command.questions, command.answers),
      submittedAt: toUtcIso(nowMs),
    },
  ];
}

function evolve(state: SurveyResponseState, event: SurveyResponseEvent): SurveyResponseState {
  switch (event.type) {
    case 'SurveyResponseSubmitted':
      return {
        status: 'submitted',
        occurrenceId: event.occurrenceId,
        respondentPersonId: event.respondentPersonId,
        answers: event.answers,
        submittedAt: event.submittedAt,
      };
  }
}

export const surveyResponseDecider: Decider<SurveyResponseCommand, SurveyResponseEvent, SurveyResponseState> = {
  initialState: initialSurveyResponseState,
  decide,
  evolve,
};
