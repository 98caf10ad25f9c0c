import { graphql } from '../../../gql';

export const ROUNDS_PROGRAM = graphql(`
  query RoundsProgram($programId: ID!) {
    program(id: $programId) {
      id
      name
      matchingRules {
        objective
      }
      cohorts {
        cohortId
        name
      }
    }
  }
`);

// A program's rounds, newest first, a page at a time.
export const ROUNDS_HISTORY = graphql(`
  query RoundsHistory($programId: ID!, $after: String) {
    matchingRounds(programId: $programId, first: 20, after: $after) {
      nodes {
        id
        status
        objective
        createdAt
        pairCount
        unmatchedCount
        coverage
      }
      endCursor
      hasNextPage
    }
  }
`);

export const MATCHING_ROUND = graphql(`
  query MatchingRoundConsole($roundId: ID!) {
    me {
      personId
    }
    matchingRound(id: $roundId) {
      id
      ...RoundConsole_header
    }
  }
`);

// A page of the round's pairs, in the order the API keeps (mentee id); `filter.personIds` narrows them to the people a
// name search found. The console asks for the first page, then for the next as the table scrolls to it.
export const ROUND_PAIRS = graphql(`
  query RoundPairs($roundId: ID!, $first: Int!, $after: String, $filter: RoundPairFilter) {
    matchingRound(id: $roundId) {
      id
      pairPage(first: $first, after: $after, filter: $filter) {
        totalCount
        endCursor
        hasNextPage
        nodes {
          id
          ...RoundConsole_pair
        }
      }
    }
  }
`);

// The people of the program a name search finds, to narrow the round's pairs to theirs.
export const PEOPLE_BY_NAME = graphql(`
  query RoundPeopleByName($programId: ID!, $name: String!, $first: Int!) {
    program(id: $programId) {
      id
      participants(filter: { name: $name }, first: $first) {
        edges {
          node {
            id
            personId
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

// The round's mentors with their names, for pairing an unmatched mentee by hand: asked when that dialog opens.
export const ROUND_MENTORS = graphql(`
  query RoundMentors($roundId: ID!) {
    matchingRound(id: $roundId) {
      id
      mentors {
        mentorPersonId
        mentees
        mentor {
          id
          displayName
        }
      }
    }
  }
`);

// The round's recorded input re-solved under each objective with the program's rules: only the metrics are read
// (`first: 0`), so the manager sees what choosing another objective would cost or gain before publishing.
export const OBJECTIVE_COMPARISON = graphql(`
  query RoundObjectiveComparison($roundId: ID!) {
    bestTotal: compareMatchingRound(roundId: $roundId, objective: BEST_TOTAL, first: 0) {
      roundId
      metricsAfter {
        coverage
        meanScore
        minScore
        matched
        unmatched
        blockingPairs
      }
    }
    fairest: compareMatchingRound(roundId: $roundId, objective: FAIREST, first: 0) {
      roundId
      metricsAfter {
        coverage
        meanScore
        minScore
        matched
        unmatched
        blockingPairs
      }
    }
    mostMatched: compareMatchingRound(roundId: $roundId, objective: MOST_MATCHED, first: 0) {
      roundId
      metricsAfter {
        coverage
        meanScore
        minScore
        matched
        unmatched
        blockingPairs
      }
    }
    stable: compareMatchingRound(roundId: $roundId, objective: STABLE, first: 0) {
      roundId
      metricsAfter {
        coverage
        meanScore
        minScore
        matched
        unmatched
        blockingPairs
      }
    }
  }
`);
