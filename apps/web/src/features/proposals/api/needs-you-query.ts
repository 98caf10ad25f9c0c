import { graphql } from '../../../gql';

// Everything waiting for the person's answer, in one request: proposals of published rounds (for either side),
// requests to them as a mentor, their unread notifications; `programs` names the programs.
export const NEEDS_YOU = graphql(`
  query NeedsYou {
    me {
      personId
    }
    myProposals {
      id
      status
      programId
      respondBy
      mentorPersonId
      mentorAccepted
      menteeAccepted
      ...ProposalCard_proposal
    }
    myMentorshipRequests {
      id
      status
      programId
      mentorPersonId
      expiresAt
      ...WaitingRequest_request
    }
    programs {
      id
      name
    }
    unreadNotificationCount
  }
`);
