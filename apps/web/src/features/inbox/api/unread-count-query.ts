import { graphql } from '../../../gql';

// Asked by the header on every page: a file of its own, so the inbox's other documents stay out of the first page.
export const UNREAD_NOTIFICATION_COUNT = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);
