import { graphql } from '../../../gql';

// Pairs that need attention (stalled first) with both names, and why mentorships ended.
export const CONSOLE_ENGAGEMENT = graphql(`
  query ConsoleEngagement($programId: ID!) {
    programInsights(programId: $programId) {
      asOf
      engagement {
        activeMentorships
        atRisk
        stalled
        atRiskPairs {
          mentorshipId
          ...EngagementPairRow_pair
        }
      }
      outcomes {
        closuresByReason {
          key
          count
        }
      }
    }
  }
`);

export const NUDGE_MENTORSHIP = graphql(`
  mutation NudgeMentorship($mentorshipId: ID!, $commandId: ID) {
    nudgeMentorship(mentorshipId: $mentorshipId, commandId: $commandId) {
      mentorshipId
      nudgedAt
      alreadyNudged
    }
  }
`);
