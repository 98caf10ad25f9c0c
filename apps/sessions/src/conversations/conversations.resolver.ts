import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import type { Actor } from '../core/actor';
import { ConversationsService } from './conversations.service';
import {
  Conversation,
  ConversationMessage,
  ConversationSummary,
  MessageReport,
  MessageReportReasonEnum,
} from './conversations.types';

const commandIdArg = { name: 'commandId', type: () => ID, nullable: true, description: 'Idempotency key for retries' };
const mentorshipIdArg = {
  name: 'mentorshipId',
  type: () => ID,
  description: 'The mentorship’s id, or `circle-<circleId>` for a circle’s conversation',
};
const actorOf = (principal: Principal, commandId?: string): Actor => ({
  tenantId: principal.tenantId,
  personId: principal.personId,
  orgAdmin: principal.orgAdmin === true,
  ...(commandId ? { commandId } : {}),
});

/**
 * A mentorship's or circle's private conversation. Only its members read and write it (the decider's rule): program
 * managers and organization admins are refused like anyone else outside the pair or circle.
 */
@Resolver(() => Conversation)
export class ConversationsResolver {
  constructor(@Inject(ConversationsService) private readonly conversations: ConversationsService) {}

  @Query(() => Conversation, {
    description:
      'The conversation of a mentorship or circle you are part of: the newest messages, or those before `beforeSeq`',
  })
  conversation(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args('last', { type: () => Int, defaultValue: 50, description: 'How many messages (1 to 200)' }) last: number,
    @Args('beforeSeq', { type: () => Int, nullable: true }) beforeSeq?: number,
  ): Promise<Conversation> {
    return this.conversations.conversation(actorOf(principal), mentorshipId, last, beforeSeq ?? undefined);
  }

  @Query(() => [ConversationSummary], { description: 'Your conversations, most recent activity first' })
  myConversations(@CurrentPrincipal() principal: Principal): Promise<ConversationSummary[]> {
    return this.conversations.myConversations(actorOf(principal));
  }

  @Mutation(() => ConversationMessage, {
    description: 'Sends a message (plain text, at most 4,000 characters, at most 30 a minute; encrypted at rest)',
  })
  postMessage(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args('body') body: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<ConversationMessage> {
    return this.conversations.postMessage(actorOf(principal, commandId), mentorshipId, body);
  }

  @Mutation(() => ConversationMessage, { description: 'Corrects your message, within 15 minutes of sending it' })
  editMessage(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args('messageId', { type: () => ID }) messageId: string,
    @Args('body') body: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<ConversationMessage> {
    return this.conversations.editMessage(actorOf(principal, commandId), mentorshipId, messageId, body);
  }

  @Mutation(() => ConversationMessage, { description: 'Deletes your message; it reads "message deleted" for both' })
  deleteMessage(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args('messageId', { type: () => ID }) messageId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<ConversationMessage> {
    return this.conversations.deleteMessage(actorOf(principal, commandId), mentorshipId, messageId);
  }

  @Mutation(() => ConversationSummary, { description: 'Moves your read receipt up to this message (never back)' })
  markConversationRead(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args('upToMessageId', { type: () => ID }) upToMessageId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<ConversationSummary> {
    return this.conversations.markRead(actorOf(principal, commandId), mentorshipId, upToMessageId);
  }

  @Mutation(() => MessageReport, { description: 'Reports the other person’s message, with a reason from the list' })
  reportMessage(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args('messageId', { type: () => ID }) messageId: string,
    @Args('reason', { type: () => MessageReportReasonEnum })
    reason: (typeof MessageReportReasonEnum)[keyof typeof MessageReportReasonEnum],
    @Args(commandIdArg) commandId?: string,
  ): Promise<MessageReport> {
    return this.conversations.reportMessage(actorOf(principal, commandId), mentorshipId, messageId, reason);
  }
}
