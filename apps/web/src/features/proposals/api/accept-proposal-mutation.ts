import { graphql } from '../../../gql';

export const ACCEPT_PROPOSAL = graphql(`
  mutation AcceptProposal($proposalId: ID!, $commandId: ID) {
    acceptProposal(proposalId: $proposalId, commandId: $commandId) {
      mentorshipId
    }
  }
`);
