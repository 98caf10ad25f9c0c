import { graphql } from '../../../gql';

// The circles a participant leads or belongs to, with everyone in them by name (the API shows members to them).
export const MY_CIRCLES = graphql(`
  query MyCircles($programId: ID!) {
    myCircles(programId: $programId) {
      id
      status
      mentorPersonId
      mentor {
        id
        displayName
      }
      members {
        personId
        mentee {
          id
          displayName
        }
      }
    }
  }
`);
