import { graphql } from '../../../gql';

export const SET_GOAL = graphql(`
  mutation SetGoal(
    $mentorshipId: ID!
    $title: String!
    $targetDate: String!
    $timezone: String!
    $milestones: [MilestoneInput!]
  ) {
    setGoal(
      mentorshipId: $mentorshipId
      title: $title
      targetDate: $targetDate
      timezone: $timezone
      milestones: $milestones
    ) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);

export const ADD_MILESTONE = graphql(`
  mutation AddMilestone($mentorshipId: ID!, $goalId: ID!, $title: String!, $targetDate: String, $timezone: String!) {
    addMilestone(
      mentorshipId: $mentorshipId
      goalId: $goalId
      title: $title
      targetDate: $targetDate
      timezone: $timezone
    ) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);

export const REACH_MILESTONE = graphql(`
  mutation ReachMilestone($mentorshipId: ID!, $goalId: ID!, $milestoneId: ID!) {
    reachMilestone(mentorshipId: $mentorshipId, goalId: $goalId, milestoneId: $milestoneId) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);

export const UPDATE_GOAL_PROGRESS = graphql(`
  mutation UpdateGoalProgress($mentorshipId: ID!, $goalId: ID!, $progressPercent: Int!, $note: String) {
    updateGoalProgress(mentorshipId: $mentorshipId, goalId: $goalId, progressPercent: $progressPercent, note: $note) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);

export const ACHIEVE_GOAL = graphql(`
  mutation AchieveGoal($mentorshipId: ID!, $goalId: ID!) {
    achieveGoal(mentorshipId: $mentorshipId, goalId: $goalId) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);
