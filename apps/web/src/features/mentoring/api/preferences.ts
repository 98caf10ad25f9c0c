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

// The mentor's own list of mentees rounds never propose to them, with names for editing it.
export const MY_RATHER_NOT = graphql(`
  query MyRatherNotMentees($programId: ID!) {
    myMatchingPreferences(programId: $programId) {
      ratherNotMenteePersonIds
      ratherNotMentees {
        id
        displayName
      }
    }
  }
`);

export const SET_RATHER_NOT = graphql(`
  mutation SetRatherNotMentees($programId: ID!, $menteePersonIds: [ID!]!, $commandId: ID) {
    setRatherNotMentees(programId: $programId, menteePersonIds: $menteePersonIds, commandId: $commandId) {
      ratherNotMenteePersonIds
      ratherNotMentees {
        id
        displayName
      }
    }
  }
`);
