import { graphql } from '../../../gql';

export const SURVEY_INVITATION = graphql(`
  query SurveyInvitation($occurrenceId: ID!) {
    surveyInvitation(occurrenceId: $occurrenceId) {
      occurrenceId
      title
      opensAt
      closesAt
      answeredAt
      questions {
        ...SurveyQuestion_fields
      }
    }
  }
`);

export const ANSWER_SURVEY = graphql(`
  mutation AnswerSurvey($occurrenceId: ID!, $answers: [SurveyAnswerInput!]!, $commandId: ID) {
    answerSurvey(occurrenceId: $occurrenceId, answers: $answers, commandId: $commandId) {
      occurrenceId
      answeredAt
    }
  }
`);
