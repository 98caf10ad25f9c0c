import { graphql } from '../../../gql';

// Asked by the home page: a file of its own, so the pane's documents stay out of the first page.
export const UNREAD_CONVERSATIONS = graphql(`
  query UnreadConversations {
    me {
      personId
    }
    myConversations {
      mentorshipId
      circleId
      programId
      unreadCount
    }
    myMentorships {
      id
      mentorPersonId
      mentor {
        id
        displayName
      }
      mentee {
        id
        displayName
      }
    }
  }
`);
