import { graphql } from '../../../gql';

export const PROPOSE_AGREEMENT = graphql(`
  mutation ProposeAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {
    proposeAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {
      mentorshipId
      ...AgreementPanel_engagement
    }
  }
`);

export const AMEND_AGREEMENT = graphql(`
  mutation AmendAgreement($mentorshipId: ID!, $agreement: AgreementInput!) {
    amendAgreement(mentorshipId: $mentorshipId, agreement: $agreement) {
      mentorshipId
      ...AgreementPanel_engagement
    }
  }
`);

export const SIGN_AGREEMENT = graphql(`
  mutation SignAgreement($mentorshipId: ID!, $version: Int!) {
    signAgreement(mentorshipId: $mentorshipId, version: $version) {
      mentorshipId
      ...AgreementPanel_engagement
    }
  }
`);
