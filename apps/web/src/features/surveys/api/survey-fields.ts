import { graphql } from '../../../gql';

// A question as every survey screen shows it: the builder, the preview and the answer page read the same fields, so
// the preview cannot show a question differently from the page participants answer on.
export const SurveyQuestionFields = graphql(`
  fragment SurveyQuestion_fields on SurveyQuestion {
    questionId
    number
    kind
    prompt
    required
    options {
      optionId
      label
    }
    lowLabel
    highLabel
  }
`);

export const SurveyBuilderFields = graphql(`
  fragment SurveyBuilder_survey on Survey {
    id
    programId
    title
    status
    publishedAt
    questions {
      ...SurveyQuestion_fields
    }
    schedule {
      trigger
      weeks
      opensAt
      cohortId
      audience
      openDays
      reminderDaysBeforeClose
    }
  }
`);
