import { graphql } from '../../../gql';

// One proposal, as an email's link opens it: there is no query for a single proposal, so it is found among the
// person's own.
export const PROPOSAL_PAGE = graphql(`
  query ProposalPage {
    me {
      personId
    }
    myProposals {
      id
      programId
      ...ProposalCard_proposal
    }
    programs {
      id
      name
    }
  }
`);
