import { graphql } from '../../../gql';

// Every edit answers the round's header; a lock, an unlock, an addition and a swap also answer the pairs they changed,
// which replace the same pairs in the loaded pages. A removal, an addition and a re-solve change which pairs a page
// holds: the console then reads its pages again.

export const START_ROUND = graphql(`
  mutation StartMatchingRound($programId: ID!, $cohortId: ID, $objective: MatchingObjective, $commandId: ID) {
    startMatchingRound(programId: $programId, cohortId: $cohortId, objective: $objective, commandId: $commandId) {
      id
      ...RoundConsole_header
    }
  }
`);

export const LOCK_PAIR = graphql(`
  mutation LockRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!, $commandId: ID) {
    lockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason, commandId: $commandId) {
      id
      ...RoundConsole_header
      changed: pairsOf(menteePersonIds: [$menteePersonId]) {
        id
        ...RoundConsole_pair
      }
    }
  }
`);

export const UNLOCK_PAIR = graphql(`
  mutation UnlockRoundPair($roundId: ID!, $menteePersonId: ID!, $commandId: ID) {
    unlockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, commandId: $commandId) {
      id
      ...RoundConsole_header
      changed: pairsOf(menteePersonIds: [$menteePersonId]) {
        id
        ...RoundConsole_pair
      }
    }
  }
`);

export const REMOVE_PAIR = graphql(`
  mutation RemoveRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!, $commandId: ID) {
    removeRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason, commandId: $commandId) {
      id
      ...RoundConsole_header
    }
  }
`);

export const ADD_PAIR = graphql(`
  mutation AddRoundPair(
    $roundId: ID!
    $menteePersonId: ID!
    $mentorPersonId: ID!
    $reason: RoundOverrideReason!
    $commandId: ID
  ) {
    addRoundPair(
      roundId: $roundId
      menteePersonId: $menteePersonId
      mentorPersonId: $mentorPersonId
      reason: $reason
      commandId: $commandId
    ) {
      id
      ...RoundConsole_header
      changed: pairsOf(menteePersonIds: [$menteePersonId]) {
        id
        ...RoundConsole_pair
      }
    }
  }
`);

export const SWAP_MENTORS = graphql(`
  mutation SwapRoundMentors(
    $roundId: ID!
    $menteeA: ID!
    $menteeB: ID!
    $reason: RoundOverrideReason!
    $commandId: ID
  ) {
    swapRoundMentors(roundId: $roundId, menteeA: $menteeA, menteeB: $menteeB, reason: $reason, commandId: $commandId) {
      id
      ...RoundConsole_header
      changed: pairsOf(menteePersonIds: [$menteeA, $menteeB]) {
        id
        ...RoundConsole_pair
      }
    }
  }
`);

export const RECOMPUTE_ROUND = graphql(`
  mutation RecomputeMatchingRound($roundId: ID!, $commandId: ID) {
    recomputeMatchingRound(roundId: $roundId, commandId: $commandId) {
      id
      ...RoundConsole_header
    }
  }
`);

export const PUBLISH_ROUND = graphql(`
  mutation PublishMatchingRound($roundId: ID!, $respondWithinDays: Int!, $commandId: ID) {
    publishMatchingRound(roundId: $roundId, respondWithinDays: $respondWithinDays, commandId: $commandId) {
      id
      ...RoundConsole_header
    }
  }
`);

export const DISCARD_ROUND = graphql(`
  mutation DiscardMatchingRound($roundId: ID!, $commandId: ID) {
    discardMatchingRound(roundId: $roundId, commandId: $commandId) {
      id
      ...RoundConsole_header
    }
  }
`);
