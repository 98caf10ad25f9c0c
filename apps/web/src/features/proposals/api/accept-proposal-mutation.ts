import { graphql } from '../../../gql';

export const ACCEPT_PROPOSAL = graphql(`
  mutation AcceptProposal($proposalId: ID!) {
    acceptProposal(proposalId: $proposalId) {
      mentorshipId
    }
  }
`);
