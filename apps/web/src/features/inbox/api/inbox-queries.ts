import { graphql } from '../../../gql';

// The texts carry times formatted by the server, so the query names the zone the viewer is in.
export const INBOX = graphql(`
  query Inbox($first: Int!, $after: String, $unreadOnly: Boolean!, $timeZone: String!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly, timeZone: $timeZone) {
      edges {
        cursor
        node {
          id
          ...NotificationItem_notification
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const MARK_NOTIFICATION_READ = graphql(`
  mutation MarkNotificationRead($id: ID!, $commandId: ID) {
    markNotificationRead(id: $id, commandId: $commandId) {
      id
      readAt
    }
  }
`);

export const MARK_ALL_NOTIFICATIONS_READ = graphql(`
  mutation MarkAllNotificationsRead($commandId: ID) {
    markAllNotificationsRead(commandId: $commandId)
  }
`);
