import { graphql } from '../../../gql';

// Active goals of the person's open mentorships due within `withinDays` of today where the viewer is, or overdue;
// soonest first. The API answers the whole window at once (no pages).
export const GOALS_DUE = graphql(`
  query GoalsDue($withinDays: Int!, $viewerTimeZone: String!) {
    myGoalsDueSoon(withinDays: $withinDays, viewerTimeZone: $viewerTimeZone) {
      mentorshipId
      goal {
        id
      }
      ...AgendaGoalItem_goalDue
    }
  }
`);
