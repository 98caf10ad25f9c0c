import type { SurveyQuestionInput, SurveyQuestionKind } from '../../../gql/graphql';

export const QUESTION_KINDS: readonly SurveyQuestionKind[] = [
  'SCALE',
  'NPS',
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'SHORT_TEXT',
  'LONG_TEXT',
];

export const isChoice = (kind: SurveyQuestionKind): boolean => kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE';

/** A question as the builder's form holds it while the manager edits it. */
export interface QuestionDraft {
  questionId: string;
  kind: SurveyQuestionKind;
  prompt: string;
  required: boolean;
  /** Kept across a change of kind, sent only for a choice. */
  options: Array<{ optionId: string; label: string }>;
  lowLabel: string;
  highLabel: string;
}

export interface QuestionLike {
  questionId: string;
  kind: SurveyQuestionKind;
  prompt: string;
  required: boolean;
  options: ReadonlyArray<{ optionId: string; label: string }>;
  lowLabel?: string | null;
  highLabel?: string | null;
}

const newId = (): string => crypto.randomUUID();

export function newQuestionDraft(kind: SurveyQuestionKind = 'SCALE'): QuestionDraft {
  return {
    questionId: newId(),
    kind,
    prompt: '',
    required: true,
    options: [
      { optionId: newId(), label: '' },
      { optionId: newId(), label: '' },
    ],
    lowLabel: '',
    highLabel: '',
  };
}

export function questionDraftOf(question: QuestionLike): QuestionDraft {
  return {
    questionId: question.questionId,
    kind: question.kind,
    prompt: question.prompt,
    required: question.required,
    options: question.options.length
      ? question.options.map((o) => ({ ...o }))
      : [
          { optionId: newId(), label: '' },
          { optionId: newId(), label: '' },
        ],
    lowLabel: question.lowLabel ?? '',
    highLabel: question.highLabel ?? '',
  };
}

export const withNewOption = (draft: QuestionDraft): QuestionDraft => ({
  ...draft,
  options: [...draft.options, { optionId: newId(), label: '' }],
});

/**
 * The question as the API takes it: options only for a choice, end labels only for a scale (the API refuses either
 * on another kind). Empty option rows are left out, so an unused row the form offers is no error.
 */
export function questionInput(draft: QuestionDraft): SurveyQuestionInput {
  return {
    questionId: draft.questionId,
    kind: draft.kind,
    prompt: draft.prompt.trim(),
    required: draft.required,
    ...(isChoice(draft.kind) && {
      options: draft.options
        .map((o) => ({ optionId: o.optionId, label: o.label.trim() }))
        .filter((o) => o.label.length > 0),
    }),
    ...(draft.kind === 'SCALE' && { lowLabel: draft.lowLabel.trim(), highLabel: draft.highLabel.trim() }),
  };
}

/** The question ids with one moved up (-1) or down (+1); unchanged at either end. */
export function moved(ids: readonly string[], questionId: string, by: -1 | 1): string[] {
  const from = ids.indexOf(questionId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to] as string, next[from] as string];
  return next;
}
