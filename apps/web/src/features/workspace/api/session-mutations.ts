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
    $commandId: ID
  ) {
    rescheduleSession(
      id: $id
      startsAt: $startsAt
      endsAt: $endsAt
      timezone: $timezone
      overrideAvailability: $overrideAvailability
      viewerTimeZone: $viewerTimeZone
      commandId: $commandId
    ) {
      id
      ...SessionDetails_session
    }
  }
`);

export const RESPOND_TO_SESSION = graphql(`
  mutation RespondToSession($id: ID!, $response: RsvpResponse!, $viewerTimeZone: String, $commandId: ID) {
    respondToSession(id: $id, response: $response, viewerTimeZone: $viewerTimeZone, commandId: $commandId) {
      id
      ...SessionDetails_session
    }
  }
`);

export const CANCEL_SESSION = graphql(`
  mutation CancelSession($id: ID!, $reason: CancellationReason!, $viewerTimeZone: String, $commandId: ID) {
    cancelSession(id: $id, reason: $reason, viewerTimeZone: $viewerTimeZone, commandId: $commandId) {
      id
      ...SessionDetails_session
    }
  }
`);

export const COMPLETE_SESSION = graphql(`
  mutation CompleteSession($id: ID!, $viewerTimeZone: String, $commandId: ID) {
    completeSession(id: $id, viewerTimeZone: $viewerTimeZone, commandId: $commandId) {
      id
      ...SessionDetails_session
    }
  }
`);

export const WRITE_SHARED_NOTES = graphql(`
  mutation WriteSharedNotes($id: ID!, $text: String!, $viewerTimeZone: String, $commandId: ID) {
    writeSharedNotes(id: $id, text: $text, viewerTimeZone: $viewerTimeZone, commandId: $commandId) {
      id
      ...SessionDetails_session
    }
  }
`);

export const WRITE_PRIVATE_NOTE = graphql(`
  mutation WritePrivateNote($id: ID!, $text: String!, $noteId: ID, $viewerTimeZone: String, $commandId: ID) {
    writePrivateNote(id: $id, text: $text, noteId: $noteId, viewerTimeZone: $viewerTimeZone, commandId: $commandId) {
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
    $commandId: ID
  ) {
    submitSessionFeedback(
      id: $id
      rating: $rating
      wentWell: $wentWell
      toImprove: $toImprove
      comment: $comment
      viewerTimeZone: $viewerTimeZone
      commandId: $commandId
    ) {
      id
      ...SessionDetails_session
    }
  }
`);
