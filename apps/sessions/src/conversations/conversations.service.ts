import { randomUUID } from 'node:crypto';
import type { MessageReportReason } from '@trellis/sessions/contracts';
import {
  EDIT_WINDOW_MS,
  messagePage,
  readableUpToSeq,
  unreadCount,
  type ConversationCommand,
  type ConversationMessage as DomainMessage,
  type ConversationState,
} from '@trellis/sessions/domain';
import { DomainError } from '@trellis/shared/event-store';
import { ERASED } from '@trellis/shared/privacy';
import { type Actor, commandContext } from '../core/actor';
import { type ConversationStore, conversationKeyScope } from '../core/conversation-store';
import type { SessionsReadModels } from '../core/read-models';
import type { SealedTexts } from '../core/sealed-texts';
import type { Conversation, ConversationMessage, ConversationSummary, MessageReport } from './conversations.types';

export const MESSAGE_DELETED = 'message deleted';
export const MESSAGE_REMOVED = 'message removed';
export const MESSAGE_HIDDEN = 'hidden by a moderator';
const MAX_PAGE = 200;

/**
 * The conversation of a mentorship or circle for its members (a circle's is addressed as `circle-<circleId>`). Message text is checked on the plain text, sealed with the
 * author's key and only opened here, for a member; an author whose key was shredded reads as "message removed".
 */
export class ConversationsService {
  constructor(
    private readonly store: ConversationStore,
    private readonly readModels: SessionsReadModels,
    private readonly texts: SealedTexts,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  async conversation(actor: Actor, mentorshipId: string, last = 50, beforeSeq?: number): Promise<Conversation> {
    if (!Number.isInteger(last) || last < 1 || last > MAX_PAGE) {
      throw new DomainError('BAD_USER_INPUT', `Ask for 1 to ${MAX_PAGE} messages at a time.`, { field: 'last' });
    }
    const state = await this.store.load(actor.tenantId, mentorshipId);
    // A member a moderator removed reads the messages up to their removal and nothing written since.
    const upTo = readableUpToSeq(state, actor.personId);
    const before = Math.min(beforeSeq ?? Number.POSITIVE_INFINITY, upTo + 1);
    const page = messagePage(state, last, Number.isFinite(before) ? before : undefined);
    return {
      mentorshipId: state.mentorshipId,
      circleId: state.circleId,
      status: state.status === 'closed' ? 'closed' : 'open',
      memberPersonIds: [...state.memberPersonIds],
      messages: await Promise.all(page.messages.map((m) => this.messageOf(actor, state, m))),
      olderBeforeSeq: page.hasOlder ? page.messages[0]!.seq : null,
      readReceipts: state.memberPersonIds.map((personId) => ({
        personId,
        readUpToSeq: state.readUpTo[personId] ?? 0,
      })),
      unreadCount: unreadCount(state, actor.personId),
    };
  }

  async myConversations(actor: Actor): Promise<ConversationSummary[]> {
    const rows = await this.readModels
      .conversationMembersOf(actor.tenantId)
      .find({ personId: actor.personId }, { sort: { lastActivityAt: -1 }, limit: 200 });
    return rows.map((r) => ({
      mentorshipId: r.mentorshipId,
      circleId: r.circleId ?? null,
      programId: r.programId,
      status: r.status === 'closed' ? 'closed' : 'open',
      unreadCount: r.unreadCount,
      lastActivityAt: r.lastActivityAt,
    }));
  }

  async postMessage(actor: Actor, mentorshipId: string, body: string): Promise<ConversationMessage> {
    const sealed = await this.seal(actor, mentorshipId, body);
    const messageId = randomUUID();
    const { state, messageId: stored } = await this.run(actor, mentorshipId, {
      type: 'PostMessage',
      messageId,
      body: sealed,
      actor: actor.personId,
      now: this.now(),
    });
    return this.messageOf(actor, state, state.messages[stored ?? messageId]!);
  }

  async editMessage(actor: Actor, mentorshipId: string, messageId: string, body: string): Promise<ConversationMessage> {
    const sealed = await this.seal(actor, mentorshipId, body);
    const { state } = await this.run(actor, mentorshipId, {
      type: 'EditMessage',
      messageId,
      body: sealed,
      actor: actor.personId,
      now: this.now(),
    });
    return this.messageOf(actor, state, state.messages[messageId]!);
  }

  async deleteMessage(actor: Actor, mentorshipId: string, messageId: string): Promise<ConversationMessage> {
    const { state } = await this.run(actor, mentorshipId, {
      type: 'DeleteMessage',
      messageId,
      actor: actor.personId,
      now: this.now(),
    });
    return this.messageOf(actor, state, state.messages[messageId]!);
  }

  async markRead(actor: Actor, mentorshipId: string, upToMessageId: string): Promise<ConversationSummary> {
    const { state } = await this.run(actor, mentorshipId, {
      type: 'MarkConversationRead',
      upToMessageId,
      actor: actor.personId,
      now: this.now(),
    });
    const messages = Object.values(state.messages);
    return {
      mentorshipId: state.mentorshipId,
      circleId: state.circleId,
      programId: state.programId,
      status: state.status === 'closed' ? 'closed' : 'open',
      unreadCount: unreadCount(state, actor.personId),
      lastActivityAt: messages.reduce((latest, m) => (m.postedAt > latest ? m.postedAt : latest), state.openedAt),
    };
  }

  async reportMessage(
    actor: Actor,
    mentorshipId: string,
    messageId: string,
    reason: MessageReportReason,
  ): Promise<MessageReport> {
    const now = this.now();
    const { events } = await this.run(actor, mentorshipId, {
      type: 'ReportMessage',
      messageId,
      reason,
      actor: actor.personId,
      now,
    });
    const reported = events.find((e) => e.type === 'MessageReported');
    return reported
      ? { messageId, reason: reported.reason, reportedAt: reported.reportedAt }
      : { messageId, reason, reportedAt: now };
  }

  /** With the author's key for this conversation, so the program's retention can shred the conversation alone. */
  private seal(actor: Actor, mentorshipId: string, body: string) {
    return this.texts.sealScoped(actor, conversationKeyScope(mentorshipId), 'message', body, 'A message');
  }

  private async run(actor: Actor, mentorshipId: string, command: ConversationCommand) {
    const { state, events } = await this.store.execute(commandContext(actor), mentorshipId, command);
    const posted = events.find((e) => e.type === 'MessagePosted');
    return { state, events, messageId: posted?.messageId };
  }

  private async messageOf(actor: Actor, state: ConversationState, m: DomainMessage): Promise<ConversationMessage> {
    const mine = m.authorPersonId === actor.personId;
    // After the retention period every message reads as removed, those sealed before conversation keys included.
    const shredded = state.messagesShreddedAt !== undefined;
    const text = m.deletedAt || m.hiddenAt || shredded ? undefined : await this.texts.open(m.body);
    const removed = !m.deletedAt && !m.hiddenAt && (text === undefined || text === ERASED);
    const editableUntil = new Date(Date.parse(m.postedAt) + EDIT_WINDOW_MS);
    return {
      id: m.messageId,
      mentorshipId: state.mentorshipId,
      seq: m.seq,
      authorPersonId: m.authorPersonId,
      body: m.deletedAt ? MESSAGE_DELETED : m.hiddenAt ? MESSAGE_HIDDEN : removed ? MESSAGE_REMOVED : text!,
      status: m.deletedAt ? 'deleted' : m.hiddenAt ? 'hidden' : removed ? 'removed' : m.editedAt ? 'edited' : 'posted',
      postedAt: m.postedAt,
      editedAt: m.editedAt ?? null,
      mine,
      editableUntil:
        mine && !m.deletedAt && !m.hiddenAt && state.status === 'open' && editableUntil > this.clock()
          ? editableUntil.toISOString()
          : null,
    };
  }
}
