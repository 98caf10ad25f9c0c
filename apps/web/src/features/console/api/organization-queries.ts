import { graphql } from '../../../gql';

// Org admins only: every program of the organization with who manages it.
export const ORGANIZATION_PROGRAMS = graphql(`
  query OrganizationPrograms {
    programs {
      id
      name
      status
      managerPersonIds
    }
  }
`);

export const WEBHOOKS = graphql(`
  query OrganizationWebhooks {
    webhooks {
      id
      url
      categories
      enabled
      consecutiveFailures
      disabledAt
    }
  }
`);
