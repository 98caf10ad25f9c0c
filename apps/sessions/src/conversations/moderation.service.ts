import { participantIdFor } from '@trellis/profiles/contracts';
import {
  moderationContext,
  type ConversationCommand,
  type ConversationMessage as DomainMessage,
  type ConversationState,
} from '@trellis/sessions/domain';
import { DomainError } from '@trellis/shared/event-store';
import type { MembershipDirectory } from '@trellis/shared/memberships';
import { ERASED } from '@trellis/shared/privacy';
import { type Actor, commandContext } from '../core/actor';
import type { ConversationStore } from '../core/conversation-store';
import { messageReportKey, type MessageReportRow, type SessionsReadModels } from '../core/read-models';
import { requireProgramManager } from '../core/program-managers';
import type { SealedTexts } from '../core/sealed-texts';
import { MESSAGE_DELETED, MESSAGE_REMOVED } from './conversations.service';
import type { ModeratedMessage, ModerationPerson, ReportedMessage } from './moderation.types';

export type ReportStatus = MessageReportRow['status'];
export type ModerationActionType = Extract<
  ConversationCommand['type'],
  'HideReportedMessage' | 'DismissMessageReport' | 'WarnMessageAuthor' | 'RemoveConversationMember'
>;

const MAX_REPORTS = 100;

/**
 * Moderation of reported messages by the program's managers (and the organization's admins). They read a reported
 * message and its immediate context only, opened here for this view; the rest of the conversation stays closed to
 * them (`ConversationsService` refuses them like anyone outside the pair).
 */
export class ModerationService {
  constructor(
    private readonly store: ConversationStore,
    private readonly readModels: SessionsReadModels,
    private readonly texts: SealedTexts,
    private readonly memberships: MembershipDirectory,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private requireModerator(actor: Actor, programId: string): Promise<void> {
    return requireProgramManager(
      this.memberships,
      actor,
      programId,
      'Only the managers of this program moderate its conversations.',
    );
  }

  async reportedMessages(actor: Actor, programId: string, status: ReportStatus = 'open'): Promise<ReportedMessage[]> {
    await this.requireModerator(actor, programId);
    const rows = await this.readModels
      .messageReportsOf(actor.tenantId)
      .find({ programId, status }, { sort: { firstReportedAt: 1 }, limit: MAX_REPORTS });
    const states = new Map<string, ConversationState>();
    const answers: ReportedMessage[] = [];
    for (const row of rows) {
      let state = states.get(row.mentorshipId);
      if (!state) {
        state = await this.store.load(actor.tenantId, row.mentorshipId);
        states.set(row.mentorshipId, state);
      }
      // The row may lag its stream by a commit; the stream decides.
      if (state.moderation[row.messageId]?.status !== status) continue;
      answers.push(await this.view(state, row.messageId));
    }
    return answers;
  }

  async act(
    actor: Actor,
    type: ModerationActionType,
    mentorshipId: string,
    messageId: string,
    personId?: string,
  ): Promise<ReportedMessage> {
    const current = await this.store.load(actor.tenantId, mentorshipId);
    await this.requireModerator(actor, current.programId);
    const now = this.clock().toISOString();
    const base = { messageId, moderator: actor.personId, now };
    const command: ConversationCommand =
      type === 'RemoveConversationMember' ? { type, ...base, personId: personId ?? '' } : { type, ...base };
    const { state } = await this.store.execute(commandContext(actor), mentorshipId, command);
    return this.view(state, messageId);
  }

  private person(state: ConversationState, personId: string): ModerationPerson {
    return { personId, participant: { id: participantIdFor(state.programId, personId) } };
  }

  private async view(state: ConversationState, messageId: string): Promise<ReportedMessage> {
    const report = state.moderation[messageId];
    const message = state.messages[messageId];
    if (!report || !message) throw new DomainError('NOT_FOUND', 'This message has not been reported.');
    return {
      id: messageReportKey(state.mentorshipId, messageId),
      programId: state.programId,
      mentorshipId: state.mentorshipId,
      messageId,
      status: report.status,
      author: this.person(state, message.authorPersonId),
      reports: report.reports.map((r) => ({
        reportedBy: this.person(state, r.reportedByPersonId),
        reason: r.reason,
        reportedAt: r.reportedAt,
      })),
      context: await Promise.all(moderationContext(state, messageId).map((m) => this.message(state, m, messageId))),
      actions: report.actions.map((a) => ({
        kind: a.kind,
        byPersonId: a.byPersonId,
        at: a.at,
        personId: a.personId ?? null,
      })),
      members: state.memberPersonIds.map((p) => this.person(state, p)),
      conversationOpen: state.status === 'open',
    };
  }

  /**
   * A hidden message still reads in full here: the moderators must see what they hid. Once the retention period
   * shredded the conversation, nobody reads it any more.
   */
  private async message(state: ConversationState, m: DomainMessage, reportedId: string): Promise<ModeratedMessage> {
    const text = m.deletedAt || state.messagesShreddedAt ? undefined : await this.texts.open(m.body);
    const removed = !m.deletedAt && (text === undefined || text === ERASED);
    return {
      id: m.messageId,
      seq: m.seq,
      author: this.person(state, m.authorPersonId),
      body: m.deletedAt ? MESSAGE_DELETED : removed ? MESSAGE_REMOVED : text!,
      status: m.deletedAt ? 'deleted' : removed ? 'removed' : m.hiddenAt ? 'hidden' : m.editedAt ? 'edited' : 'posted',
      postedAt: m.postedAt,
      reported: m.messageId === reportedId,
    };
  }
}
