import { graphql } from '../gql';

// Any event that names the person: the page reloads what it shows when something about them changed elsewhere.
export const MY_EVENTS = graphql(`
  subscription MyEvents {
    myEvents {
      id
      type
      programId
    }
  }
`);
