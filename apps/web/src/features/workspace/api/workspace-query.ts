import { graphql } from '../../../gql';

/** Everything the mentorship workspace shows; each panel names its own fields in a fragment next to it. */
export const WORKSPACE = graphql(`
  query Workspace($mentorshipId: ID!, $viewerTimeZone: String!) {
    me {
      personId
    }
    engagement(mentorshipId: $mentorshipId, viewerTimeZone: $viewerTimeZone) {
      mentorshipId
      programId
      status
      viewerRole
      mentorPersonId
      menteePersonId
      mentor {
        ...PersonSummary_participant
        ...WorkspacePerson_participant
      }
      mentee {
        ...PersonSummary_participant
        ...WorkspacePerson_participant
      }
      ...ActionItemsPanel_engagement
      ...AgreementPanel_engagement
      ...GoalsPanel_engagement
      ...ReflectionsPanel_engagement
      ...ResourcesPanel_engagement
      ...SessionsPanel_engagement
    }
  }
`);

/** What scheduling needs to know of each side: where they are and when they said they can meet. */
export const WorkspacePersonParticipant = graphql(`
  fragment WorkspacePerson_participant on Participant {
    personId
    displayName
    timezone
    availability {
      day
      startMinute
      endMinute
    }
  }
`);
