import { graphql } from '../../../gql';

export const PROPOSE_AGREEMENT = graphql(`
  mutation ProposeAgreement($mentorshipId: ID!, $agreement: AgreementInput!, $commandId: ID) {
    proposeAgreement(mentorshipId: $mentorshipId, agreement: $agreement, commandId: $commandId) {
      mentorshipId
      ...AgreementPanel_engagement
    }
  }
`);

export const AMEND_AGREEMENT = graphql(`
  mutation AmendAgreement($mentorshipId: ID!, $agreement: AgreementInput!, $commandId: ID) {
    amendAgreement(mentorshipId: $mentorshipId, agreement: $agreement, commandId: $commandId) {
      mentorshipId
      ...AgreementPanel_engagement
    }
  }
`);

export const SIGN_AGREEMENT = graphql(`
  mutation SignAgreement($mentorshipId: ID!, $version: Int!, $commandId: ID) {
    signAgreement(mentorshipId: $mentorshipId, version: $version, commandId: $commandId) {
      mentorshipId
      ...AgreementPanel_engagement
    }
  }
`);
