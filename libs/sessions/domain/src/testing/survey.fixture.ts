import type { SurveyResponseRecord } from '../survey/survey-aggregates';
import type { SurveyAnswer } from '../survey/survey-response.decider';
import type { SurveyQuestion } from '../survey/survey.decider';

/** One question of each kind, as a published survey holds them; the survey specs share them. */
export const usefulQuestion = {
  questionId: 'q-useful',
  kind: 'scale',
  prompt: 'How useful are your sessions?',
  required: true,
  lowLabel: 'Not at all',
  highLabel: 'Very',
} satisfies SurveyQuestion;
export const npsQuestion = {
  questionId: 'q-nps',
  kind: 'nps',
  prompt: 'How likely are you to recommend the program?',
  required: true,
} satisfies SurveyQuestion;
const choice = (
  questionId: string,
  kind: 'single-choice' | 'multiple-choice',
  prompt: string,
  ...labels: string[]
): Extract<SurveyQuestion, { kind: typeof kind }> => ({
  questionId,
  kind,
  prompt,
  required: false,
  options: labels.map((label) => ({ optionId: label.toLowerCase(), label })),
});
export const topicQuestion = choice('q-topic', 'single-choice', 'What did you work on most?', 'Career', 'Skills');
export const gainsQuestion = choice(
  'q-gains',
  'multiple-choice',
  'What did you gain?',
  'Network',
  'Confidence',
  'Clarity',
);
export const whyQuestion = {
  questionId: 'q-why',
  kind: 'long-text',
  prompt: 'Why?',
  required: false,
} satisfies SurveyQuestion;

/** In this order, a survey's questions number 1 to 5. */
export const surveyQuestions: SurveyQuestion[] = [
  usefulQuestion,
  npsQuestion,
  topicQuestion,
  gainsQuestion,
  whyQuestion,
];

/** A response that answers the two required questions, and whatever `extra` adds. */
export const responseOf = (
  person: string,
  useful: number,
  nps: number,
  extra: SurveyAnswer[] = [],
  cohortId?: string,
  submittedAt = '2026-04-01T10:00:00.000Z',
): SurveyResponseRecord => ({
  respondentPersonId: person,
  ...(cohortId === undefined ? {} : { cohortId }),
  submittedAt,
  answers: [
    { questionId: 'q-useful', kind: 'scale', value: useful },
    { questionId: 'q-nps', kind: 'nps', value: nps },
    ...extra,
  ],
});
