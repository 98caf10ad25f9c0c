/**
 * Closed vocabularies of program surveys, shared by the sessions domain and what will carry surveys over the API and
 * the topic; a survey's shape travels as these words, never as free text.
 */
export const SURVEY_QUESTION_KINDS = [
  'scale',
  'nps',
  'single-choice',
  'multiple-choice',
  'short-text',
  'long-text',
] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

/** Who of a mentorship or cohort is asked. */
export const SURVEY_AUDIENCES = ['mentees', 'mentors', 'both'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

/** What starts an occurrence of a survey, relative to the program. */
export const SURVEY_TRIGGER_KINDS = ['after-mentorship-start', 'at-mentorship-end', 'on-date'] as const;
export type SurveyTriggerKind = (typeof SURVEY_TRIGGER_KINDS)[number];
