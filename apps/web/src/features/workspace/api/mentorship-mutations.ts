import { graphql } from '../../../gql';

export const END_MENTORSHIP = graphql(`
  mutation EndMentorship($mentorshipId: ID!, $reason: MentorshipEndReason!, $reflection: String) {
    endMentorship(mentorshipId: $mentorshipId, reason: $reason, reflection: $reflection)
  }
`);

export const REQUEST_REMATCH = graphql(`
  mutation RequestRematch($mentorshipId: ID!, $reflection: String) {
    requestRematch(mentorshipId: $mentorshipId, reflection: $reflection)
  }
`);
