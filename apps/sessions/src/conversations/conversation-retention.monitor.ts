import { shreddingDueAt, type ConversationEvent } from '@trellis/sessions/domain';
import type { Logger } from '@trellis/shared/observability';
import { type ConversationStore, conversationKeyScope } from '../core/conversation-store';
import type { SessionsReadModels } from '../core/read-models';
import type { SealedTexts } from '../core/sealed-texts';
import type { ProgramSettingsDirectory } from '../profiles/program-settings.projection';
import { PeriodicRun } from '../core/periodic-run';

export const CONVERSATION_RETENTION_ACTOR = 'system:sessions.conversation-retention';

/** One shredding per conversation, whichever run or replica gets there first. */
export const conversationShredCommitId = (mentorshipId: string): string => `conversation-shred:${mentorshipId}`;

const DAY_MS = 86_400_000;

/**
 * The retention run: for every program with a retention period, the conversations of its ended mentorships whose
 * period has passed since they closed get their keys shredded, then ConversationMessagesShredded recorded on their
 * stream (the audit trail: the system, when, under which period). The timer is durable because its state is the
 * read model, not the process: `closed_conversations` rows stay due until their shredding is recorded, so a run
 * missed while the service was down is caught up by the next one, and the period in force at the run applies (a
 * changed setting reaches every conversation not yet shredded). Keys go first: a crash between the two leaves the
 * row due, and the next run shreds nothing more and records the event under the same commit id.
 */
export class ConversationRetentionMonitor {
  private readonly periodic: PeriodicRun;

  constructor(
    private readonly conversations: ConversationStore,
    private readonly readModels: SessionsReadModels,
    private readonly settings: ProgramSettingsDirectory,
    private readonly texts: SealedTexts,
    private readonly logger: Logger,
    intervalMs: number,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.periodic = new PeriodicRun('conversation retention run', intervalMs, logger);
  }

  async runOnce(now: Date = this.clock()): Promise<{ shredded: ConversationEvent[] }> {
    const shredded: ConversationEvent[] = [];
    // A system process across tenants: each conversation is then changed through its own tenant.
    for (const program of await this.settings.withRetention()) {
      const days = program.conversationRetentionDays!;
      const closedBy = new Date(now.getTime() - days * DAY_MS).toISOString();
      const due = await this.readModels.closedConversations
        .find({ programId: program.programId, messagesShreddedAt: null, closedAt: { $lte: closedBy } })
        .toArray();
      for (const row of due) {
        if (row.tenantId !== program.tenantId || shreddingDueAt(row.closedAt, days) > now.toISOString()) continue;
        try {
          const keys = await this.texts.shredScope(conversationKeyScope(row._id));
          const { events } = await this.conversations.execute(
            {
              tenantId: row.tenantId,
              programId: row.programId,
              actor: CONVERSATION_RETENTION_ACTOR,
              commandId: conversationShredCommitId(row._id),
            },
            row._id,
            { type: 'ShredConversationMessages', retentionDays: days, now: now.toISOString() },
          );
          shredded.push(...events);
          this.logger.info({ mentorshipId: row._id, retentionDays: days, keys }, 'conversation messages shredded');
        } catch (error) {
          // One broken conversation must not stop the run for the others; it stays due for the next run.
          this.logger.error({ err: error, mentorshipId: row._id }, 'conversation shredding failed');
        }
      }
    }
    return { shredded };
  }

  start(): Promise<void> {
    return this.periodic.start(() => this.runOnce());
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
