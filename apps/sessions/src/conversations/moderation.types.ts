import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Participant } from '../graphql/sessions.types';
import { MessageReportReasonEnum, MessageStatusEnum } from './conversations.types';

export const MessageReportStatusEnum = { OPEN: 'open', HIDDEN: 'hidden', DISMISSED: 'dismissed' } as const;
export const ModerationActionKindEnum = {
  HIDDEN: 'hidden',
  DISMISSED: 'dismissed',
  AUTHOR_WARNED: 'author-warned',
  MEMBER_REMOVED: 'member-removed',
} as const;

registerEnumType(MessageReportStatusEnum, {
  name: 'MessageReportStatus',
  description: 'OPEN until a moderator hides the message or dismisses the report; a new report opens it again',
});
registerEnumType(ModerationActionKindEnum, { name: 'ModerationActionKind' });

@ObjectType({ description: 'A person of the conversation, as a participant of its program' })
export class ModerationPerson {
  @Field(() => ID) personId!: string;
  @Field(() => Participant, { nullable: true, description: 'Their profile; null once erased' })
  participant!: Participant | null;
}

@ObjectType({ description: 'One member’s report of the message' })
export class MessageReportEntry {
  @Field(() => ModerationPerson) reportedBy!: ModerationPerson;
  @Field(() => MessageReportReasonEnum) reason!: string;
  @Field({ description: 'UTC' }) reportedAt!: string;
}

@ObjectType({ description: 'What a moderator did about the report (the audit, oldest first)' })
export class ModerationActionRecord {
  @Field(() => ModerationActionKindEnum) kind!: string;
  @Field(() => ID) byPersonId!: string;
  @Field({ description: 'UTC' }) at!: string;
  @Field(() => ID, { nullable: true, description: 'The person warned or removed' }) personId!: string | null;
}

@ObjectType({
  description: 'A message around (or of) a report, opened for the program’s moderators in this view only',
})
export class ModeratedMessage {
  @Field(() => ID) id!: string;
  @Field(() => Int) seq!: number;
  @Field(() => ModerationPerson) author!: ModerationPerson;
  @Field({ description: 'The text; "message deleted" or "message removed" when it is gone' }) body!: string;
  @Field(() => MessageStatusEnum) status!: string;
  @Field({ description: 'UTC' }) postedAt!: string;
  @Field({ description: 'The reported message itself (the others are its context)' }) reported!: boolean;
}

@ObjectType({
  description:
    'A reported message for its program’s moderators: the message with at most two messages either side, never the rest of the conversation',
})
export class ReportedMessage {
  @Field(() => ID, { description: '<mentorshipId>|<messageId>' }) id!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID) mentorshipId!: string;
  @Field(() => ID) messageId!: string;
  @Field(() => MessageReportStatusEnum) status!: string;
  @Field(() => ModerationPerson) author!: ModerationPerson;
  @Field(() => [MessageReportEntry]) reports!: MessageReportEntry[];
  @Field(() => [ModeratedMessage], { description: 'Oldest first; the reported one is marked' })
  context!: ModeratedMessage[];
  @Field(() => [ModerationActionRecord]) actions!: ModerationActionRecord[];
  @Field(() => [ModerationPerson], { description: 'Who is in the conversation now (whom a moderator may remove)' })
  members!: ModerationPerson[];
  @Field({ description: 'Whether the conversation is still open (a member can only be removed from an open one)' })
  conversationOpen!: boolean;
}
