import { graphql } from '../../../gql';

export const REQUEST_MENTOR = graphql(`
  mutation RequestMentor($programId: ID!, $mentorPersonId: ID!, $message: String, $commandId: ID) {
    requestMentor(programId: $programId, mentorPersonId: $mentorPersonId, message: $message, commandId: $commandId) {
      requestId
      expiresAt
    }
  }
`);

export const WITHDRAW_REQUEST = graphql(`
  mutation WithdrawRequest($requestId: ID!, $commandId: ID) {
    withdrawMentorshipRequest(requestId: $requestId, commandId: $commandId)
  }
`);

export const ACCEPT_REQUEST = graphql(`
  mutation AcceptRequest($requestId: ID!, $commandId: ID) {
    acceptMentorshipRequest(requestId: $requestId, commandId: $commandId) {
      mentorshipId
    }
  }
`);

export const DECLINE_REQUEST = graphql(`
  mutation DeclineRequest($requestId: ID!, $reason: DeclineReason!, $comment: String, $commandId: ID) {
    declineMentorshipRequest(requestId: $requestId, reason: $reason, comment: $comment, commandId: $commandId)
  }
`);
