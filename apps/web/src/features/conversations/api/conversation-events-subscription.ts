import { graphql } from '../../../gql';

/** The conversation events the gateway tells both members of (ids only, never a message's text). */
export const CONVERSATION_EVENT_TYPES = [
  'MessagePosted',
  'MessageEdited',
  'MessageDeleted',
  'ConversationRead',
  'ConversationClosed',
  'ConversationMessagesShredded',
];

export const CONVERSATION_EVENTS = graphql(`
  subscription ConversationEvents($types: [String!]) {
    myEvents(types: $types) {
      id
      type
      data
    }
  }
`);
