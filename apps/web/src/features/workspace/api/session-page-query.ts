import { graphql } from '../../../gql';

export const SESSION_PAGE = graphql(`
  query SessionPage($id: ID!, $viewerTimeZone: String!) {
    me {
      personId
    }
    session(id: $id, viewerTimeZone: $viewerTimeZone) {
      id
      ...SessionDetails_session
    }
  }
`);

/** Everything the session page shows and its actions change; mutations answer with it so the page stays current. */
export const SessionDetailsSession = graphql(`
  fragment SessionDetails_session on Session {
    id
    title
    status
    kind
    mode
    place
    startsAt
    endsAt
    timezone
    hostPersonId
    mentorshipId
    myRsvp
    completedAt
    cancellationReason
    attendees {
      personId
      host
      rsvp
      attendance
      participant {
        displayName
        timezone
        ...PersonSummary_participant
      }
    }
    sharedNotes {
      text
      authorPersonId
      writtenAt
    }
    myPrivateNotes {
      id
      text
      writtenAt
    }
    feedback {
      personId
      rating
      wentWell
      toImprove
      comment
      submittedAt
    }
    feedbackSummary {
      averageRating
      count
    }
  }
`);

export const SESSION_CALENDAR = graphql(`
  query SessionCalendar($id: ID!) {
    sessionCalendar(id: $id)
  }
`);
