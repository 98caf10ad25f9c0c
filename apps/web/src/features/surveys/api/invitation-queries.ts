import { graphql } from '../../../gql';

// Asked by the home page: a file of its own, so the answer page's documents stay out of the first page.
export const MY_SURVEY_INVITATIONS = graphql(`
  query MySurveyInvitations {
    mySurveyInvitations {
      occurrenceId
      title
      closesAt
    }
  }
`);
