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
  mutation LockRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {
    lockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {
      id
      ...RoundConsole_round
    }
  }
`);

export const UNLOCK_PAIR = graphql(`
  mutation UnlockRoundPair($roundId: ID!, $menteePersonId: ID!) {
    unlockRoundPair(roundId: $roundId, menteePersonId: $menteePersonId) {
      id
      ...RoundConsole_round
    }
  }
`);

export const REMOVE_PAIR = graphql(`
  mutation RemoveRoundPair($roundId: ID!, $menteePersonId: ID!, $reason: RoundOverrideReason!) {
    removeRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, reason: $reason) {
      id
      ...RoundConsole_round
    }
  }
`);

export const ADD_PAIR = graphql(`
  mutation AddRoundPair($roundId: ID!, $menteePersonId: ID!, $mentorPersonId: ID!, $reason: RoundOverrideReason!) {
    addRoundPair(roundId: $roundId, menteePersonId: $menteePersonId, mentorPersonId: $mentorPersonId, reason: $reason) {
      id
      ...RoundConsole_round
    }
  }
`);

export const SWAP_MENTORS = graphql(`
  mutation SwapRoundMentors($roundId: ID!, $menteeA: ID!, $menteeB: ID!, $reason: RoundOverrideReason!) {
    swapRoundMentors(roundId: $roundId, menteeA: $menteeA, menteeB: $menteeB, reason: $reason) {
      id
      ...RoundConsole_round
    }
  }
`);

export const RECOMPUTE_ROUND = graphql(`
  mutation RecomputeMatchingRound($roundId: ID!) {
    recomputeMatchingRound(roundId: $roundId) {
      id
      ...RoundConsole_round
    }
  }
`);

export const PUBLISH_ROUND = graphql(`
  mutation PublishMatchingRound($roundId: ID!, $respondWithinDays: Int!) {
    publishMatchingRound(roundId: $roundId, respondWithinDays: $respondWithinDays) {
      id
      ...RoundConsole_round
    }
  }
`);

export const DISCARD_ROUND = graphql(`
  mutation DiscardMatchingRound($roundId: ID!) {
    discardMatchingRound(roundId: $roundId) {
      id
      ...RoundConsole_round
    }
  }
`);
