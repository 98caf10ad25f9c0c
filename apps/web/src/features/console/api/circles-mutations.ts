import { graphql } from '../../../gql';

export const CREATE_CIRCLE = graphql(`
  mutation CreateCircle($programId: ID!, $mentorPersonId: ID!, $maxSize: Int!, $selfJoin: Boolean, $commandId: ID) {
    createCircle(
      programId: $programId
      mentorPersonId: $mentorPersonId
      maxSize: $maxSize
      selfJoin: $selfJoin
      commandId: $commandId
    ) {
      id
      ...CirclesPanel_circle
    }
  }
`);

export const PLACE_IN_CIRCLE = graphql(`
  mutation PlaceInCircle($circleId: ID!, $menteePersonId: ID!, $commandId: ID) {
    placeInCircle(circleId: $circleId, menteePersonId: $menteePersonId, commandId: $commandId) {
      id
      ...CirclesPanel_circle
    }
  }
`);

export const REMOVE_FROM_CIRCLE = graphql(`
  mutation RemoveFromCircle($circleId: ID!, $menteePersonId: ID!, $commandId: ID) {
    leaveCircle(circleId: $circleId, menteePersonId: $menteePersonId, commandId: $commandId) {
      id
      ...CirclesPanel_circle
    }
  }
`);

export const START_CIRCLE_FILL = graphql(`
  mutation StartCircleFill($programId: ID!, $commandId: ID) {
    startCircleFill(programId: $programId, commandId: $commandId) {
      id
      ...CirclesPanel_fill
    }
  }
`);

export const PUBLISH_CIRCLE_FILL = graphql(`
  mutation PublishCircleFill($fillId: ID!, $commandId: ID) {
    publishCircleFill(fillId: $fillId, commandId: $commandId) {
      placed
      skipped {
        circleId
        menteePersonId
        code
        message
      }
      fill {
        id
        ...CirclesPanel_fill
      }
    }
  }
`);

export const DISCARD_CIRCLE_FILL = graphql(`
  mutation DiscardCircleFill($fillId: ID!, $commandId: ID) {
    discardCircleFill(fillId: $fillId, commandId: $commandId) {
      id
      ...CirclesPanel_fill
    }
  }
`);
