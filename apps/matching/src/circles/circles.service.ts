import { setTimeout as sleep } from 'node:timers/promises';
import {
  circleClaimLive,
  circleDecider,
  circleMembershipDecider,
  circleMembershipStreamId,
  circleStreamId,
  type Actor,
  type CircleCommand,
  type CircleEvent,
  type CircleJoinVia,
  type CircleMembershipCommand,
  type CircleMembershipEvent,
  type CircleMembershipState,
  type CircleState,
} from '@trellis/matching/domain';
import { CommandHandler, DomainError, type CommitMeta, type EventStore } from '@trellis/shared/event-store';
import type { CommandContext } from '../acceptance/acceptance.service';
import { deriveId } from '../commands/deterministic-id';
import { unwrap } from '../commands/matching-commands';
import { dryRun } from '../commands/runtime-decider';
import { streamBelongsTo } from '../commands/stream-tenant';
import type { CandidatePool, PoolProgramRow } from '../pool/candidate-pool.projection';
import type { CircleRow, Circles } from './circles.projection';

export interface CircleManagers {
  canManage(tenantId: string, programId: string, personId: string): Promise<boolean>;
}

export type CircleCommandContext = CommandContext & { commandId?: string };

export interface CirclesOptions {
  /** How long a join holds the mentee's membership before a crashed join stops blocking it. */
  claimTtlSeconds: number;
  /** How often a join waits for the same mentee's other join (another circle) to finish before answering CONFLICT. */
  busyRetries: number;
}

/** A circle as one viewer may see it: members only for managers, the lead and the circle's own members. */
export interface CircleView {
  circleId: string;
  programId: string;
  mentorPersonId: string;
  mentorParticipantId: string;
  maxSize: number;
  selfJoin: boolean;
  status: 'open' | 'closed';
  memberCount: number;
  members: Array<{ personId: string; participantId: string; joinedAt: string | null }> | null;
}

const defaults: CirclesOptions = { claimTtlSeconds: 30, busyRetries: 40 };

/**
 * Group mentoring: managers (or the leading mentor) create circles, mentees join on their own where the circle allows
 * it or are placed by a manager or a circle fill, leave, and managers or the lead close circles.
 * Seats are exact because the circle stream decides them (concurrent joins race on one stream, losers reload and
 * decide again); "one circle per mentee per program" is the CircleMembership stream's, claimed before the seat and
 * confirmed after it, like an acceptance (docs/adr/0005).
 */
export class CirclesService {
  // Every join of a popular circle races on its stream: a loser retries once per place taken or freed meanwhile, so
  // the bound must exceed the circle's size (at most 50), not the number of people racing.
  readonly circles: CommandHandler<CircleCommand, CircleEvent, CircleState>;
  readonly memberships: CommandHandler<CircleMembershipCommand, CircleMembershipEvent, CircleMembershipState>;
  private readonly options: CirclesOptions;

  constructor(
    private readonly store: EventStore,
    private readonly pool: CandidatePool,
    private readonly managers: CircleManagers,
    readonly readModel: Circles,
    options: Partial<CirclesOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
    this.circles = new CommandHandler(store, circleDecider, { streamType: 'circle', maxAttempts: 60 });
    this.memberships = new CommandHandler(store, circleMembershipDecider, {
      streamType: 'circle-membership',
      maxAttempts: 10,
    });
  }

  async createCircle(
    ctx: CircleCommandContext,
    input: { programId: string; mentorPersonId: string; maxSize: number; selfJoin: boolean },
  ): Promise<CircleState> {
    // Existence, then who may ask, then what the program offers: a stranger learns nothing about its settings.
    await this.existingProgram(ctx, input.programId);
    const isManager = await this.isManager(ctx, input.programId);
    if (!isManager && ctx.actorPersonId !== input.mentorPersonId) {
      throw new DomainError('FORBIDDEN', 'Only a program manager or the leading mentor can create a circle.');
    }
    const program = await this.groupProgram(ctx, input.programId);
    const mentor = await this.pool.participant(ctx.tenantId, input.programId, input.mentorPersonId);
    if (!mentor?.roles.includes('mentor')) throw new DomainError('NOT_FOUND', 'This mentor is not in the program.');
    if (mentor.status !== 'active') {
      throw new DomainError('CONFLICT', 'This mentor is paused or has left the program and cannot lead a circle.');
    }
    const limit = program.settings?.maxCircleSize ?? 0;
    if (limit > 0 && input.maxSize > limit) {
      throw new DomainError('BAD_USER_INPUT', `Circles in this program hold at most ${limit} mentees.`, { limit });
    }
    const circleId = deriveId('circle', ctx.tenantId, ctx.commandId ?? crypto.randomUUID());
    const streamId = circleStreamId(circleId);
    const existing = await this.circles.load(streamId);
    // The same commandId again is a retry: answer with the circle it created.
    if (existing.state.status !== 'none') return existing.state;
    const { state } = unwrap(
      await this.circles.handle({
        streamId,
        command: {
          type: 'CreateCircle',
          circleId,
          programId: input.programId,
          mentorPersonId: input.mentorPersonId,
          mentorParticipantId: mentor.participantId,
          maxSize: input.maxSize,
          selfJoin: input.selfJoin,
          actor: { personId: ctx.actorPersonId, isManager },
          now: this.now(ctx),
        },
        commitId: deriveId('create-circle', circleId),
        meta: this.meta(ctx, input.programId),
      }),
    );
    return state;
  }

  /** The caller joins on their own. */
  joinCircle(ctx: CircleCommandContext, circleId: string): Promise<CircleState> {
    return this.join(ctx, circleId, ctx.actorPersonId, 'self');
  }

  /** A manager places a mentee (or a published circle fill does, with `via: 'round'`). */
  placeInCircle(
    ctx: CircleCommandContext,
    circleId: string,
    menteePersonId: string,
    via: 'manager' | 'round' = 'manager',
  ): Promise<CircleState> {
    return this.join(ctx, circleId, menteePersonId, via);
  }

  private async join(
    ctx: CircleCommandContext,
    circleId: string,
    menteePersonId: string,
    via: CircleJoinVia,
  ): Promise<CircleState> {
    const circle = await this.loadCircle(ctx, circleId);
    const actor: Actor = {
      personId: ctx.actorPersonId,
      isManager: via !== 'self' && (await this.isManager(ctx, circle.programId)),
    };
    const mentee = await this.pool.participant(ctx.tenantId, circle.programId, menteePersonId);
    if (via === 'self') {
      if (!mentee?.roles.includes('mentee') || mentee.status !== 'active') {
        throw new DomainError('FORBIDDEN', 'Only an active mentee of this program can join a circle.');
      }
    } else if (actor.isManager) {
      if (!mentee?.roles.includes('mentee')) throw new DomainError('NOT_FOUND', 'This mentee is not in the program.');
      if (mentee.status !== 'active') {
        throw new DomainError('CONFLICT', 'This mentee is paused or has left the program.', {
          reason: 'mentee-inactive',
        });
      }
    }
    const now = this.now(ctx);
    const join = {
      type: 'JoinCircle' as const,
      menteePersonId,
      menteeParticipantId: mentee?.participantId ?? '',
      via,
      actor,
      now,
    };
    // Who may join, closed, full, the lead: decided by the circle's own rules before the mentee is claimed.
    dryRun(circleDecider, join, circle);
    if (circle.members[menteePersonId]) return circle;

    const meta = this.meta(ctx, circle.programId);
    await this.claimMembership(circle, menteePersonId, meta, now);
    const joined = await this.circles.handle({
      streamId: circleStreamId(circleId),
      command: join,
      commitId: crypto.randomUUID(),
      meta,
    });
    if (!joined.ok) {
      await this.releaseMembership(circle.programId, menteePersonId, circleId, meta);
      throw joined.error;
    }
    const confirmed = await this.memberships.handle({
      streamId: circleMembershipStreamId(circle.programId, menteePersonId),
      command: { type: 'ConfirmCircleSeat', circleId },
      commitId: crypto.randomUUID(),
      meta,
    });
    if (!confirmed.ok) {
      // The claim outlived its lifetime and was given up: take the place back rather than hold two circles.
      await this.circles.handle({
        streamId: circleStreamId(circleId),
        command: { type: 'LeaveCircle', menteePersonId, actor: { personId: menteePersonId, isManager: true }, now },
        commitId: crypto.randomUUID(),
        meta,
      });
      throw confirmed.error;
    }
    return joined.state;
  }

  /**
   * Claims the mentee for this circle. A claim held by another circle blocks only while that join is running or the
   * mentee really is in that (open) circle; a membership left behind by a crash (a closed circle, a leave whose
   * release never happened, a join that died) is released here.
   */
  private async claimMembership(circle: CircleState, menteePersonId: string, meta: CommitMeta, now: string) {
    const streamId = circleMembershipStreamId(circle.programId, menteePersonId);
    for (let attempt = 0; ; attempt++) {
      const claimed = await this.memberships.handle({
        streamId,
        command: {
          type: 'ClaimCircleSeat',
          programId: circle.programId,
          menteePersonId,
          circleId: circle.circleId,
          now,
          claimTtlSeconds: this.options.claimTtlSeconds,
        },
        commitId: crypto.randomUUID(),
        meta,
      });
      if (claimed.ok) return;
      const { state } = await this.memberships.load(streamId);
      if (state.circleId === circle.circleId) return;
      if (state.circleId !== null) {
        const { state: other } = await this.circles.load(circleStreamId(state.circleId));
        if (other.status === 'open' && other.members[menteePersonId]) {
          if (!state.confirmed) {
            await this.memberships.handle({
              streamId,
              command: { type: 'ConfirmCircleSeat', circleId: state.circleId },
              commitId: crypto.randomUUID(),
              meta,
            });
          }
          throw new DomainError('CONFLICT', 'This mentee is already in another circle of this program.', {
            reason: 'in-other-circle',
          });
        }
        if (state.confirmed || !circleClaimLive(state, new Date().toISOString())) {
          await this.releaseMembership(circle.programId, menteePersonId, state.circleId, meta);
          continue;
        }
      }
      if (attempt >= this.options.busyRetries) throw claimed.error;
      await sleep(20 + Math.random() * 40);
    }
  }

  private async releaseMembership(programId: string, menteePersonId: string, circleId: string, meta: CommitMeta) {
    unwrap(
      await this.memberships.handle({
        streamId: circleMembershipStreamId(programId, menteePersonId),
        command: { type: 'ReleaseCircleSeat', circleId },
        commitId: crypto.randomUUID(),
        meta,
      }),
    );
  }

  /** The caller leaves, or a manager takes `menteePersonId` out. */
  async leaveCircle(ctx: CircleCommandContext, circleId: string, menteePersonId?: string): Promise<CircleState> {
    const circle = await this.loadCircle(ctx, circleId);
    const target = menteePersonId ?? ctx.actorPersonId;
    const isManager = target !== ctx.actorPersonId && (await this.isManager(ctx, circle.programId));
    const meta = this.meta(ctx, circle.programId);
    const { state } = unwrap(
      await this.circles.handle({
        streamId: circleStreamId(circleId),
        command: {
          type: 'LeaveCircle',
          menteePersonId: target,
          actor: { personId: ctx.actorPersonId, isManager },
          now: this.now(ctx),
        },
        commitId: ctx.commandId ? deriveId('leave-circle', circleId, ctx.commandId) : crypto.randomUUID(),
        meta,
      }),
    );
    await this.releaseMembership(circle.programId, target, circleId, meta);
    return state;
  }

  /** A manager or the lead closes the circle; every member is free to join another one. */
  async closeCircle(ctx: CircleCommandContext, circleId: string): Promise<CircleState> {
    const circle = await this.loadCircle(ctx, circleId);
    const isManager = await this.isManager(ctx, circle.programId);
    const meta = this.meta(ctx, circle.programId);
    const { state } = unwrap(
      await this.circles.handle({
        streamId: circleStreamId(circleId),
        command: { type: 'CloseCircle', actor: { personId: ctx.actorPersonId, isManager }, now: this.now(ctx) },
        commitId: deriveId('close-circle', circleId),
        meta,
      }),
    );
    // Repeated on a retried close; a crash before the end is also repaired by the next join of each member.
    for (const menteePersonId of Object.keys(state.members)) {
      await this.releaseMembership(circle.programId, menteePersonId, circleId, meta);
    }
    return state;
  }

  /**
   * A participant left the program (withdrew, or their data was erased): they leave their circle, and the circles they
   * lead are closed (their members are free to join another). Idempotent, for the departures reactor.
   */
  async departFromCircles(
    tenantId: string,
    programId: string,
    personId: string,
    meta: CommitMeta,
    now: string,
  ): Promise<{ left: number; closed: number }> {
    const system: Actor = { personId: meta.actor ?? 'system', isManager: true };
    let left = 0;
    let closed = 0;
    const { state: membership } = await this.memberships.load(circleMembershipStreamId(programId, personId));
    if (membership.circleId !== null) {
      const circleId = membership.circleId;
      const result = unwrap(
        await this.circles.handle({
          streamId: circleStreamId(circleId),
          command: { type: 'LeaveCircle', menteePersonId: personId, actor: system, now },
          commitId: crypto.randomUUID(),
          meta,
        }),
      );
      left += result.events.length;
      await this.releaseMembership(programId, personId, circleId, meta);
    }
    const led = (await this.readModel.inProgram(tenantId, programId)).filter(
      (r) => r.mentorPersonId === personId && r.status === 'open',
    );
    for (const row of led) {
      const { state, events } = unwrap(
        await this.circles.handle({
          streamId: circleStreamId(row.circleId),
          command: { type: 'CloseCircle', actor: system, now },
          commitId: crypto.randomUUID(),
          meta,
        }),
      );
      closed += events.length;
      for (const member of Object.keys(state.members)) {
        await this.releaseMembership(programId, member, row.circleId, meta);
      }
    }
    return { left, closed };
  }

  /** The circle as its stream says it is now (commands answer with this, the read model may lag). */
  async circleState(ctx: CommandContext, circleId: string): Promise<CircleState> {
    return this.loadCircle(ctx, circleId);
  }

  /**
   * A program's circles: managers see all with members; participants see the open ones (to join) and their own,
   * with members only where they lead or belong.
   */
  async circlesOf(ctx: CommandContext, programId: string): Promise<CircleView[]> {
    await this.existingProgram(ctx, programId);
    const rows = await this.readModel.inProgram(ctx.tenantId, programId);
    if (await this.isManager(ctx, programId)) return rows.map((r) => rowView(r, true));
    const me = await this.pool.participant(ctx.tenantId, programId, ctx.actorPersonId);
    if (!me) throw new DomainError('FORBIDDEN', 'Only people in this program can see its circles.');
    return rows
      .filter((r) => r.status === 'open' || involves(r, ctx.actorPersonId))
      .map((r) => rowView(r, involves(r, ctx.actorPersonId)));
  }

  /** Circles the caller leads or belongs to in a program (closed ones too, as history). */
  async myCircles(ctx: CommandContext, programId: string): Promise<CircleView[]> {
    await this.existingProgram(ctx, programId);
    const rows = await this.readModel.inProgram(ctx.tenantId, programId);
    return rows.filter((r) => involves(r, ctx.actorPersonId)).map((r) => rowView(r, true));
  }

  /** How the caller may see a circle state returned by a command. */
  async view(ctx: CommandContext, state: CircleState): Promise<CircleView> {
    const seesMembers =
      state.mentorPersonId === ctx.actorPersonId ||
      Boolean(state.members[ctx.actorPersonId]) ||
      (await this.isManager(ctx, state.programId));
    return {
      circleId: state.circleId,
      programId: state.programId,
      mentorPersonId: state.mentorPersonId,
      mentorParticipantId: state.mentorParticipantId,
      maxSize: state.maxSize,
      selfJoin: state.selfJoin,
      status: state.status === 'closed' ? 'closed' : 'open',
      memberCount: Object.keys(state.members).length,
      members: seesMembers
        ? Object.entries(state.members).map(([personId, participantId]) => ({
            personId,
            participantId,
            joinedAt: null,
          }))
        : null,
    };
  }

  async isManager(ctx: CommandContext, programId: string): Promise<boolean> {
    return Boolean(ctx.orgAdmin) || (await this.managers.canManage(ctx.tenantId, programId, ctx.actorPersonId));
  }

  /** A program of the caller's organization that offers group mentoring. */
  async groupProgram(ctx: CommandContext, programId: string): Promise<PoolProgramRow> {
    const program = await this.existingProgram(ctx, programId);
    if (program.archived) throw new DomainError('CONFLICT', 'This program is archived.');
    const format = program.settings?.format;
    if (format !== 'group' && format !== 'both') {
      throw new DomainError('BAD_USER_INPUT', 'This program does not offer group mentoring.');
    }
    return program;
  }

  async existingProgram(ctx: CommandContext, programId: string): Promise<PoolProgramRow> {
    const program = await this.pool.program(ctx.tenantId, programId);
    if (!program) throw new DomainError('NOT_FOUND', 'There is no such program.');
    return program;
  }

  private async loadCircle(ctx: CommandContext, circleId: string): Promise<CircleState> {
    const streamId = circleStreamId(circleId);
    const { state } = await this.circles.load(streamId);
    if (state.status === 'none' || !(await streamBelongsTo(this.store, streamId, ctx.tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such circle.');
    }
    return state;
  }

  private now(ctx: CommandContext): string {
    return (ctx.now ?? new Date()).toISOString();
  }

  private meta(ctx: CommandContext, programId: string): CommitMeta {
    return { tenantId: ctx.tenantId, programId, correlationId: ctx.correlationId, actor: ctx.actorPersonId };
  }
}

const involves = (row: CircleRow, personId: string): boolean =>
  row.mentorPersonId === personId || row.members.some((m) => m.personId === personId);

function rowView(row: CircleRow, seesMembers: boolean): CircleView {
  return {
    circleId: row.circleId,
    programId: row.programId,
    mentorPersonId: row.mentorPersonId,
    mentorParticipantId: row.mentorParticipantId,
    maxSize: row.maxSize,
    selfJoin: row.selfJoin,
    status: row.status,
    memberCount: row.members.length,
    members: seesMembers
      ? row.members.map((m) => ({ personId: m.personId, participantId: m.participantId, joinedAt: m.joinedAt }))
      : null,
  };
}
