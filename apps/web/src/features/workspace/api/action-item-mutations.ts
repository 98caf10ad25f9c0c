import { graphql } from '../../../gql';

export const ADD_ACTION_ITEM = graphql(`
  mutation AddActionItem(
    $mentorshipId: ID!
    $title: String!
    $ownerPersonId: ID!
    $dueDate: String!
    $timezone: String!
    $goalId: ID
    $commandId: ID
  ) {
    addActionItem(
      mentorshipId: $mentorshipId
      title: $title
      ownerPersonId: $ownerPersonId
      dueDate: $dueDate
      timezone: $timezone
      goalId: $goalId
      commandId: $commandId
    ) {
      mentorshipId
      ...ActionItemsPanel_engagement
    }
  }
`);

export const COMPLETE_ACTION_ITEM = graphql(`
  mutation CompleteActionItem($mentorshipId: ID!, $actionItemId: ID!, $commandId: ID) {
    completeActionItem(mentorshipId: $mentorshipId, actionItemId: $actionItemId, commandId: $commandId) {
      mentorshipId
      ...ActionItemsPanel_engagement
    }
  }
`);
