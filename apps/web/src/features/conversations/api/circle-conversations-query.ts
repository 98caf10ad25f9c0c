import { graphql } from '../../../gql';

// The person's circle conversations: their unread counts on the program page, and the program a circle's page is in.
export const CIRCLE_CONVERSATIONS = graphql(`
  query CircleConversations {
    me {
      personId
    }
    myConversations {
      mentorshipId
      circleId
      programId
      unreadCount
    }
  }
`);
