import { graphql } from '../../../gql';

// Every moderation mutation answers with the whole report, so the card shows the server's state after an action.
export const ReportCardReport = graphql(`
  fragment ReportCard_report on ReportedMessage {
    id
    mentorshipId
    messageId
    status
    conversationOpen
    author {
      personId
      participant {
        id
        displayName
      }
    }
    reports {
      reason
      reportedAt
      reportedBy {
        personId
        participant {
          id
          displayName
        }
      }
    }
    context {
      id
      seq
      body
      status
      postedAt
      reported
      author {
        personId
        participant {
          id
          displayName
        }
      }
    }
    actions {
      kind
      byPersonId
      at
      personId
    }
    members {
      personId
    }
  }
`);

export const CONSOLE_REPORTS = graphql(`
  query ConsoleReports($programId: ID!) {
    reportedMessages(programId: $programId, status: OPEN) {
      id
      ...ReportCard_report
    }
  }
`);

export const HIDE_REPORTED_MESSAGE = graphql(`
  mutation HideReportedMessage($mentorshipId: ID!, $messageId: ID!, $commandId: ID) {
    hideReportedMessage(mentorshipId: $mentorshipId, messageId: $messageId, commandId: $commandId) {
      id
      ...ReportCard_report
    }
  }
`);

export const DISMISS_MESSAGE_REPORT = graphql(`
  mutation DismissMessageReport($mentorshipId: ID!, $messageId: ID!, $commandId: ID) {
    dismissMessageReport(mentorshipId: $mentorshipId, messageId: $messageId, commandId: $commandId) {
      id
      ...ReportCard_report
    }
  }
`);

export const WARN_MESSAGE_AUTHOR = graphql(`
  mutation WarnMessageAuthor($mentorshipId: ID!, $messageId: ID!, $commandId: ID) {
    warnMessageAuthor(mentorshipId: $mentorshipId, messageId: $messageId, commandId: $commandId) {
      id
      ...ReportCard_report
    }
  }
`);

export const REMOVE_CONVERSATION_MEMBER = graphql(`
  mutation RemoveConversationMember($mentorshipId: ID!, $messageId: ID!, $personId: ID!, $commandId: ID) {
    removeConversationMember(
      mentorshipId: $mentorshipId
      messageId: $messageId
      personId: $personId
      commandId: $commandId
    ) {
      id
      ...ReportCard_report
    }
  }
`);
