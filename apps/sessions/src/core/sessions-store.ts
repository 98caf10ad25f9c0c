import { randomUUID } from 'node:crypto';
import {
  ENGAGEMENT_STREAM_TYPE,
  engagementStreamId,
  SESSION_STREAM_TYPE,
  sessionStreamId,
} from '@trellis/sessions/contracts';
import {
  engagementDecider,
  sessionDecider,
  type EngagementCommand,
  type EngagementEvent,
  type EngagementState,
  type SessionCommand,
  type SessionEvent,
  type SessionState,
} from '@trellis/sessions/domain';
import { CommandHandler, DomainError, type EventStore } from '@trellis/shared/event-store';
import { currentCorrelation } from '@trellis/shared/observability';
import { agendaKeyOf, type EngagementRow, type SessionRow, type SessionsReadModels } from './read-models';

export interface CommandContext {
  tenantId: string;
  /** A person id, or `system:<component>` for reactors. */
  actor: string;
  programId?: string;
  correlationId?: string;
  causationId?: string;
  /** The client's (or reactor's) id for this command: retrying with the same id applies it once. */
  commandId?: string;
}

/** The meta of a commit: its tenant and program, the request's correlation (or a fresh one) and who acted. */
export function commitMeta(context: CommandContext, programId?: string) {
  const correlation = currentCorrelation();
  return {
    tenantId: context.tenantId,
    ...((programId ?? context.programId) ? { programId: programId ?? context.programId } : {}),
    correlationId: context.correlationId ?? correlation?.correlationId ?? randomUUID(),
    ...(context.causationId ? { causationId: context.causationId } : {}),
    actor: context.actor,
  };
}

/** Runs sessions commands on the real event store, then refreshes the stream's read-model row. */
export class SessionsStore {
  private readonly engagements: CommandHandler<EngagementCommand, EngagementEvent, EngagementState>;
  private readonly sessions: CommandHandler<SessionCommand, SessionEvent, SessionState>;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: SessionsReadModels,
  ) {
    this.engagements = new CommandHandler(store, engagementDecider, { streamType: ENGAGEMENT_STREAM_TYPE });
    this.sessions = new CommandHandler(store, sessionDecider, { streamType: SESSION_STREAM_TYPE });
  }

  private meta(context: CommandContext, programId: string | undefined) {
    return commitMeta(context, programId);
  }

  /**
   * The engagement as its tenant sees it; another tenant's id reads exactly like a missing one. The stream decides,
   * not the read row: a process that died between the commit and the row write left a stream without a row, and
   * that engagement must not read as missing forever — the row is written again here.
   */
  async loadEngagement(tenantId: string, mentorshipId: string): Promise<EngagementState> {
    const streamId = engagementStreamId(mentorshipId);
    const [row, loaded] = await Promise.all([
      this.readModels.engagementsOf(tenantId).findOne({ _id: mentorshipId }),
      this.engagements.load(streamId),
    ]);
    if (row) return loaded.state;
    if (loaded.revision === 0 || !(await this.streamBelongsTo(streamId, tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no engagement for this mentorship.');
    }
    await this.readModels.writeEngagement(tenantId, loaded.state, loaded.revision);
    return loaded.state;
  }

  /** Like `loadEngagement`, for sessions. */
  async loadSession(tenantId: string, sessionId: string): Promise<SessionState> {
    const streamId = sessionStreamId(sessionId);
    const [row, loaded] = await Promise.all([
      this.readModels.sessionsOf(tenantId).findOne({ _id: sessionId }),
      this.sessions.load(streamId),
    ]);
    if (row) return loaded.state;
    if (loaded.revision === 0 || !(await this.streamBelongsTo(streamId, tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such session.');
    }
    await this.readModels.writeSession(tenantId, loaded.state, loaded.revision);
    return loaded.state;
  }

  /** Whether the stream's commits were made in this tenant (every commit carries it in its meta). */
  private async streamBelongsTo(streamId: string, tenantId: string): Promise<boolean> {
    const commit = await this.store.commits.findOne({ streamId }, { projection: { meta: 1 } });
    return commit?.meta.tenantId === tenantId;
  }

  /**
   * The sessions behind rows the caller already read through its tenant's scope, in the rows' order, with one query
   * to the event store for the whole list.
   */
  async loadSessionsOf(rows: ReadonlyArray<Pick<SessionRow, '_id'>>): Promise<SessionState[]> {
    const loaded = await this.sessions.loadMany(rows.map((r) => sessionStreamId(r._id)));
    return rows.flatMap((r) => {
      const found = loaded.get(sessionStreamId(r._id));
      return found ? [found.state] : [];
    });
  }

  /** Like `loadSessionsOf`, for engagements. */
  async loadEngagementsOf(rows: ReadonlyArray<Pick<EngagementRow, '_id'>>): Promise<EngagementState[]> {
    const loaded = await this.engagements.loadMany(rows.map((r) => engagementStreamId(r._id)));
    return rows.flatMap((r) => {
      const found = loaded.get(engagementStreamId(r._id));
      return found ? [found.state] : [];
    });
  }

  /**
   * Start-up upgrade of rows written before `agendaKey`, `personIds` and `activeGoalsDueBy` existed, so the
   * per-person queries see every session and engagement. Touches only rows lacking the fields: a no-op once done.
   */
  async upgradeRows(): Promise<{ sessions: number; engagements: number }> {
    const sessions = await this.readModels.sessions
      .find({ agendaKey: { $exists: false } }, { projection: { _id: 1, startsAt: 1 } })
      .toArray();
    for (const row of sessions) {
      await this.readModels.sessions.updateOne(
        { _id: row._id, agendaKey: { $exists: false } },
        { $set: { agendaKey: agendaKeyOf(row.startsAt, row._id) } },
      );
    }
    const engagements = await this.readModels.engagements
      .find({ personIds: { $exists: false } }, { projection: { _id: 1, tenantId: 1 } })
      .toArray();
    for (const row of engagements) {
      const { state, revision } = await this.engagements.load(engagementStreamId(row._id));
      if (revision > 0) await this.readModels.writeEngagement(row.tenantId, state, revision, true);
    }
    return { sessions: sessions.length, engagements: engagements.length };
  }

  /**
   * The session as it is if this command id was already applied to it (a retry), else null: lets a caller answer a
   * retry before checks that only make sense the first time (a reschedule's reservation would clash with itself).
   */
  async retriedSession(context: CommandContext, sessionId: string): Promise<SessionState | null> {
    if (!(await this.alreadyApplied(context, sessionStreamId(sessionId)))) return null;
    return this.loadSession(context.tenantId, sessionId);
  }

  /**
   * A retried command (same command id) answers with the stream as it is instead of deciding again: its sealed text
   * has a fresh IV and its clock a new time, so the event store would see a different payload and refuse it.
   */
  private async alreadyApplied(context: CommandContext, streamId: string): Promise<boolean> {
    if (!context.commandId) return false;
    const prior = await this.store.commits.findOne(
      { _id: context.commandId },
      { projection: { streamId: 1, meta: 1 } },
    );
    if (!prior) return false;
    if (prior.streamId !== streamId || prior.meta.tenantId !== context.tenantId) {
      throw new DomainError('CONFLICT', 'This command id was already used for another change; send a new one.');
    }
    return true;
  }

  async executeEngagement(
    context: CommandContext,
    mentorshipId: string,
    command: EngagementCommand,
  ): Promise<{ state: EngagementState; events: EngagementEvent[] }> {
    let programId = context.programId;
    if (command.type !== 'OpenEngagement') {
      const current = await this.loadEngagement(context.tenantId, mentorshipId);
      if (await this.alreadyApplied(context, engagementStreamId(mentorshipId))) return { state: current, events: [] };
      programId = current.programId;
    }
    const result = await this.engagements.handle({
      streamId: engagementStreamId(mentorshipId),
      command,
      commitId: context.commandId ?? randomUUID(),
      meta: this.meta(context, programId),
    });
    if (!result.ok) throw result.error;
    if (result.events.length > 0 || result.duplicate) {
      await this.readModels.writeEngagement(context.tenantId, result.state, result.revision);
    }
    return { state: result.state, events: result.events };
  }

  async executeSession(
    context: CommandContext,
    sessionId: string,
    command: SessionCommand,
  ): Promise<{ state: SessionState; events: SessionEvent[] }> {
    let programId = context.programId;
    if (command.type !== 'ScheduleSession') programId = (await this.loadSession(context.tenantId, sessionId)).programId;
    else programId = command.programId;
    if (await this.alreadyApplied(context, sessionStreamId(sessionId))) {
      return { state: await this.loadSession(context.tenantId, sessionId), events: [] };
    }
    const result = await this.sessions.handle({
      streamId: sessionStreamId(sessionId),
      command,
      commitId: context.commandId ?? randomUUID(),
      meta: this.meta(context, programId),
    });
    if (!result.ok) throw result.error;
    if (result.events.length > 0 || result.duplicate) {
      await this.readModels.writeSession(context.tenantId, result.state, result.revision);
    }
    return { state: result.state, events: result.events };
  }
}
