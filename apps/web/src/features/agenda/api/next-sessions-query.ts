import { graphql } from '../../../gql';

// The person's sessions that are not over yet, across every mentorship and program, earliest first; a page at a
// time (`after` is the last edge's cursor). `me` tells which attendee is the viewer.
export const NEXT_SESSIONS = graphql(`
  query NextSessions($first: Int!, $after: String, $viewerTimeZone: String!) {
    me {
      personId
    }
    mySessions(first: $first, after: $after, viewerTimeZone: $viewerTimeZone) {
      edges {
        cursor
        node {
          id
          ...AgendaSessionItem_session
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
