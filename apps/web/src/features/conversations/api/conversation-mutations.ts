import { graphql } from '../../../gql';

// Each answers with the message's fields the pane shows, so the cache (messages keyed by id) updates at once.
export const POST_MESSAGE = graphql(`
  mutation PostMessage($mentorshipId: ID!, $body: String!, $commandId: ID) {
    postMessage(mentorshipId: $mentorshipId, body: $body, commandId: $commandId) {
      id
      seq
      authorPersonId
      postedAt
      mine
      editableUntil
      ...MessageItem_message
    }
  }
`);

export const EDIT_MESSAGE = graphql(`
  mutation EditMessage($mentorshipId: ID!, $messageId: ID!, $body: String!, $commandId: ID) {
    editMessage(mentorshipId: $mentorshipId, messageId: $messageId, body: $body, commandId: $commandId) {
      id
      editableUntil
      ...MessageItem_message
    }
  }
`);

export const DELETE_MESSAGE = graphql(`
  mutation DeleteMessage($mentorshipId: ID!, $messageId: ID!, $commandId: ID) {
    deleteMessage(mentorshipId: $mentorshipId, messageId: $messageId, commandId: $commandId) {
      id
      editableUntil
      ...MessageItem_message
    }
  }
`);

export const MARK_CONVERSATION_READ = graphql(`
  mutation MarkConversationRead($mentorshipId: ID!, $upToMessageId: ID!, $commandId: ID) {
    markConversationRead(mentorshipId: $mentorshipId, upToMessageId: $upToMessageId, commandId: $commandId) {
      mentorshipId
      unreadCount
    }
  }
`);

export const REPORT_MESSAGE = graphql(`
  mutation ReportMessage($mentorshipId: ID!, $messageId: ID!, $reason: MessageReportReason!, $commandId: ID) {
    reportMessage(mentorshipId: $mentorshipId, messageId: $messageId, reason: $reason, commandId: $commandId) {
      messageId
      reason
      reportedAt
    }
  }
`);
