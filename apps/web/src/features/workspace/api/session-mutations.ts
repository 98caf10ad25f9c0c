import { graphql } from '../../../gql';

export const SCHEDULE_SESSION = graphql(`
  mutation ScheduleSession($input: ScheduleSessionInput!, $commandId: ID) {
    scheduleSession(input: $input, commandId: $commandId) {
      id
    }
  }
`);

export const RESCHEDULE_SESSION = graphql(`
  mutation RescheduleSession(
    $id: ID!
    $startsAt: String!
    $endsAt: String!
    $timezone: String
    $overrideAvailability: Boolean!
    $viewerTimeZone: String
  ) {
    rescheduleSession(
      id: $id
      startsAt: $startsAt
      endsAt: $endsAt
      timezone: $timezone
      overrideAvailability: $overrideAvailability
      viewerTimeZone: $viewerTimeZone
    ) {
      id
      ...SessionDetails_session
    }
  }
`);

export const RESPOND_TO_SESSION = graphql(`
  mutation RespondToSession($id: ID!, $response: RsvpResponse!, $viewerTimeZone: String) {
    respondToSession(id: $id, response: $response, viewerTimeZone: $viewerTimeZone) {
      id
      ...SessionDetails_session
    }
  }
`);

export const CANCEL_SESSION = graphql(`
  mutation CancelSession($id: ID!, $reason: CancellationReason!, $viewerTimeZone: String) {
    cancelSession(id: $id, reason: $reason, viewerTimeZone: $viewerTimeZone) {
      id
      ...SessionDetails_session
    }
  }
`);

export const COMPLETE_SESSION = graphql(`
  mutation CompleteSession($id: ID!, $viewerTimeZone: String) {
    completeSession(id: $id, viewerTimeZone: $viewerTimeZone) {
      id
      ...SessionDetails_session
    }
  }
`);

export const WRITE_SHARED_NOTES = graphql(`
  mutation WriteSharedNotes($id: ID!, $text: String!, $viewerTimeZone: String) {
    writeSharedNotes(id: $id, text: $text, viewerTimeZone: $viewerTimeZone) {
      id
      ...SessionDetails_session
    }
  }
`);

export const WRITE_PRIVATE_NOTE = graphql(`
  mutation WritePrivateNote($id: ID!, $text: String!, $noteId: ID, $viewerTimeZone: String) {
    writePrivateNote(id: $id, text: $text, noteId: $noteId, viewerTimeZone: $viewerTimeZone) {
      id
      ...SessionDetails_session
    }
  }
`);

export const SUBMIT_FEEDBACK = graphql(`
  mutation SubmitSessionFeedback(
    $id: ID!
    $rating: Int!
    $wentWell: String
    $toImprove: String
    $comment: String
    $viewerTimeZone: String
  ) {
    submitSessionFeedback(
      id: $id
      rating: $rating
      wentWell: $wentWell
      toImprove: $toImprove
      comment: $comment
      viewerTimeZone: $viewerTimeZone
    ) {
      id
      ...SessionDetails_session
    }
  }
`);
