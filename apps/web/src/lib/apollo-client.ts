import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import type { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Observable, type Subscription } from 'rxjs';
import { conversationMessagesPolicy } from './conversation-cache';
import { createStaleReadGuardLink } from './stale-read-guard';
import type { SubscriptionLinkOptions } from './subscription-link';

export const GRAPHQL_PATH = '/graphql';

/**
 * Types without an `id`, and the fields that identify them in the cache. Every document that selects one of them must
 * select these fields too (cache-keys.spec.ts checks it), or Apollo cannot store it.
 */
export const KEY_FIELDS = {
  // `me` has no id of its own: the person is.
  Me: ['personId'],
  // One engagement per mentorship: a mutation's answer replaces what the workspace shows.
  Engagement: ['mentorshipId'],
  // One conversation per mentorship: pages of it and the person's list of conversations share one entry each.
  Conversation: ['mentorshipId'],
  ConversationSummary: ['mentorshipId'],
} as const satisfies Record<string, readonly string[]>;

export interface ApolloClientOptions {
  /** The current access token, read on every request so a silently renewed token is used at once. */
  getAccessToken(): string | undefined;
  /** Defaults to /graphql on the page's own origin (the gateway serves the app, ADR 0009). */
  httpUri?: string;
  wsUrl?: string;
}

function sameOriginWsUrl(): string {
  const url = new URL(GRAPHQL_PATH, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The WebSocket client (graphql-ws) is fetched with the first subscription, not with the first page: most pages
 * subscribe to nothing (ADR 0009).
 */
function lazySubscriptionLink(options: SubscriptionLinkOptions): ApolloLink {
  let link: Promise<GraphQLWsLink> | undefined;
  const load = () =>
    (link ??= import('./subscription-link').then(
      (module) => module.createSubscriptionLink(options),
      (error: unknown) => {
        link = undefined; // the next subscription tries again
        throw error;
      },
    ));
  return new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        let inner: Subscription | undefined;
        let closed = false;
        load().then(
          (ws) => {
            if (!closed) inner = ws.request(operation).subscribe(observer);
          },
          (error: unknown) => observer.error(error),
        );
        return () => {
          closed = true;
          inner?.unsubscribe();
        };
      }),
  );
}

/**
 * Queries and mutations over HTTP with `Authorization: Bearer`; subscriptions over graphql-ws on the same /graphql
 * path, authenticated by the `authorization` connection parameter the gateway reads at connection_init (ADR 0003).
 */
export function createApolloClient(options: ApolloClientOptions): ApolloClient {
  const bearer = () => {
    const token = options.getAccessToken();
    return token ? `Bearer ${token}` : undefined;
  };
  const auth = new SetContextLink((previous) => {
    const authorization = bearer();
    const headers = previous['headers'] as Record<string, string> | undefined;
    return authorization ? { headers: { ...headers, authorization } } : {};
  });
  const http = new HttpLink({ uri: options.httpUri ?? GRAPHQL_PATH });
  const ws = lazySubscriptionLink({
    url: options.wsUrl ?? sameOriginWsUrl(),
    connectionParams: (): Record<string, string> => {
      const authorization = bearer();
      return authorization ? { authorization } : {};
    },
  });
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  return new ApolloClient({
    link: ApolloLink.split(isSubscription, ws, ApolloLink.from([createStaleReadGuardLink(), auth, http])),
    cache: new InMemoryCache({
      typePolicies: {
        ...Object.fromEntries(
          Object.entries(KEY_FIELDS).map(([type, keyFields]) => [type, { keyFields: [...keyFields] }]),
        ),
        Conversation: { keyFields: [...KEY_FIELDS.Conversation], fields: { messages: conversationMessagesPolicy } },
      },
    }),
  });
}
