import type { QuestionAggregate, ShownQuestionAggregate, SurveyAggregate } from './survey-aggregates';

/**
 * Two aggregates side by side (this term against the previous one, one cohort against another) as deltas. Each side
 * went through the threshold on its own, and a delta is shown only where both sides are: a figure beside "hidden"
 * would let a reader work the hidden one out. Questions are matched by id, which a new version of a survey keeps;
 * the list follows the current side's questions.
 */

export type ComparisonSide = 'current' | 'previous';

interface Compared {
  questionId: string;
  status: 'shown';
}

export interface OptionDelta {
  optionId: string;
  label: string;
  /** Percent of the question's respondents; null when the option was not offered on that side. */
  current: number | null;
  previous: number | null;
  delta: number | null;
}

export type QuestionComparison =
  /** Scale: the means; NPS: the scores. */
  | (Compared & { kind: 'scale' | 'nps'; current: number; previous: number; delta: number })
  | (Compared & { kind: 'single-choice' | 'multiple-choice'; options: OptionDelta[] })
  | { questionId: string; kind: string; status: 'hidden'; note: string; hiddenSides: ComparisonSide[] }
  /** Free text has no figure to compare; a question asked on one side only, or changed in kind, has no counterpart. */
  | { questionId: string; kind: string; status: 'not-comparable' };

export type SurveyComparison =
  | {
      status: 'shown';
      respondents: { current: number; previous: number; delta: number };
      questions: QuestionComparison[];
    }
  | { status: 'hidden'; note: string; hiddenSides: ComparisonSide[] };

const delta = (current: number, previous: number): number => {
  const value = Math.round((current - previous) * 100) / 100;
  return value === 0 ? 0 : value;
};

const figures = (current: number, previous: number) => ({ current, previous, delta: delta(current, previous) });

function hiddenSides(current: { status: string }, previous: { status: string }): ComparisonSide[] {
  return [
    ...(current.status === 'hidden' ? (['current'] as const) : []),
    ...(previous.status === 'hidden' ? (['previous'] as const) : []),
  ];
}

const noteOf = (current: QuestionAggregate | SurveyAggregate, previous: QuestionAggregate | SurveyAggregate) =>
  current.status === 'hidden' ? current.note : previous.status === 'hidden' ? previous.note : '';

function compareShown(current: ShownQuestionAggregate, previous: ShownQuestionAggregate): QuestionComparison {
  const { questionId } = current;
  if (current.kind === 'scale' && previous.kind === 'scale') {
    return { questionId, status: 'shown', kind: 'scale', ...figures(current.mean, previous.mean) };
  }
  if (current.kind === 'nps' && previous.kind === 'nps') {
    return { questionId, status: 'shown', kind: 'nps', ...figures(current.score, previous.score) };
  }
  if ((current.kind === 'single-choice' || current.kind === 'multiple-choice') && previous.kind === current.kind) {
    const before = new Map(previous.options.map((o) => [o.optionId, o.percent]));
    const now = new Map(current.options.map((o) => [o.optionId, o.percent]));
    const dropped = previous.options.filter((o) => !now.has(o.optionId));
    return {
      questionId,
      status: 'shown',
      kind: current.kind,
      options: [...current.options, ...dropped].map(({ optionId, label }) => {
        const c = now.get(optionId) ?? null;
        const p = before.get(optionId) ?? null;
        return { optionId, label, current: c, previous: p, delta: c === null || p === null ? null : delta(c, p) };
      }),
    };
  }
  return { questionId, kind: current.kind, status: 'not-comparable' };
}

function compareQuestion(current: QuestionAggregate, previous: QuestionAggregate | undefined): QuestionComparison {
  const { questionId, kind } = current;
  if (!previous || previous.kind !== kind || kind === 'short-text' || kind === 'long-text') {
    return { questionId, kind, status: 'not-comparable' };
  }
  if (current.status === 'hidden' || previous.status === 'hidden') {
    return {
      questionId,
      kind,
      status: 'hidden',
      note: noteOf(current, previous),
      hiddenSides: hiddenSides(current, previous),
    };
  }
  return compareShown(current, previous);
}

export function compareSurveyAggregates(current: SurveyAggregate, previous: SurveyAggregate): SurveyComparison {
  if (current.status === 'hidden' || previous.status === 'hidden') {
    return { status: 'hidden', note: noteOf(current, previous), hiddenSides: hiddenSides(current, previous) };
  }
  const before = new Map(previous.questions.map((q) => [q.questionId, q]));
  return {
    status: 'shown',
    respondents: figures(current.respondents, previous.respondents),
    questions: current.questions.map((q) => compareQuestion(q, before.get(q.questionId))),
  };
}
