import { graphql } from '../../../gql';

// Every change answers the whole survey, which replaces the cached one: the builder shows what the API keeps.

export const DRAFT_SURVEY = graphql(`
  mutation DraftSurvey($programId: ID!, $title: String!, $commandId: ID) {
    draftSurvey(programId: $programId, title: $title, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);

export const COPY_SURVEY = graphql(`
  mutation CopySurvey($programId: ID!, $fromSurveyId: ID!, $commandId: ID) {
    copySurvey(programId: $programId, fromSurveyId: $fromSurveyId, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);

export const RETITLE_SURVEY = graphql(`
  mutation RetitleSurvey($surveyId: ID!, $title: String!, $commandId: ID) {
    retitleSurvey(surveyId: $surveyId, title: $title, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);

export const ADD_SURVEY_QUESTION = graphql(`
  mutation AddSurveyQuestion($surveyId: ID!, $question: SurveyQuestionInput!, $commandId: ID) {
    addSurveyQuestion(surveyId: $surveyId, question: $question, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);

export const EDIT_SURVEY_QUESTION = graphql(`
  mutation EditSurveyQuestion($surveyId: ID!, $question: SurveyQuestionInput!, $commandId: ID) {
    editSurveyQuestion(surveyId: $surveyId, question: $question, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);

export const REMOVE_SURVEY_QUESTION = graphql(`
  mutation RemoveSurveyQuestion($surveyId: ID!, $questionId: ID!, $commandId: ID) {
    removeSurveyQuestion(surveyId: $surveyId, questionId: $questionId, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);

export const REORDER_SURVEY_QUESTIONS = graphql(`
  mutation ReorderSurveyQuestions($surveyId: ID!, $questionIds: [ID!]!, $commandId: ID) {
    reorderSurveyQuestions(surveyId: $surveyId, questionIds: $questionIds, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);

export const SCHEDULE_SURVEY = graphql(`
  mutation ScheduleSurvey($surveyId: ID!, $schedule: SurveyScheduleInput!, $commandId: ID) {
    scheduleSurvey(surveyId: $surveyId, schedule: $schedule, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);

export const PUBLISH_SURVEY = graphql(`
  mutation PublishSurvey($surveyId: ID!, $commandId: ID) {
    publishSurvey(surveyId: $surveyId, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);

export const CLOSE_SURVEY = graphql(`
  mutation CloseSurvey($surveyId: ID!, $commandId: ID) {
    closeSurvey(surveyId: $surveyId, commandId: $commandId) {
      id
      ...SurveyBuilder_survey
    }
  }
`);
