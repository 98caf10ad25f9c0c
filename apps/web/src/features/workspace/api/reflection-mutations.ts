import { graphql } from '../../../gql';

export const WRITE_REFLECTION = graphql(`
  mutation WriteReflection($mentorshipId: ID!, $text: String!, $commandId: ID) {
    writeReflection(mentorshipId: $mentorshipId, text: $text, commandId: $commandId) {
      mentorshipId
      ...ReflectionsPanel_engagement
    }
  }
`);
