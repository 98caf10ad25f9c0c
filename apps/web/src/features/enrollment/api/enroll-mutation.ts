import { graphql } from '../../../gql';

export const ENROLL = graphql(`
  mutation Enroll($programId: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $commandId: ID) {
    enroll(programId: $programId, roles: $roles, profile: $profile, commandId: $commandId) {
      id
      programId
      roles
      status
      enrolledAt
    }
  }
`);
