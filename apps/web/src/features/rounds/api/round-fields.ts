import { graphql } from '../../../gql';

// The console reads a round in two parts: its header (status, figures over all pairs, the unmatched, the overrides),
// which every query and mutation answers, and its pairs a page at a time. A pair has an id, so the pairs a mutation
// answers replace the same pairs wherever a loaded page shows them, and no screen shows a stale pair.
export const RoundConsoleHeader = graphql(`
  fragment RoundConsole_header on MatchingRound {
    id
    programId
    cohortId
    status
    objective
    iteration
    coverage
    meanScore
    minScore
    blockingPairs
    pairCount
    mentorLoad {
      mentors
      fewest
      most
    }
    unmatched {
      menteePersonId
      reason
      hints {
        type
        mentorCount
        gapHours
        gapYears
        language
      }
      mentee {
        id
        displayName
      }
    }
    overrides {
      type
      byPersonId
      menteePersonId
      reason
      mentee {
        id
        displayName
      }
    }
  }
`);

export const RoundConsolePair = graphql(`
  fragment RoundConsole_pair on RoundPair {
    id
    menteePersonId
    mentorPersonId
    score
    locked
    manual
    factors {
      name
      value
      weight
      contribution
    }
    notFirstChoice {
      ...NotFirstChoiceNote_reason
    }
    mentee {
      id
      displayName
    }
    mentor {
      id
      displayName
    }
  }
`);
