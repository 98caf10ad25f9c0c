import { graphql } from '../../../gql';

export const SET_GOAL = graphql(`
  mutation SetGoal(
    $mentorshipId: ID!
    $title: String!
    $targetDate: String!
    $timezone: String!
    $milestones: [MilestoneInput!]
    $commandId: ID
  ) {
    setGoal(
      mentorshipId: $mentorshipId
      title: $title
      targetDate: $targetDate
      timezone: $timezone
      milestones: $milestones
      commandId: $commandId
    ) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);

export const ADD_MILESTONE = graphql(`
  mutation AddMilestone(
    $mentorshipId: ID!
    $goalId: ID!
    $title: String!
    $targetDate: String
    $timezone: String!
    $commandId: ID
  ) {
    addMilestone(
      mentorshipId: $mentorshipId
      goalId: $goalId
      title: $title
      targetDate: $targetDate
      timezone: $timezone
      commandId: $commandId
    ) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);

export const REACH_MILESTONE = graphql(`
  mutation ReachMilestone($mentorshipId: ID!, $goalId: ID!, $milestoneId: ID!, $commandId: ID) {
    reachMilestone(mentorshipId: $mentorshipId, goalId: $goalId, milestoneId: $milestoneId, commandId: $commandId) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);

export const UPDATE_GOAL_PROGRESS = graphql(`
  mutation UpdateGoalProgress($mentorshipId: ID!, $goalId: ID!, $progressPercent: Int!, $note: String, $commandId: ID) {
    updateGoalProgress(
      mentorshipId: $mentorshipId
      goalId: $goalId
      progressPercent: $progressPercent
      note: $note
      commandId: $commandId
    ) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);

export const ACHIEVE_GOAL = graphql(`
  mutation AchieveGoal($mentorshipId: ID!, $goalId: ID!, $commandId: ID) {
    achieveGoal(mentorshipId: $mentorshipId, goalId: $goalId, commandId: $commandId) {
      mentorshipId
      ...GoalsPanel_engagement
    }
  }
`);
