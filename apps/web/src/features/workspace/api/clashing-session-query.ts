import { graphql } from '../../../gql';

/** A session that clashes with a new time: what the person needs to recognise it (if it is theirs to read). */
export const CLASHING_SESSION = graphql(`
  query ClashingSession($id: ID!) {
    session(id: $id) {
      id
      title
      startsAt
      endsAt
    }
  }
`);
