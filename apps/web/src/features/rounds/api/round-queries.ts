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
      ...RoundConsole_round
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
