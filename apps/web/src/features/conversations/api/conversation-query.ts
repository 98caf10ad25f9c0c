import { graphql } from '../../../gql';

/** How many messages a page holds: the newest on opening, then as many before them on "Load earlier". */
export const PAGE_SIZE = 30;

/** A page of a pair's or circle's conversation; pages before the newest are merged into the same cache entry by seq. */
export const CONVERSATION = graphql(`
  query Conversation($mentorshipId: ID!, $last: Int!, $beforeSeq: Int) {
    me {
      personId
    }
    conversation(mentorshipId: $mentorshipId, last: $last, beforeSeq: $beforeSeq) {
      mentorshipId
      circleId
      status
      memberPersonIds
      olderBeforeSeq
      unreadCount
      readReceipts {
        personId
        readUpToSeq
      }
      messages {
        id
        seq
        authorPersonId
        postedAt
        mine
        editableUntil
        ...MessageItem_message
      }
    }
  }
`);
