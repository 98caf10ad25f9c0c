import type { SurveyQuestionKind } from '../../../gql/graphql';
import type { QuestionFigures } from './results-csv';

/** The one figure a comparison across cohorts shows for a question, or null when its kind has none. */
export type Headline =
  | { kind: 'nps'; score: number }
  | { kind: 'mean'; mean: number }
  | { kind: 'topOption'; label: string; percent: number }
  | null;

export function headline(kind: SurveyQuestionKind, figures: QuestionFigures): Headline {
  if (figures.status === 'HIDDEN') return null;
  if (kind === 'NPS' && typeof figures.score === 'number') return { kind: 'nps', score: figures.score };
  if (kind === 'SCALE' && typeof figures.mean === 'number') return { kind: 'mean', mean: figures.mean };
  const options = figures.options ?? [];
  if (options.length > 0) {
    // Ties go to the option listed first, as the survey orders them.
    const top = options.reduce((best, o) => (o.count > best.count ? o : best));
    return { kind: 'topOption', label: top.label, percent: top.percent };
  }
  return null;
}
