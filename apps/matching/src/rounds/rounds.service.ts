import { randomUUID } from 'node:crypto';
import { isExcluded, scorePair, solve } from '@trellis/matching/engine';
import type { RoundObjective } from '@trellis/matching/contracts';
import {
  addDays,
  matchingRoundStreamId,
  proposalIdFor,
  proposalStreamId,
  resolveConstraints,
  type ComputedPair,
  type OverrideReason,
  type ProposalEvent,
  type RoundCommand,
  type RoundState,
} from '@trellis/matching/domain';
import { DomainError, payloadHash, type CommitMeta } from '@trellis/shared/event-store';
import type { CommandContext } from '../acceptance/acceptance.service';
import { deriveId } from '../commands/deterministic-id';
import { unwrap, type MatchingCommands } from '../commands/matching-commands';
import { streamBelongsTo } from '../commands/stream-tenant';
import type { Relationships } from '../mentorships/relationships.projection';
import type { CandidatePool, PoolParticipantRow } from '../pool/candidate-pool.projection';
import { ENGINE_VERSION, roundSettings, toEngineObjective, toEngineRules, toMentee, toMentor } from './engine-input';

/** Who may run rounds: program managers (and org admins), from the memberships read model. */
export interface ProgramManagers {
  canManage(tenantId: string, programId: string, personId: string): Promise<boolean>;
}

export type RoundOverride =
  | { type: 'lock' | 'unlock' | 'remove'; menteePersonId: string; reason: OverrideReason }
  | { type: 'add'; menteePersonId: string; mentorPersonId: string; reason: OverrideReason }
  | { type: 'swap'; menteeA: string; menteeB: string; reason: OverrideReason };

export interface RoundTimings {
  /** Loading the pool and the relationships. */
  loadMs: number;
  engineMs: number;
  storeMs: number;
}

/**
 * Matching rounds for program managers: the engine computes a draft from the candidate pool, the manager adjusts it
 * (each override with a reason), re-solves keeping the locks, and publishes proposals or discards the round.
 */
export class RoundsService {
  lastTimings: RoundTimings | null = null;

  constructor(
    private readonly commands: MatchingCommands,
    private readonly pool: CandidatePool,
    private readonly relationships: Relationships,
    private readonly managers: ProgramManagers,
  ) {}

  async startRound(
    ctx: CommandContext & { commandId: string },
    input: { programId: string; cohortId: string | null; objective: RoundObjective | null },
  ): Promise<RoundState> {
    await this.requireManager(ctx, input.programId);
    const program = await this.pool.program(ctx.tenantId, input.programId);
    if (!program || program.archived) throw new DomainError('NOT_FOUND', 'There is no such active program.');
    const roundId = deriveId('round', ctx.tenantId, ctx.commandId);
    const rules = toEngineRules(program.rules, []);
    const meta = this.meta(ctx, input.programId);
    const streamId = matchingRoundStreamId(roundId);
    const existing = await this.commands.rounds.load(streamId);
    if (existing.state.status === 'none') {
      unwrap(
        await this.commands.rounds.handle({
          streamId,
          command: {
            type: 'StartRound',
            roundId,
            programId: input.programId,
            cohortId: input.cohortId,
            objective: input.objective ?? program.rules?.objective ?? 'best-total',
            settings: roundSettings(rules),
            startedByPersonId: ctx.actorPersonId,
            now: this.now(ctx),
          },
          commitId: randomUUID(),
          meta,
        }),
      );
    }
    return this.compute(ctx, roundId);
  }

  /** Computes (or re-solves) the draft, keeping locked pairs and leaving out removed ones. */
  async compute(ctx: CommandContext, roundId: string): Promise<RoundState> {
    const round = await this.loadRound(ctx, roundId);
    await this.requireManager(ctx, round.programId);
    const started = performance.now();
    const [participants, pairs] = await Promise.all([
      this.pool.activeParticipants(ctx.tenantId, round.programId),
      this.relationships.mentorshipPairs(ctx.tenantId, round.programId),
    ]);
    const mentorRows = participants.filter((r) => r.roles.includes('mentor'));
    const menteeRows = participants.filter((r) => r.roles.includes('mentee'));
    const loaded = performance.now();

    const active = pairs.filter((p) => p.status !== 'ended');
    const load = new Map<string, number>();
    for (const p of active) load.set(p.mentorPersonId, (load.get(p.mentorPersonId) ?? 0) + 1);
    const matchedMentees = new Set(active.map((p) => p.menteePersonId));
    const previous = new Map<string, string[]>();
    for (const p of pairs)
      previous.set(p.menteePersonId, [...(previous.get(p.menteePersonId) ?? []), p.mentorPersonId]);

    const { locked, excluded } = resolveConstraints(round);
    const lockedMentees = new Set(locked.map((l) => l.menteePersonId));
    for (const l of locked) load.set(l.mentorPersonId, (load.get(l.mentorPersonId) ?? 0) + 1);
    const blocked = new Map<string, string[]>();
    for (const x of excluded)
      blocked.set(x.menteePersonId, [...(blocked.get(x.menteePersonId) ?? []), x.mentorPersonId]);

    const mentorsById = new Map(mentorRows.map((r) => [r.personId, r]));
    const menteesById = new Map(menteeRows.map((r) => [r.personId, r]));
    const mentors = mentorRows
      .map((r) => toMentor(r.personId, r.profile, Math.max(0, r.mentorCapacity - (load.get(r.personId) ?? 0))))
      .filter((m) => m.capacity > 0);
    const eligible = menteeRows.filter(
      (r) =>
        !matchedMentees.has(r.personId) &&
        !lockedMentees.has(r.personId) &&
        (round.cohortId === null || r.cohortId === round.cohortId),
    );
    const mentees = eligible.map((r) =>
      toMentee(r.personId, r.profile, previous.get(r.personId) ?? [], blocked.get(r.personId) ?? []),
    );
    const program = await this.pool.program(ctx.tenantId, round.programId);
    const problem = { mentors, mentees, rules: toEngineRules(program?.rules ?? null, []) };
    const inputSnapshotHash = payloadHash({ problem, locked, excluded, objective: round.objective });

    const result = solve(problem, { objective: toEngineObjective(round.objective), explain: 'none' });
    const solved = performance.now();

    const computed: ComputedPair[] = locked.map((l) => ({
      mentorPersonId: l.mentorPersonId,
      menteePersonId: l.menteePersonId,
      mentorParticipantId: l.mentorParticipantId,
      menteeParticipantId: l.menteeParticipantId,
      score: l.score,
    }));
    for (const a of result.assignments) {
      const mentor = mentorsById.get(a.mentorId);
      const mentee = menteesById.get(a.menteeId);
      if (!mentor || !mentee) continue;
      computed.push({
        mentorPersonId: a.mentorId,
        menteePersonId: a.menteeId,
        mentorParticipantId: mentor.participantId,
        menteeParticipantId: mentee.participantId,
        score: round4(a.score),
      });
    }
    const scores = computed.map((p) => p.score);
    const considered = eligible.length + locked.length;
    const outcome = unwrap(
      await this.commands.rounds.handle({
        streamId: matchingRoundStreamId(roundId),
        command: {
          type: 'RecordComputation',
          inputSnapshotHash,
          engineVersion: ENGINE_VERSION,
          pairs: computed,
          unmatched: result.unmatched.map((u) => ({ menteePersonId: u.menteeId, reason: u.reason })),
          metrics: {
            meanScore: scores.length ? round4(scores.reduce((a, b) => a + b, 0) / scores.length) : 0,
            minScore: scores.length ? round4(Math.min(...scores)) : 0,
            coverage: considered ? round4(computed.length / considered) : 0,
          },
          now: this.now(ctx),
        },
        commitId: randomUUID(),
        meta: this.meta(ctx, round.programId),
      }),
    );
    const stored = performance.now();
    this.lastTimings = { loadMs: loaded - started, engineMs: solved - loaded, storeMs: stored - solved };
    return outcome.state;
  }

  async override(ctx: CommandContext, roundId: string, change: RoundOverride): Promise<RoundState> {
    const round = await this.loadRound(ctx, roundId);
    await this.requireManager(ctx, round.programId);
    const by = ctx.actorPersonId;
    let command: RoundCommand;
    switch (change.type) {
      case 'lock':
        command = { type: 'LockPair', menteePersonId: change.menteePersonId, reason: change.reason, byPersonId: by };
        break;
      case 'unlock':
        command = { type: 'UnlockPair', menteePersonId: change.menteePersonId, byPersonId: by };
        break;
      case 'remove':
        command = { type: 'RemovePair', menteePersonId: change.menteePersonId, reason: change.reason, byPersonId: by };
        break;
      case 'add': {
        const [mentor, mentee] = await this.participants(
          ctx.tenantId,
          round.programId,
          change.mentorPersonId,
          change.menteePersonId,
        );
        command = {
          type: 'AddPair',
          pair: {
            mentorPersonId: mentor.personId,
            menteePersonId: mentee.personId,
            mentorParticipantId: mentor.participantId,
            menteeParticipantId: mentee.participantId,
            score: await this.score(ctx.tenantId, round.programId, mentor, mentee),
          },
          mentorCapacity: mentor.mentorCapacity,
          reason: change.reason,
          byPersonId: by,
        };
        break;
      }
      case 'swap': {
        const a = round.pairs[change.menteeA];
        const b = round.pairs[change.menteeB];
        if (!a || !b) throw new DomainError('NOT_FOUND', 'Both mentees must have a pair in the round.');
        const [mentorA, menteeA] = await this.participants(
          ctx.tenantId,
          round.programId,
          a.mentorPersonId,
          a.menteePersonId,
        );
        const [mentorB, menteeB] = await this.participants(
          ctx.tenantId,
          round.programId,
          b.mentorPersonId,
          b.menteePersonId,
        );
        command = {
          type: 'SwapMentors',
          menteeA: change.menteeA,
          menteeB: change.menteeB,
          scoreA: await this.score(ctx.tenantId, round.programId, mentorB, menteeA),
          scoreB: await this.score(ctx.tenantId, round.programId, mentorA, menteeB),
          reason: change.reason,
          byPersonId: by,
        };
        break;
      }
    }
    return unwrap(
      await this.commands.rounds.handle({
        streamId: matchingRoundStreamId(roundId),
        command,
        commitId: randomUUID(),
        meta: this.meta(ctx, round.programId),
      }),
    ).state;
  }

  /** Publishes the round: one proposal per pair, sent to both sides. Proposal ids follow from the round. */
  async publish(ctx: CommandContext, roundId: string, respondWithinDays = 7): Promise<RoundState> {
    const round = await this.loadRound(ctx, roundId);
    await this.requireManager(ctx, round.programId);
    const now = this.now(ctx);
    const respondBy = addDays(now, respondWithinDays);
    const meta = this.meta(ctx, round.programId);
    const published = unwrap(
      await this.commands.rounds.handle({
        streamId: matchingRoundStreamId(roundId),
        command: { type: 'PublishRound', respondBy, byPersonId: ctx.actorPersonId, now },
        commitId: randomUUID(),
        meta,
      }),
    ).state;
    await this.proposeAll(published, respondBy, meta);
    return published;
  }

  /**
   * Idempotent: proposals that exist already are left alone, so a retried publish completes a partial one. Each
   * proposal is still its own stream (accept/decline race on it alone), but new streams are started a chunk at a
   * time with one unordered insert per chunk; the commit id follows from the proposal, so a chunk written before a
   * crash comes back as `duplicate` on the retry instead of as a second proposal.
   */
  async proposeAll(round: RoundState, respondBy: string, meta: CommitMeta, chunkSize = 1000): Promise<number> {
    const pairs = Object.values(round.pairs);
    let proposed = 0;
    for (let start = 0; start < pairs.length; start += chunkSize) {
      const requests = pairs.slice(start, start + chunkSize).map((pair) => {
        const proposalId = proposalIdFor(round.roundId, pair.menteePersonId);
        const event: ProposalEvent = {
          type: 'MatchProposed',
          proposalId,
          roundId: round.roundId,
          programId: round.programId,
          mentorPersonId: pair.mentorPersonId,
          menteePersonId: pair.menteePersonId,
          mentorParticipantId: pair.mentorParticipantId,
          menteeParticipantId: pair.menteeParticipantId,
          format: 'one-on-one',
          score: pair.score,
          respondBy,
        };
        const { type, ...data } = event;
        return {
          streamId: proposalStreamId(proposalId),
          streamType: 'proposal',
          events: [{ type, data }],
          meta,
          commitId: deriveId('propose', proposalId),
        };
      });
      const results = await this.commands.store.appendNewStreams(requests);
      proposed += results.filter((r) => !r.duplicate).length;
    }
    return proposed;
  }

  async discard(ctx: CommandContext, roundId: string): Promise<RoundState> {
    const round = await this.loadRound(ctx, roundId);
    await this.requireManager(ctx, round.programId);
    return unwrap(
      await this.commands.rounds.handle({
        streamId: matchingRoundStreamId(roundId),
        command: { type: 'DiscardRound', byPersonId: ctx.actorPersonId, now: this.now(ctx) },
        commitId: randomUUID(),
        meta: this.meta(ctx, round.programId),
      }),
    ).state;
  }

  async round(ctx: CommandContext, roundId: string): Promise<RoundState> {
    const round = await this.loadRound(ctx, roundId);
    await this.requireManager(ctx, round.programId);
    return round;
  }

  private async loadRound(ctx: CommandContext, roundId: string): Promise<RoundState> {
    const streamId = matchingRoundStreamId(roundId);
    const { state } = await this.commands.rounds.load(streamId);
    if (state.status === 'none' || !(await streamBelongsTo(this.commands.store, streamId, ctx.tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such matching round.');
    }
    return state;
  }

  private async participants(
    tenantId: string,
    programId: string,
    mentorPersonId: string,
    menteePersonId: string,
  ): Promise<[PoolParticipantRow, PoolParticipantRow]> {
    const [mentor, mentee] = await Promise.all([
      this.pool.participant(tenantId, programId, mentorPersonId),
      this.pool.participant(tenantId, programId, menteePersonId),
    ]);
    if (!mentor?.roles.includes('mentor')) throw new DomainError('NOT_FOUND', 'This mentor is not in the program.');
    if (!mentee?.roles.includes('mentee')) throw new DomainError('NOT_FOUND', 'This mentee is not in the program.');
    return [mentor, mentee];
  }

  private async score(
    tenantId: string,
    programId: string,
    mentor: PoolParticipantRow,
    mentee: PoolParticipantRow,
  ): Promise<number> {
    const program = await this.pool.program(tenantId, programId);
    const scored = scorePair(
      toMentor(mentor.personId, mentor.profile, mentor.mentorCapacity),
      toMentee(mentee.personId, mentee.profile, [], []),
      toEngineRules(program?.rules ?? null, []),
    );
    // A manager may override a hard rule knowingly; the pair is then recorded with score 0.
    return isExcluded(scored) ? 0 : round4(scored.score);
  }

  private async requireManager(ctx: CommandContext, programId: string): Promise<void> {
    if (!ctx.orgAdmin && !(await this.managers.canManage(ctx.tenantId, programId, ctx.actorPersonId))) {
      throw new DomainError('FORBIDDEN', 'Only a manager of this program can run its matching rounds.');
    }
  }

  private now(ctx: CommandContext): string {
    return (ctx.now ?? new Date()).toISOString();
  }

  private meta(ctx: CommandContext, programId: string): CommitMeta {
    return { tenantId: ctx.tenantId, programId, correlationId: ctx.correlationId, actor: ctx.actorPersonId };
  }
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
