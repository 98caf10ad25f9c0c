import { randomUUID } from 'node:crypto';
import { CONVERSATION_STREAM_TYPE, circleConversationId, conversationStreamId } from '@trellis/sessions/contracts';
import {
  conversationDecider,
  type ConversationCommand,
  type ConversationEvent,
  type ConversationState,
} from '@trellis/sessions/domain';
import { CommandHandler, DomainError, type EventStore } from '@trellis/shared/event-store';
import { currentCorrelation } from '@trellis/shared/observability';
import type { SessionsReadModels } from './read-models';
import type { CommandContext, SessionsStore } from './sessions-store';

/** The deterministic commit id of a conversation's opening: the reactor and a late first reader open it once. */
export const conversationOpenCommitId = (mentorshipId: string): string => `conversation-open:${mentorshipId}`;

/** The key scope of a conversation's messages: each author seals with their own key for it (ADR 0010). */
export const conversationKeyScope = (mentorshipId: string): string => conversationStreamId(mentorshipId);

export interface ConversationOutcome {
  state: ConversationState;
  /** What this command added, or, for a retry of an applied command id, what the first attempt added. */
  events: ConversationEvent[];
}

/**
 * Runs conversation commands on the event store (stream `conversation-<mentorshipId>`, `conversation-circle-<id>`
 * for a circle) and refreshes the members' rows. A conversation belongs to the tenant of its commits; another
 * tenant's id reads as missing.
 */
export class ConversationStore {
  private readonly handler: CommandHandler<ConversationCommand, ConversationEvent, ConversationState>;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: SessionsReadModels,
    private readonly engagements: SessionsStore,
  ) {
    this.handler = new CommandHandler(store, conversationDecider, { streamType: CONVERSATION_STREAM_TYPE });
  }

  /**
   * The conversation as its tenant sees it. A mentorship whose engagement predates conversations (or whose opening
   * is still on its way from the reactor) gets its conversation opened here, under the reactor's own commit id.
   */
  async load(tenantId: string, mentorshipId: string): Promise<ConversationState> {
    const streamId = conversationStreamId(mentorshipId);
    const loaded = await this.handler.load(streamId);
    if (loaded.revision > 0) {
      const commit = await this.store.commits.findOne({ streamId }, { projection: { meta: 1 } });
      if (commit?.meta.tenantId !== tenantId) {
        throw new DomainError('NOT_FOUND', 'There is no conversation for this mentorship.');
      }
      return loaded.state;
    }
    // Only matching's circle events open a circle's conversation: sessions has no circle to open it from.
    if (mentorshipId.startsWith(circleConversationId(''))) {
      throw new DomainError('NOT_FOUND', 'There is no conversation for this circle.');
    }
    const engagement = await this.engagements.loadEngagement(tenantId, mentorshipId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        throw new DomainError('NOT_FOUND', 'There is no conversation for this mentorship.');
      }
      throw error;
    });
    const context = { tenantId, actor: 'system:conversations', programId: engagement.programId };
    let { state } = await this.execute(
      { ...context, commandId: conversationOpenCommitId(mentorshipId) },
      mentorshipId,
      {
        type: 'OpenConversation',
        mentorshipId,
        programId: engagement.programId,
        memberPersonIds: [engagement.mentorPersonId, engagement.menteePersonId],
        now: engagement.openedAt,
      },
    );
    if (engagement.status === 'closed') {
      ({ state } = await this.execute(context, mentorshipId, { type: 'CloseConversation', now: engagement.openedAt }));
    }
    return state;
  }

  /**
   * Conversations closed before `closed_conversations` existed get their row from their stream, so the retention run
   * sees them too (SessionsCoreModule runs this before any consumer starts).
   */
  async upgradeRows(): Promise<number> {
    const closed = await this.readModels.conversationMembers
      .find({ status: 'closed' }, { projection: { mentorshipId: 1, tenantId: 1 } })
      .toArray();
    const tenants = new Map(closed.map((row) => [row.mentorshipId, row.tenantId]));
    if (tenants.size === 0) return 0;
    const known = await this.readModels.closedConversations
      .find({ _id: { $in: [...tenants.keys()] } }, { projection: { _id: 1 } })
      .toArray();
    for (const row of known) tenants.delete(row._id);
    for (const [mentorshipId, tenantId] of tenants) {
      const { state, revision } = await this.handler.load(conversationStreamId(mentorshipId));
      if (revision > 0) await this.readModels.writeConversation(tenantId, state, revision);
    }
    return tenants.size;
  }

  async execute(
    context: CommandContext,
    mentorshipId: string,
    command: ConversationCommand,
  ): Promise<ConversationOutcome> {
    const streamId = conversationStreamId(mentorshipId);
    const commitId = context.commandId ?? randomUUID();
    let programId = context.programId;
    if (command.type !== 'OpenConversation') {
      programId = (await this.load(context.tenantId, mentorshipId)).programId;
      const prior = await this.store.commits.findOne({ _id: commitId }, { projection: { streamId: 1, meta: 1 } });
      if (prior && (prior.streamId !== streamId || prior.meta.tenantId !== context.tenantId)) {
        throw new DomainError('CONFLICT', 'This command id was already used for another change; send a new one.');
      }
    }
    const correlation = currentCorrelation();
    const result = await this.handler.handle({
      streamId,
      command,
      commitId,
      meta: {
        tenantId: context.tenantId,
        ...(programId ? { programId } : {}),
        correlationId: context.correlationId ?? correlation?.correlationId ?? randomUUID(),
        ...(context.causationId ? { causationId: context.causationId } : {}),
        actor: context.actor,
      },
    });
    if (!result.ok) throw result.error;
    if (result.events.length > 0 || result.duplicate) {
      await this.readModels.writeConversation(context.tenantId, result.state, result.revision);
    }
    if (!result.duplicate) return { state: result.state, events: result.events };
    // A retry answers with what the first attempt stored, not with this attempt's (never stored) decision.
    const first = await this.store.commits.findOne({ _id: commitId }, { projection: { events: 1 } });
    const events = (first?.events ?? []).map((e) => ({ type: e.type, ...(e.data as object) }) as ConversationEvent);
    return { state: result.state, events };
  }
}
