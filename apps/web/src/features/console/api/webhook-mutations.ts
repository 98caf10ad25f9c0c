import { graphql } from '../../../gql';

// Enabling and disabling answer with the webhook, so the cached Webhook:<id> the list shows follows on its own;
// registering and removing change the list, which is fetched again.

export const REGISTER_WEBHOOK = graphql(`
  mutation RegisterWebhook($url: String!, $categories: [NotificationCategory!]!, $commandId: ID) {
    registerWebhook(url: $url, categories: $categories, commandId: $commandId) {
      secret
      webhook {
        id
        url
        categories
        enabled
        consecutiveFailures
        disabledAt
      }
    }
  }
`);

export const ENABLE_WEBHOOK = graphql(`
  mutation EnableWebhook($id: ID!, $commandId: ID) {
    enableWebhook(id: $id, commandId: $commandId) {
      id
      url
      categories
      enabled
      consecutiveFailures
      disabledAt
    }
  }
`);

export const DISABLE_WEBHOOK = graphql(`
  mutation DisableWebhook($id: ID!, $commandId: ID) {
    disableWebhook(id: $id, commandId: $commandId) {
      id
      url
      categories
      enabled
      consecutiveFailures
      disabledAt
    }
  }
`);

export const REMOVE_WEBHOOK = graphql(`
  mutation RemoveWebhook($id: ID!, $commandId: ID) {
    removeWebhook(id: $id, commandId: $commandId)
  }
`);
