import { graphql } from '../../../gql';

// Every circle query and mutation answers with the whole circle (Circle has an id), so Apollo replaces the card the
// manager sees with the server's state after each change.
export const CirclesPanelCircle = graphql(`
  fragment CirclesPanel_circle on Circle {
    id
    programId
    status
    maxSize
    memberCount
    freeSeats
    selfJoin
    mentorPersonId
    mentor {
      id
      displayName
    }
    members {
      personId
      participantId
      mentee {
        id
        displayName
      }
    }
  }
`);

// A draft fill is read from the mutation that made it: the API lists no fills, so the draft lives in the panel.
export const CirclesPanelFill = graphql(`
  fragment CirclesPanel_fill on CircleFill {
    id
    status
    placements {
      circleId
      menteePersonId
      mentorPersonId
      score
      mentee {
        id
        displayName
      }
    }
    unplaced {
      menteePersonId
      reason
      mentee {
        id
        displayName
      }
    }
  }
`);

export const CONSOLE_CIRCLES = graphql(`
  query ConsoleCircles($programId: ID!) {
    circles(programId: $programId) {
      id
      ...CirclesPanel_circle
    }
  }
`);

// The people a manager picks from: active mentors to lead a circle, active mentees to place in one, a page at a time
// (the API gives at most 100 a page).
export const CIRCLE_CANDIDATES = graphql(`
  query CircleCandidates($programId: ID!, $role: ParticipantRole!, $after: String) {
    program(id: $programId) {
      id
      participants(first: 100, after: $after, filter: { role: $role, status: ACTIVE }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            personId
            displayName
          }
        }
      }
    }
  }
`);
