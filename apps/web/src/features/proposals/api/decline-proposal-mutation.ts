import { graphql } from '../../../gql';

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
