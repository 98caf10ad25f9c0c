import { solve } from '@trellis/matching/engine';
import {
  circleFillDecider,
  circleFillStreamId,
  circleFreeSeats,
  circleStreamId,
  type CircleFillCommand,
  type CircleFillEvent,
  type CircleFillState,
  type CirclePlacement,
  type CircleState,
} from '@trellis/matching/domain';
import {
  CommandHandler,
  DomainError,
  payloadHash,
  type CommitMeta,
  type EventStore,
} from '@trellis/shared/event-store';
import type { CommandContext } from '../acceptance/acceptance.service';
import { deriveId } from '../commands/deterministic-id';
import { unwrap } from '../commands/matching-commands';
import { streamBelongsTo } from '../commands/stream-tenant';
import type { CandidatePool } from '../pool/candidate-pool.projection';
import type { ProgramPreferences } from '../preferences/preferences.service';
import { ENGINE_VERSION, toEngineRules, toEngineSolve, toMentee, toMentor } from '../rounds/engine-input';
import type { CircleCommandContext, CirclesService } from './circles.service';

export interface CirclePlacementSkipped {
  circleId: string;
  menteePersonId: string;
  code: string;
  message: string;
}

export interface CircleFillOutcome {
  fill: CircleFillState;
  placed: number;
  skipped: CirclePlacementSkipped[];
}

/**
 * A round for circles (group-format programs): the engine gets the circle leads as mentors, each with the free places
 * of their open circles as capacity, and the mentees who are in no open circle; the draft is the manager's until
 * published, then every placement goes through the circle's own join (exact seats, one circle per mentee). Preferences
 * count as in rounds: a mentee's preferred leads score the `favourite` factor, a lead's "rather not" mentees are not
 * placed in their circles.
 */
export class CircleFillService {
  readonly fills: CommandHandler<CircleFillCommand, CircleFillEvent, CircleFillState>;

  constructor(
    private readonly store: EventStore,
    private readonly pool: CandidatePool,
    private readonly circles: CirclesService,
    private readonly preferences: ProgramPreferences,
  ) {
    this.fills = new CommandHandler(store, circleFillDecider, { streamType: 'circle-fill' });
  }

  async startFill(ctx: CircleCommandContext, programId: string): Promise<CircleFillState> {
    await this.circles.existingProgram(ctx, programId);
    const isManager = await this.requireManager(ctx, programId);
    const program = await this.circles.groupProgram(ctx, programId);
    const fillId = deriveId('circle-fill', ctx.tenantId, ctx.commandId ?? crypto.randomUUID());
    const streamId = circleFillStreamId(fillId);
    const existing = await this.fills.load(streamId);
    if (existing.state.status !== 'none') return existing.state;

    // Exact free places from each open circle's stream (the read model only says which circles exist).
    const rows = (await this.circles.readModel.inProgram(ctx.tenantId, programId)).filter((r) => r.status === 'open');
    const states = await Promise.all(
      rows.map(async (r) => (await this.circles.circles.load(circleStreamId(r.circleId))).state),
    );
    const open = states.filter((s) => s.status === 'open');
    const inCircle = new Set(open.flatMap((s) => Object.keys(s.members)));
    const leads = new Set(open.map((s) => s.mentorPersonId));
    const freeByLead = new Map<string, number>();
    for (const s of open)
      freeByLead.set(s.mentorPersonId, (freeByLead.get(s.mentorPersonId) ?? 0) + circleFreeSeats(s));

    const [participants, preferences] = await Promise.all([
      this.pool.activeParticipants(ctx.tenantId, programId),
      this.preferences.forProgram(ctx.tenantId, programId),
    ]);
    const mentors = participants
      .filter((r) => leads.has(r.personId) && r.roles.includes('mentor'))
      .map((r) =>
        toMentor(
          r.personId,
          r.profile,
          freeByLead.get(r.personId) ?? 0,
          preferences.get(r.personId)?.ratherNotMenteeIds,
        ),
      )
      .filter((m) => m.capacity > 0);
    const menteeRows = participants.filter(
      (r) => r.roles.includes('mentee') && !inCircle.has(r.personId) && !leads.has(r.personId),
    );
    const menteesById = new Map(menteeRows.map((r) => [r.personId, r]));
    const problem = {
      mentors,
      mentees: menteeRows.map((r) =>
        toMentee(r.personId, r.profile, [], [], preferences.get(r.personId)?.preferredMentorIds),
      ),
      rules: toEngineRules(program.rules, program.questions ?? []),
    };
    const objective = program.rules?.objective ?? 'best-total';
    const result = solve(problem, { ...toEngineSolve(objective), explain: 'none' });

    // A lead with several circles: fill the emptiest one first.
    const free = new Map(open.map((s) => [s.circleId, circleFreeSeats(s)]));
    const circlesOf = (lead: string): CircleState[] => open.filter((s) => s.mentorPersonId === lead);
    const placements: CirclePlacement[] = [];
    const unplaced = result.unmatched.map((u) => ({ menteePersonId: u.menteeId, reason: u.reason as string }));
    for (const a of result.assignments) {
      const mentee = menteesById.get(a.menteeId);
      const target = circlesOf(a.mentorId)
        .filter((s) => (free.get(s.circleId) ?? 0) > 0)
        .sort((x, y) => (free.get(y.circleId) ?? 0) - (free.get(x.circleId) ?? 0))[0];
      if (!mentee || !target) {
        unplaced.push({ menteePersonId: a.menteeId, reason: 'no-capacity' });
        continue;
      }
      free.set(target.circleId, (free.get(target.circleId) ?? 0) - 1);
      placements.push({
        circleId: target.circleId,
        mentorPersonId: a.mentorId,
        menteePersonId: a.menteeId,
        menteeParticipantId: mentee.participantId,
        score: Math.round(a.score * 10_000) / 10_000,
      });
    }
    const { state } = unwrap(
      await this.fills.handle({
        streamId,
        command: {
          type: 'DraftCircleFill',
          fillId,
          programId,
          placements,
          unplaced,
          inputSnapshotHash: payloadHash({ problem, free: [...free.keys()].sort(), objective }),
          engineVersion: ENGINE_VERSION,
          actor: { personId: ctx.actorPersonId, isManager },
          now: this.now(ctx),
        },
        commitId: deriveId('draft-circle-fill', fillId),
        meta: this.meta(ctx, programId),
      }),
    );
    return state;
  }

  /**
   * Publishes the draft: each placement joins its circle (via 'round'). A circle that filled up meanwhile, a mentee
   * who joined another circle or paused: that placement is skipped with the reason, the others go ahead. Publishing
   * again (a retry after a crash) places what is missing and changes nothing else.
   */
  async publish(ctx: CommandContext, fillId: string): Promise<CircleFillOutcome> {
    const fill = await this.loadFill(ctx, fillId);
    const isManager = await this.requireManager(ctx, fill.programId);
    const { state } = unwrap(
      await this.fills.handle({
        streamId: circleFillStreamId(fillId),
        command: { type: 'PublishCircleFill', actor: { personId: ctx.actorPersonId, isManager }, now: this.now(ctx) },
        commitId: deriveId('publish-circle-fill', fillId),
        meta: this.meta(ctx, fill.programId),
      }),
    );
    const byCircle = new Map<string, CirclePlacement[]>();
    for (const p of state.placements) byCircle.set(p.circleId, [...(byCircle.get(p.circleId) ?? []), p]);
    let placed = 0;
    const skipped: CirclePlacementSkipped[] = [];
    // One circle's placements in order (they race on one stream anyway), circles side by side.
    await Promise.all(
      [...byCircle.values()].map(async (list) => {
        for (const p of list) {
          try {
            await this.circles.placeInCircle(ctx, p.circleId, p.menteePersonId, 'round');
            placed += 1;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            skipped.push({
              circleId: p.circleId,
              menteePersonId: p.menteePersonId,
              code: error.code,
              message: error.message,
            });
          }
        }
      }),
    );
    return { fill: state, placed, skipped };
  }

  async discard(ctx: CommandContext, fillId: string): Promise<CircleFillState> {
    const fill = await this.loadFill(ctx, fillId);
    const isManager = await this.requireManager(ctx, fill.programId);
    return unwrap(
      await this.fills.handle({
        streamId: circleFillStreamId(fillId),
        command: { type: 'DiscardCircleFill', actor: { personId: ctx.actorPersonId, isManager }, now: this.now(ctx) },
        commitId: deriveId('discard-circle-fill', fillId),
        meta: this.meta(ctx, fill.programId),
      }),
    ).state;
  }

  async fill(ctx: CommandContext, fillId: string): Promise<CircleFillState> {
    const fill = await this.loadFill(ctx, fillId);
    await this.requireManager(ctx, fill.programId);
    return fill;
  }

  private async requireManager(ctx: CommandContext, programId: string): Promise<boolean> {
    if (!(await this.circles.isManager(ctx, programId))) {
      throw new DomainError('FORBIDDEN', 'Only a manager of this program can fill its circles.');
    }
    return true;
  }

  private async loadFill(ctx: CommandContext, fillId: string): Promise<CircleFillState> {
    const streamId = circleFillStreamId(fillId);
    const { state } = await this.fills.load(streamId);
    if (state.status === 'none' || !(await streamBelongsTo(this.store, streamId, ctx.tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such circle fill.');
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
