import { graphql } from '../../../gql';

// The program with its questionnaire, and whether the person already takes part (then the form is not for them).
export const JOIN_PROGRAM = graphql(`
  query JoinProgram($programId: ID!) {
    program(id: $programId) {
      id
      name
      description
      status
      questionnaire {
        ...QuestionField_question
      }
    }
    me {
      personId
      participations {
        id
        programId
      }
    }
  }
`);
