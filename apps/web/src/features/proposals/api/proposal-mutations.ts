import { graphql } from '../../../gql';

export const ACCEPT_PROPOSAL = graphql(`
  mutation AcceptProposal($proposalId: ID!) {
    acceptProposal(proposalId: $proposalId) {
      mentorshipId
    }
  }
`);

export const DECLINE_PROPOSAL = graphql(`
  mutation DeclineProposal($proposalId: ID!, $reason: DeclineReason!, $comment: String) {
    declineProposal(proposalId: $proposalId, reason: $reason, comment: $comment) {
      id
      status
      mentorAccepted
      menteeAccepted
    }
  }
`);
