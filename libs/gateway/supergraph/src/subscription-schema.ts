import type { Principal } from '@trellis/shared/auth';
import {
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  printType,
} from 'graphql';
import type { FeedEvent, FeedSource } from './feed-event';

export interface SubscriptionContext {
  principal: Principal;
}

const PersonEvent = new GraphQLObjectType<FeedEvent>({
  name: 'PersonEvent',
  description: 'An integration event of your organization that names you.',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID), resolve: (e) => e.envelope.id },
    type: { type: new GraphQLNonNull(GraphQLString), resolve: (e) => e.envelope.type },
    topic: { type: new GraphQLNonNull(GraphQLString), resolve: (e) => e.topic },
    occurredAt: { type: new GraphQLNonNull(GraphQLString), resolve: (e) => e.envelope.occurredAt },
    streamId: { type: new GraphQLNonNull(GraphQLString), resolve: (e) => e.envelope.streamId },
    programId: { type: GraphQLString, resolve: (e) => e.envelope.programId ?? null },
    data: {
      type: new GraphQLNonNull(GraphQLString),
      description: 'The event data as JSON: ids, tags, enums, numbers and times only, never names or free text.',
      resolve: (e) => JSON.stringify(e.envelope.data),
    },
  },
});

/**
 * The subscription side of the public schema, served by the gateway itself over graphql-ws on /graphql (ADR 0003).
 * Queries and mutations are the federated supergraph's, over HTTP.
 */
export function createSubscriptionSchema(feed: FeedSource): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        subscriptionListeners: {
          type: new GraphQLNonNull(GraphQLInt),
          description: 'Placeholder root (a schema needs a query type); queries go to HTTP.',
          resolve: () => 0,
        },
      },
    }),
    subscription: new GraphQLObjectType<unknown, SubscriptionContext>({
      name: 'Subscription',
      fields: {
        myEvents: {
          type: new GraphQLNonNull(PersonEvent),
          description: 'Live events of your own organization that name you, optionally only of the given types.',
          args: { types: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) } },
          subscribe: (_root, args: { types?: string[] | null }, context) =>
            feed.listen(context.principal, args.types ?? undefined),
          resolve: (event: unknown) => event as FeedEvent,
        },
      },
    }),
  });
}

/**
 * The subscription root as SDL that extends the federated API schema: clients (the web app's code generation) see one
 * schema, although subscriptions are served by the gateway itself and not composed from subgraphs.
 */
export function subscriptionExtensionSdl(): string {
  const schema = createSubscriptionSchema({
    listen: () => {
      throw new Error('a schema printed for clients serves no subscription');
    },
  });
  const subscription = schema.getSubscriptionType();
  if (!subscription) throw new Error('the subscription schema has no Subscription type');
  return [printType(PersonEvent), printType(subscription), 'extend schema { subscription: Subscription }'].join('\n\n');
}
