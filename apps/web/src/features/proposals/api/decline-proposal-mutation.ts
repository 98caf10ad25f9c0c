import { graphql } from '../../../gql';

export const DECLINE_PROPOSAL = graphql(`
  mutation DeclineProposal($proposalId: ID!, $reason: DeclineReason!, $comment: String, $commandId: ID) {
    declineProposal(proposalId: $proposalId, reason: $reason, comment: $comment, commandId: $commandId) {
      id
      status
      mentorAccepted
      menteeAccepted
    }
  }
`);
