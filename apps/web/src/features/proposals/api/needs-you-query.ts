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

export const REQUEST_PROGRAM = graphql(`
  query RequestProgram {
    myMentorshipRequests {
      id
      programId
    }
  }
`);
