import { graphql } from '../../../gql';

// The mentee's own preferred mentors; nobody else sees them.
export const MY_PREFERENCES = graphql(`
  query MyMatchingPreferences($programId: ID!) {
    myMatchingPreferences(programId: $programId) {
      preferredMentorPersonIds
      maxPreferredMentors
    }
  }
`);

export const SET_PREFERRED_MENTORS = graphql(`
  mutation SetPreferredMentors($programId: ID!, $mentorPersonIds: [ID!]!, $commandId: ID) {
    setPreferredMentors(programId: $programId, mentorPersonIds: $mentorPersonIds, commandId: $commandId) {
      preferredMentorPersonIds
      maxPreferredMentors
    }
  }
`);
