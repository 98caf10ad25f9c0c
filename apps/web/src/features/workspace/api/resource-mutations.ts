import { graphql } from '../../../gql';

export const RECOMMEND_RESOURCE = graphql(`
  mutation RecommendResource($mentorshipId: ID!, $kind: ResourceKind!, $title: String!, $link: String, $commandId: ID) {
    recommendResource(mentorshipId: $mentorshipId, kind: $kind, title: $title, link: $link, commandId: $commandId) {
      mentorshipId
      ...ResourcesPanel_engagement
    }
  }
`);
