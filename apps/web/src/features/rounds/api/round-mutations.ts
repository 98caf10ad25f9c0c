import { graphql } from '../../../gql';

export const START_ROUND = graphql(`
  mutation StartMatchingRound($programId: ID!, $cohortId: ID, $objective: MatchingObjective, $commandId: ID) {
    startMatchingRound(programId: $programId, cohortId: $cohortId, objective: $objective, commandId: $commandId) {
      id
      ...RoundConsole_round
    }
  }
`);

export const LOCK_PAIR = graphql(`
  mutation LockRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!, $commandId: ID) {
    lockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason, commandId: $commandId) {
      id
      ...RoundConsole_round
    }
  }
`);

export const UNLOCK_PAIR = graphql(`
  mutation UnlockRoundPair($roundId: ID!, $menteePersonId: ID!, $commandId: ID) {
    unlockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, commandId: $commandId) {
      id
      ...RoundConsole_round
    }
  }
`);

export const REMOVE_PAIR = graphql(`
  mutation RemoveRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!, $commandId: ID) {
    removeRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason, commandId: $commandId) {
      id
      ...RoundConsole_round
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
      ...RoundConsole_round
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
      ...RoundConsole_round
    }
  }
`);

export const RECOMPUTE_ROUND = graphql(`
  mutation RecomputeMatchingRound($roundId: ID!, $commandId: ID) {
    recomputeMatchingRound(roundId: $roundId, commandId: $commandId) {
      id
      ...RoundConsole_round
    }
  }
`);

export const PUBLISH_ROUND = graphql(`
  mutation PublishMatchingRound($roundId: ID!, $respondWithinDays: Int!, $commandId: ID) {
    publishMatchingRound(roundId: $roundId, respondWithinDays: $respondWithinDays, commandId: $commandId) {
      id
      ...RoundConsole_round
    }
  }
`);

export const DISCARD_ROUND = graphql(`
  mutation DiscardMatchingRound($roundId: ID!, $commandId: ID) {
    discardMatchingRound(roundId: $roundId, commandId: $commandId) {
      id
      ...RoundConsole_round
    }
  }
`);
