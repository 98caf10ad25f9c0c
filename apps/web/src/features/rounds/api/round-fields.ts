import { graphql } from '../../../gql';

// Every query and mutation of the console answers with the whole round, so Apollo replaces what the page shows with
// the server's state after each change (MatchingRound has an id) and no screen can show a stale pair.
export const RoundConsoleRound = graphql(`
  fragment RoundConsole_round on MatchingRound {
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
    pairs {
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
        type
        bestMentorPlaces
        fitPoints
        matchesLost
        rule
        bestMentor {
          id
          displayName
        }
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
    }
  }
`);
