import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';

export interface SubscriptionLinkOptions {
  url: string;
  /** The connection parameters, read on every (re)connect. */
  connectionParams: () => Record<string, string>;
}

/**
 * Subscriptions over graphql-ws. No socket until the first subscription; parameters are read on every (re)connect,
 * so a renewed token is sent after the gateway closes a socket whose token expired (4401).
 */
export function createSubscriptionLink({ url, connectionParams }: SubscriptionLinkOptions): GraphQLWsLink {
  return new GraphQLWsLink(createClient({ url, lazy: true, connectionParams, shouldRetry: () => true }));
}
