import type {
  SurveyComparisonStatus,
  SurveyQuestion_FieldsFragment,
  SurveyTermComparisonQuery,
} from '../../../gql/graphql';

type QuestionChange = NonNullable<SurveyTermComparisonQuery['surveyTermComparison']>['questions'][number];

/** One line of the term comparison: a scale's mean, an NPS score, or the share of one option of a choice question. */
export interface ChangeRow {
  key: string;
  label: string;
  unit: 'mean' | 'nps' | 'percent';
  status: SurveyComparisonStatus;
  current: number | null;
  previous: number | null;
  delta: number | null;
}

const unitOf = (kind: SurveyQuestion_FieldsFragment['kind']): ChangeRow['unit'] | null =>
  kind === 'SCALE'
    ? 'mean'
    : kind === 'NPS'
      ? 'nps'
      : kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE'
        ? 'percent'
        : null;

/**
 * The comparison's lines in the survey's order. Written answers have no figure to compare and are left out; a
 * choice question shows a line per option, so an option offered in one term only reads as "not asked" on the other.
 */
export function changeRows(
  questions: readonly SurveyQuestion_FieldsFragment[],
  changes: readonly QuestionChange[],
): ChangeRow[] {
  const byId = new Map(changes.map((c) => [c.questionId, c]));
  return questions.flatMap((question): ChangeRow[] => {
    const unit = unitOf(question.kind);
    const change = byId.get(question.questionId);
    if (!unit || !change) return [];
    const label = `${question.number}. ${question.prompt}`;
    const whole = { key: question.questionId, label, unit, status: change.status };
    if (change.status !== 'SHOWN') return [{ ...whole, current: null, previous: null, delta: null }];
    if (unit !== 'percent')
      return [{ ...whole, current: change.current, previous: change.previous, delta: change.delta }];
    return (change.options ?? []).map((option) => ({
      ...whole,
      key: `${question.questionId}:${option.optionId}`,
      label: `${label} — ${option.label}`,
      current: option.current,
      previous: option.previous,
      delta: option.delta,
    }));
  });
}
