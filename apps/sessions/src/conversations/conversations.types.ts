import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

// GraphQL enum names cannot hold '-', so each enum maps a GraphQL name to the domain's value.
export const MessageReportReasonEnum = {
  SPAM: 'spam',
  HARASSMENT: 'harassment',
  HATE: 'hate',
  SELF_HARM: 'self-harm',
  INAPPROPRIATE: 'inappropriate',
  OTHER: 'other',
} as const;
export const MessageStatusEnum = {
  POSTED: 'posted',
  EDITED: 'edited',
  DELETED: 'deleted',
  REMOVED: 'removed',
  HIDDEN: 'hidden',
} as const;
export const ConversationStatusEnum = { OPEN: 'open', CLOSED: 'closed' } as const;

registerEnumType(MessageReportReasonEnum, { name: 'MessageReportReason' });
registerEnumType(MessageStatusEnum, {
  name: 'MessageStatus',
  description:
    'DELETED: its author deleted it; REMOVED: its author was erased, the text is gone for good; HIDDEN: a moderator of the program hid it',
});
registerEnumType(ConversationStatusEnum, { name: 'ConversationStatus' });

@ObjectType({ description: 'A message in a conversation: plain text (links are text, never rendered as HTML)' })
export class ConversationMessage {
  @Field(() => ID) id!: string;
  @Field(() => ID) mentorshipId!: string;
  @Field(() => Int, { description: '1, 2, 3… in posting order; the cursor for older pages' }) seq!: number;
  @Field(() => ID) authorPersonId!: string;
  @Field({ description: 'The text; "message deleted", "message removed" or "hidden by a moderator" when it is gone' })
  body!: string;
  @Field(() => MessageStatusEnum) status!: string;
  @Field({ description: 'UTC' }) postedAt!: string;
  @Field(() => String, { nullable: true, description: 'UTC' }) editedAt!: string | null;
  @Field({ description: 'You wrote it' }) mine!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'UTC; until then you may edit it (null when it is not yours or no longer editable)',
  })
  editableUntil!: string | null;
}

@ObjectType({ description: 'How far a member has read' })
export class ReadReceipt {
  @Field(() => ID) personId!: string;
  @Field(() => Int, { description: 'The seq of the last message they read (0: none yet)' }) readUpToSeq!: number;
}

const conversationIdDescription =
  'The conversation’s id: the mentorship’s id, or `circle-<circleId>` for a circle’s conversation';
const circleIdDescription = 'The circle whose conversation this is (null for a mentorship’s)';

@ObjectType({ description: 'The private conversation of a mentorship or circle: only its members read it' })
export class Conversation {
  @Field(() => ID, { description: conversationIdDescription }) mentorshipId!: string;
  @Field(() => ID, { nullable: true, description: circleIdDescription }) circleId!: string | null;
  @Field(() => ConversationStatusEnum, {
    description: 'CLOSED once the mentorship ended or the circle closed: readable, not writable',
  })
  status!: string;
  @Field(() => [ID]) memberPersonIds!: string[];
  @Field(() => [ConversationMessage], { description: 'A page of messages, oldest first, ending at the newest' })
  messages!: ConversationMessage[];
  @Field(() => Int, {
    nullable: true,
    description: 'Pass as `beforeSeq` for the previous page; null at the first message',
  })
  olderBeforeSeq!: number | null;
  @Field(() => [ReadReceipt]) readReceipts!: ReadReceipt[];
  @Field(() => Int, { description: 'Messages of the others you have not read' }) unreadCount!: number;
}

@ObjectType({ description: 'A conversation you are a member of, for lists and badges' })
export class ConversationSummary {
  @Field(() => ID, { description: conversationIdDescription }) mentorshipId!: string;
  @Field(() => ID, { nullable: true, description: circleIdDescription }) circleId!: string | null;
  @Field(() => ID) programId!: string;
  @Field(() => ConversationStatusEnum) status!: string;
  @Field(() => Int) unreadCount!: number;
  @Field({ description: 'UTC of the last message (or of the opening)' }) lastActivityAt!: string;
}

@ObjectType({ description: 'Your report of a message, recorded with its reason for the program’s moderation' })
export class MessageReport {
  @Field(() => ID) messageId!: string;
  @Field(() => MessageReportReasonEnum) reason!: string;
  @Field({ description: 'UTC' }) reportedAt!: string;
}
