import { graphql } from '../../../gql';

// Org admins only: every program of the organization with who manages it.
export const ORGANIZATION_PROGRAMS = graphql(`
  query OrganizationPrograms {
    programs {
      id
      name
      status
      managers {
        personId
        displayName
      }
    }
  }
`);

// Org admins only: people of the organization whose name has every word of the search, to pick a manager from.
export const ORGANIZATION_PEOPLE = graphql(`
  query OrganizationPeople($search: String!) {
    organizationPeople(search: $search, first: 8) {
      personId
      displayName
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
