import type { SurveyAnswerInput, SurveyQuestionKind } from '../../../gql/graphql';

/** The fields of a question the answer page needs. */
export interface AnswerableQuestion {
  questionId: string;
  number: number;
  kind: SurveyQuestionKind;
  required: boolean;
  options: ReadonlyArray<{ optionId: string }>;
}

/** What the person has given so far, by question: a number, the ticked options, or words. */
export interface AnswerDraft {
  value?: number;
  optionIds?: readonly string[];
  text?: string;
}

export type AnswerDrafts = Readonly<Record<string, AnswerDraft | undefined>>;

/** A question's problem, named so the page can say it in the person's language. */
export type AnswerProblem =
  | { kind: 'required' }
  | { kind: 'chooseOne' }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'tooLong'; max: number };

// The API's ranges and lengths (libs/sessions/domain survey deciders, sealed text limits): checked here so the person
// learns on the field before sending, the API checks them again.
export const SCALE = { min: 1, max: 5 } as const;
export const NPS = { min: 0, max: 10 } as const;
export const TEXT_MAX: Partial<Record<SurveyQuestionKind, number>> = { SHORT_TEXT: 300, LONG_TEXT: 4000 };

const isGiven = (kind: SurveyQuestionKind, draft: AnswerDraft | undefined): boolean => {
  if (!draft) return false;
  switch (kind) {
    case 'SCALE':
    case 'NPS':
      return draft.value !== undefined;
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      return (draft.optionIds?.length ?? 0) > 0;
    case 'SHORT_TEXT':
    case 'LONG_TEXT':
      return (draft.text ?? '').trim().length > 0;
  }
};

/** The problem of one answer, or undefined when it can be sent as it is (an optional question left blank included). */
export function answerProblem(question: AnswerableQuestion, draft: AnswerDraft | undefined): AnswerProblem | undefined {
  if (!isGiven(question.kind, draft)) return question.required ? { kind: 'required' } : undefined;
  const value = draft?.value;
  switch (question.kind) {
    case 'SCALE':
    case 'NPS': {
      const range = question.kind === 'SCALE' ? SCALE : NPS;
      if (value === undefined || !Number.isInteger(value) || value < range.min || value > range.max) {
        return { kind: 'range', ...range };
      }
      return undefined;
    }
    case 'SINGLE_CHOICE':
      return draft?.optionIds?.length === 1 ? undefined : { kind: 'chooseOne' };
    case 'MULTIPLE_CHOICE':
      return undefined;
    case 'SHORT_TEXT':
    case 'LONG_TEXT': {
      const max = TEXT_MAX[question.kind] ?? 0;
      return (draft?.text ?? '').trim().length > max ? { kind: 'tooLong', max } : undefined;
    }
  }
}

/** Every question's problem, by question id; empty when the answers can be sent. */
export function answerProblems(
  questions: readonly AnswerableQuestion[],
  drafts: AnswerDrafts,
): Map<string, AnswerProblem> {
  const problems = new Map<string, AnswerProblem>();
  for (const question of questions) {
    const problem = answerProblem(question, drafts[question.questionId]);
    if (problem) problems.set(question.questionId, problem);
  }
  return problems;
}

/**
 * The answers as the API takes them: only the field that fits each question's kind, options in the survey's order,
 * words trimmed; blank optional questions are left out rather than sent empty.
 */
export function answersInput(questions: readonly AnswerableQuestion[], drafts: AnswerDrafts): SurveyAnswerInput[] {
  return questions.flatMap((question): SurveyAnswerInput[] => {
    const draft = drafts[question.questionId];
    if (!isGiven(question.kind, draft)) return [];
    const { questionId } = question;
    switch (question.kind) {
      case 'SCALE':
      case 'NPS':
        return [{ questionId, value: draft?.value ?? null }];
      case 'SINGLE_CHOICE':
      case 'MULTIPLE_CHOICE': {
        const chosen = new Set(draft?.optionIds);
        return [{ questionId, optionIds: question.options.map((o) => o.optionId).filter((id) => chosen.has(id)) }];
      }
      case 'SHORT_TEXT':
      case 'LONG_TEXT':
        return [{ questionId, text: (draft?.text ?? '').trim() }];
    }
  });
}
