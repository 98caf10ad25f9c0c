import { graphql } from '../../../gql';

// The program of a request an email links to: there is no query for a single request, so it is found among the
// person's own.
export const REQUEST_PROGRAM = graphql(`
  query RequestProgram {
    myMentorshipRequests {
      id
      programId
    }
  }
`);
