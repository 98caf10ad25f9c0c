import { graphql } from '../../../gql';

export const END_MENTORSHIP = graphql(`
  mutation EndMentorship($mentorshipId: ID!, $reason: MentorshipEndReason!, $reflection: String, $commandId: ID) {
    endMentorship(mentorshipId: $mentorshipId, reason: $reason, reflection: $reflection, commandId: $commandId)
  }
`);

export const REQUEST_REMATCH = graphql(`
  mutation RequestRematch($mentorshipId: ID!, $reflection: String, $commandId: ID) {
    requestRematch(mentorshipId: $mentorshipId, reflection: $reflection, commandId: $commandId)
  }
`);
