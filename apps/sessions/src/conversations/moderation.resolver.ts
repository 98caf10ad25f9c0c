import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import type { Actor } from '../core/actor';
import { ModerationService, type ReportStatus } from './moderation.service';
import { MessageReportStatusEnum, ReportedMessage } from './moderation.types';

const commandIdArg = { name: 'commandId', type: () => ID, nullable: true, description: 'Idempotency key for retries' };
const mentorshipIdArg = { name: 'mentorshipId', type: () => ID };
const messageIdArg = { name: 'messageId', type: () => ID, description: 'The reported message' };
const actorOf = (principal: Principal, commandId?: string): Actor => ({
  tenantId: principal.tenantId,
  personId: principal.personId,
  orgAdmin: principal.orgAdmin === true,
  ...(commandId ? { commandId } : {}),
});

/** Moderation of reported messages: the program's managers and the organization's admins only. */
@Resolver(() => ReportedMessage)
export class ModerationResolver {
  constructor(@Inject(ModerationService) private readonly moderation: ModerationService) {}

  @Query(() => [ReportedMessage], {
    description:
      'Reported messages of a program, oldest report first, each with two messages either side (program managers)',
  })
  reportedMessages(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('status', { type: () => MessageReportStatusEnum, defaultValue: 'open' }) status: ReportStatus,
  ): Promise<ReportedMessage[]> {
    return this.moderation.reportedMessages(actorOf(principal), programId, status);
  }

  @Mutation(() => ReportedMessage, {
    description: 'Hides a reported message: its members read "hidden by a moderator" (program managers)',
  })
  hideReportedMessage(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args(messageIdArg) messageId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<ReportedMessage> {
    return this.moderation.act(actorOf(principal, commandId), 'HideReportedMessage', mentorshipId, messageId);
  }

  @Mutation(() => ReportedMessage, { description: 'Closes a report without action; the message stays (managers)' })
  dismissMessageReport(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args(messageIdArg) messageId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<ReportedMessage> {
    return this.moderation.act(actorOf(principal, commandId), 'DismissMessageReport', mentorshipId, messageId);
  }

  @Mutation(() => ReportedMessage, {
    description: 'Sends the author a warning notification about this message, once per report (program managers)',
  })
  warnMessageAuthor(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args(messageIdArg) messageId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<ReportedMessage> {
    return this.moderation.act(actorOf(principal, commandId), 'WarnMessageAuthor', mentorshipId, messageId);
  }

  @Mutation(() => ReportedMessage, {
    description:
      'Removes a person from the conversation: they keep the messages up to now and read nothing new. The mentorship itself goes on until a manager ends it (program managers)',
  })
  removeConversationMember(
    @CurrentPrincipal() principal: Principal,
    @Args(mentorshipIdArg) mentorshipId: string,
    @Args(messageIdArg) messageId: string,
    @Args('personId', { type: () => ID }) personId: string,
    @Args(commandIdArg) commandId?: string,
  ): Promise<ReportedMessage> {
    return this.moderation.act(
      actorOf(principal, commandId),
      'RemoveConversationMember',
      mentorshipId,
      messageId,
      personId,
    );
  }
}
