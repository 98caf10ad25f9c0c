import { graphql } from '../../../gql';

export const WRITE_REFLECTION = graphql(`
  mutation WriteReflection($mentorshipId: ID!, $text: String!) {
    writeReflection(mentorshipId: $mentorshipId, text: $text) {
      mentorshipId
      ...ReflectionsPanel_engagement
    }
  }
`);
