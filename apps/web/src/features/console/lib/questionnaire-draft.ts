import type { QuestionInput, QuestionKind, QuestionMatchingMode } from '../../../gql/graphql';

export interface OptionDraft {
  optionId: string;
  label: string;
}

/** One question as the builder edits it; ids are made by the builder, a manager only writes words. */
export interface QuestionDraft {
  questionId: string;
  kind: QuestionKind;
  text: string;
  options: OptionDraft[];
  scaleMin: number;
  scaleMax: number;
  usedForMatching: boolean;
  weight: number;
  /** Whether matching pairs alike answers (similar) or different ones (complementary). */
  matchingMode: QuestionMatchingMode;
}

/** A question as the console query reads it. */
export interface SavedQuestion {
  questionId: string;
  kind: QuestionKind;
  text: string;
  options: readonly OptionDraft[];
  scaleMin?: number | null;
  scaleMax?: number | null;
  usedForMatching: boolean;
  weight: number;
  matchingMode?: QuestionMatchingMode | null;
}

export const QUESTION_KINDS: readonly QuestionKind[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SCALE', 'SHORT_TEXT'];
export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 20;
export const MAX_WEIGHT = 10;
const MAX_SCALE_STEPS = 10;
const TEXT_LENGTH = { min: 3, max: 300 };
const OPTION_LABEL_MAX = 120;

const isChoice = (kind: QuestionKind) => kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE';

export function draftsOf(questions: readonly SavedQuestion[]): QuestionDraft[] {
  return questions.map((q) => ({
    questionId: q.questionId,
    kind: q.kind,
    text: q.text,
    options: q.options.map((o) => ({ optionId: o.optionId, label: o.label })),
    scaleMin: q.scaleMin ?? 1,
    scaleMax: q.scaleMax ?? 5,
    usedForMatching: q.usedForMatching,
    weight: q.weight,
    matchingMode: q.matchingMode ?? 'SIMILAR',
  }));
}

/** The first `<prefix><n>` not yet taken: ids stay stable once answers refer to them, so a new one never reuses one. */
function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newQuestion(kind: QuestionKind, existing: readonly QuestionDraft[]): QuestionDraft {
  return {
    questionId: freshId(
      'q',
      existing.map((q) => q.questionId),
    ),
    kind,
    text: '',
    options: isChoice(kind)
      ? [
          { optionId: 'o1', label: '' },
          { optionId: 'o2', label: '' },
        ]
      : [],
    scaleMin: 1,
    scaleMax: 5,
    usedForMatching: kind !== 'SHORT_TEXT',
    weight: 1,
    matchingMode: 'SIMILAR',
  };
}

export function withNewOption(question: QuestionDraft): QuestionDraft {
  const optionId = freshId(
    'o',
    question.options.map((o) => o.optionId),
  );
  return { ...question, options: [...question.options, { optionId, label: '' }] };
}

/** Changing a question's kind keeps what still applies: options for choices, nothing for free text. */
export function withKind(question: QuestionDraft, kind: QuestionKind): QuestionDraft {
  const fresh = newQuestion(kind, []);
  return {
    ...question,
    kind,
    options: isChoice(kind) ? (question.options.length >= 2 ? question.options : fresh.options) : [],
    usedForMatching: kind === 'SHORT_TEXT' ? false : question.usedForMatching,
  };
}

export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function toQuestionInputs(drafts: readonly QuestionDraft[]): QuestionInput[] {
  return drafts.map((q) => ({
    questionId: q.questionId,
    kind: q.kind,
    text: q.text.trim(),
    options: isChoice(q.kind) ? q.options.map((o) => ({ optionId: o.optionId, label: o.label.trim() })) : [],
    ...(q.kind === 'SCALE' && { scaleMin: q.scaleMin, scaleMax: q.scaleMax }),
    usedForMatching: q.kind !== 'SHORT_TEXT' && q.usedForMatching,
    weight: q.weight,
    // Only a question used for matching has a mode; the API takes SIMILAR for the others.
    ...(q.kind !== 'SHORT_TEXT' && q.usedForMatching && { matchingMode: q.matchingMode }),
  }));
}

export type QuestionProblem = 'textLength' | 'optionsCount' | 'optionLabel' | 'scaleRange' | 'weightRange';
export type QuestionField = 'text' | 'options' | 'scale' | 'weight';

/** What the builder can tell before asking the API (the API checks the same and has the last word). */
export function questionProblems(question: QuestionDraft): Partial<Record<QuestionField, QuestionProblem>> {
  const problems: Partial<Record<QuestionField, QuestionProblem>> = {};
  const text = question.text.trim().length;
  if (text < TEXT_LENGTH.min || text > TEXT_LENGTH.max) problems.text = 'textLength';
  if (isChoice(question.kind)) {
    if (question.options.length < 2 || question.options.length > MAX_OPTIONS) problems.options = 'optionsCount';
    else if (question.options.some((o) => !o.label.trim() || o.label.length > OPTION_LABEL_MAX))
      problems.options = 'optionLabel';
  }
  if (
    question.kind === 'SCALE' &&
    !(question.scaleMin < question.scaleMax && question.scaleMax - question.scaleMin <= MAX_SCALE_STEPS)
  )
    problems.scale = 'scaleRange';
  if (!(question.weight >= 0 && question.weight <= MAX_WEIGHT)) problems.weight = 'weightRange';
  return problems;
}

/**
 * Which question and which of its fields an API refusal names (`questions[2].options`); a refusal of the whole list
 * (`questions`) names no question.
 */
export function refusedQuestion(field: string | undefined): { index: number; field: QuestionField | null } | null {
  const match = /^questions\[(\d+)\](?:\.(\w+))?/.exec(field ?? '');
  if (!match) return null;
  const named = match[2];
  const fieldOf: Record<string, QuestionField> = { options: 'options', weight: 'weight', text: 'text' };
  return { index: Number(match[1]), field: named === undefined ? null : (fieldOf[named] ?? null) };
}
