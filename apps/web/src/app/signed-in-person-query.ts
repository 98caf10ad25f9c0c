import { graphql } from '../gql';

// The name a person gave their profile, when the provider's token names none: `Me` has no name of its own, each
// participation carries the profile the person enrolled with.
export const SIGNED_IN_PERSON = graphql(`
  query SignedInPerson {
    me {
      personId
      participations {
        id
        displayName
        enrolledAt
      }
    }
  }
`);
