import { graphql } from '../../../gql';

export const PROGRAM_SURVEYS = graphql(`
  query ProgramSurveys($programId: ID!) {
    program(id: $programId) {
      id
      name
      copiedFromProgramId
    }
    surveys(programId: $programId) {
      id
      title
      status
      publishedAt
      questions {
        questionId
      }
    }
  }
`);

export const SURVEY_BUILDER = graphql(`
  query SurveyBuilder($programId: ID!, $surveyId: ID!) {
    program(id: $programId) {
      id
      name
      cohorts {
        cohortId
        name
      }
    }
    survey(id: $surveyId) {
      ...SurveyBuilder_survey
    }
  }
`);

export const SURVEY_PREVIEW = graphql(`
  query SurveyPreview($surveyId: ID!) {
    surveyPreview(id: $surveyId) {
      title
      questions {
        ...SurveyQuestion_fields
      }
      problems {
        problem
        message
        field
        questionId
      }
    }
  }
`);

export const SURVEY_RESULTS = graphql(`
  query SurveyResults($programId: ID!, $surveyId: ID!, $groupBy: SurveyResultsGrouping, $asOf: String) {
    program(id: $programId) {
      id
      name
      cohorts {
        cohortId
        name
      }
    }
    survey(id: $surveyId) {
      id
      title
      status
      previousSurveyId
      questions {
        ...SurveyQuestion_fields
      }
    }
    surveyResults(surveyId: $surveyId, groupBy: $groupBy, asOf: $asOf) {
      surveyId
      asOf
      minRespondents
      groups {
        cohortId
        status
        note
        respondents
        questions {
          questionId
          kind
          status
          note
          answered
          distribution {
            value
            count
          }
          mean
          promoters
          passives
          detractors
          score
          options {
            optionId
            label
            count
            percent
          }
          texts
        }
      }
    }
  }
`);

export const SURVEY_TERM_COMPARISON = graphql(`
  query SurveyTermComparison($surveyId: ID!, $asOf: String) {
    surveyTermComparison(surveyId: $surveyId, asOf: $asOf) {
      previousSurveyId
      previousTitle
      asOf
      status
      hiddenSides
      respondents
      previousRespondents
      questions {
        questionId
        status
        hiddenSides
        current
        previous
        delta
        options {
          optionId
          label
          current
          previous
          delta
        }
      }
    }
  }
`);
