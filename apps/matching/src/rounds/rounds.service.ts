import { randomUUID } from 'node:crypto';
import {
  blockingPairsOf,
  isExcluded,
  scorePair,
  solve,
  type FactorContribution,
  type MatchingResult,
  type MatchingRules as EngineRules,
  type MenteeProfile,
  type MentorProfile,
} from '@trellis/matching/engine';
import { matchingFactorSchema, type MatchingFactor } from '@trellis/profiles/contracts';
import type { RoundObjective } from '@trellis/matching/contracts';
import {
  addDays,
  blockedPairs,
  compareRoundOutcomes,
  eligibleMentees,
  matchingRoundStreamId,
  previousMentors,
  proposalDecider,
  proposalIdFor,
  proposalStreamId,
  remainingCapacity,
  resolveConstraints,
  roundMetrics,
  roundScore,
  type ComputedPair,
  type OverrideReason,
  type RoundCommand,
  type RoundComparison,
  type RoundOutcome,
  type RoundSettings,
  type RoundState,
} from '@trellis/matching/domain';
import { DomainError, type CommitMeta } from '@trellis/shared/event-store';
import type { CommandContext } from '../acceptance/acceptance.service';
import { commandApplied, commandCommitId } from '../commands/command-commits';
import { deriveId } from '../commands/deterministic-id';
import { unwrap, type MatchingCommands } from '../commands/matching-commands';
import { streamBelongsTo } from '../commands/stream-tenant';
import type { Relationships } from '../mentorships/relationships.projection';
import type { CandidatePool, PoolParticipantRow } from '../pool/candidate-pool.projection';
import type { ProgramPreferences } from '../preferences/preferences.service';
import {
  noChoices,
  pairFactors,
  roundChoices,
  solveExplanations,
  type NotFirstChoice,
  type RoundChoices,
  type SolvedExplanations,
} from './round-explanations';
import type { RoundList, RoundListPage } from './round-list';
import { RecentResults } from './recent-results';
import { constraintsOf, RoundSessions } from './round-sessions';
import type { RoundInputSnapshot, RoundSnapshots } from './round-snapshots';
import { ENGINE_VERSION, roundSettings, toEngineRules, toEngineSolve, toMentee, toMentor } from './engine-input';

/** Who may run rounds: program managers (and org admins), from the memberships read model. */
export interface ProgramManagers {
  canManage(tenantId: string, programId: string, personId: string): Promise<boolean>;
}

export type RoundOverride =
  | { type: 'lock' | 'unlock' | 'remove'; menteePersonId: string; reason: OverrideReason }
  | { type: 'add'; menteePersonId: string; mentorPersonId: string; reason: OverrideReason }
  | { type: 'swap'; menteeA: string; menteeB: string; reason: OverrideReason };

/** Round inputs whose explained solve is kept in memory, oldest dropped first. */
const EXPLAINED_INPUTS_KEPT = 4;
/** Re-solves and comparison reports kept in memory: the four objectives of a few rounds. */
const COMPARISON_SOLVES_KEPT = 16;

export interface RoundTimings {
  /** Loading the pool and the relationships. */
  loadMs: number;
  /** Storing the input snapshot (nothing when the same input was stored before). */
  snapshotMs: number;
  engineMs: number;
  /** Whether the round's warm session computed it (else a cold solve). */
  warm: boolean;
  storeMs: number;
}

/**
 * Matching rounds for program managers: the engine computes a draft from the candidate pool, the manager adjusts it
 * (each override with a reason), re-solves keeping the locks, and publishes proposals or discards the round.
 */
export class RoundsService {
  lastTimings: RoundTimings | null = null;
  /** Time the last edit spent moving the round's warm session (creating it from the recorded input included). */
  lastEditSessionMs = 0;
  private readonly solvedInputs = new RecentResults<SolvedExplanations | null>(EXPLAINED_INPUTS_KEPT);
  private readonly comparisonSolves = new RecentResults<MatchingResult>(COMPARISON_SOLVES_KEPT);
  private readonly comparisons = new RecentResults<RoundComparisonReport>(COMPARISON_SOLVES_KEPT);
  private readonly inputs = new RecentResults<RoundInputSnapshot | null>(EXPLAINED_INPUTS_KEPT);

  constructor(
    private readonly commands: MatchingCommands,
    private readonly pool: CandidatePool,
    private readonly relationships: Relationships,
    private readonly managers: ProgramManagers,
    private readonly snapshots: RoundSnapshots,
    private readonly list: RoundList,
    private readonly preferences: ProgramPreferences,
    private readonly sessions = new RoundSessions(),
  ) {}

  async startRound(
    ctx: CommandContext & { commandId: string },
    input: { programId: string; cohortId: string | null; objective: RoundObjective | null },
  ): Promise<RoundState> {
    await this.requireManager(ctx, input.programId);
    const program = await this.pool.program(ctx.tenantId, input.programId);
    if (!program || program.archived) throw new DomainError('NOT_FOUND', 'There is no such active program.');
    const roundId = deriveId('round', ctx.tenantId, ctx.commandId);
    const rules = toEngineRules(program.rules, program.questions ?? []);
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
    const streamId = matchingRoundStreamId(roundId);
    // A retried re-solve (or start) answers with the computation it recorded instead of solving once more.
    if (await commandApplied(this.commands.store, ctx.commandId, 'RecordComputation', roundId, streamId)) return round;
    const started = performance.now();
    const [participants, pairs, preferences] = await Promise.all([
      this.pool.activeParticipants(ctx.tenantId, round.programId),
      this.relationships.mentorshipPairs(ctx.tenantId, round.programId),
      this.preferences.forProgram(ctx.tenantId, round.programId),
    ]);
    const mentorRows = participants.filter((r) => r.roles.includes('mentor'));
    const menteeRows = participants.filter((r) => r.roles.includes('mentee'));
    const loaded = performance.now();

    const { locked, excluded } = resolveConstraints(round);
    const previous = previousMentors(pairs);
    const blocked = blockedPairs(excluded);
    const mentorsById = new Map(mentorRows.map((r) => [r.personId, r]));
    const menteesById = new Map(menteeRows.map((r) => [r.personId, r]));
    const mentors = remainingCapacity(mentorRows, pairs, locked).map(({ mentor, capacity }) =>
      toMentor(mentor.personId, mentor.profile, capacity, preferences.get(mentor.personId)?.ratherNotMenteeIds),
    );
    const eligible = eligibleMentees(menteeRows, pairs, locked, round.cohortId);
    const mentees = eligible.map((r) =>
      toMentee(
        r.personId,
        r.profile,
        previous.get(r.personId) ?? [],
        blocked.get(r.personId) ?? [],
        preferences.get(r.personId)?.preferredMentorIds,
      ),
    );
    const program = await this.pool.program(ctx.tenantId, round.programId);
    const problem = { mentors, mentees, rules: toEngineRules(program?.rules ?? null, program?.questions ?? []) };
    // Stored before the computation names it, so every recorded hash can be re-solved later (compareRound).
    const { hash: inputSnapshotHash, snapshot } = await this.snapshots.store(ctx.tenantId, {
      problem,
      locked,
      excluded,
      objective: round.objective,
    });

    const snapshotted = performance.now();
    // The warm session is brought to exactly this input (as stored), so its optimum is a cold solve's.
    const warm = await this.sessions.solve(round, snapshot.problem, constraintsOf({ locked, excluded }), () =>
      this.recordedInput(ctx.tenantId, round),
    );
    const result = warm ?? solve(problem, { ...toEngineSolve(round.objective), explain: 'none' });
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
        score: roundScore(a.score),
      });
    }
    const outcome = unwrap(
      await this.commands.rounds.handle({
        streamId,
        command: {
          type: 'RecordComputation',
          inputSnapshotHash,
          engineVersion: ENGINE_VERSION,
          pairs: computed,
          unmatched: result.unmatched.map((u) => ({ menteePersonId: u.menteeId, reason: u.reason })),
          metrics: roundMetrics(computed, eligible.length + locked.length, result.metrics.blockingPairs),
          now: this.now(ctx),
        },
        commitId: commandCommitId(ctx.commandId, 'RecordComputation', roundId),
        meta: this.meta(ctx, round.programId),
      }),
    );
    const stored = performance.now();
    this.lastTimings = {
      loadMs: loaded - started,
      snapshotMs: snapshotted - loaded,
      engineMs: solved - snapshotted,
      storeMs: stored - solved,
      warm: warm !== null,
    };
    return outcome.state;
  }

  async override(ctx: CommandContext, roundId: string, change: RoundOverride): Promise<RoundState> {
    const round = await this.loadRound(ctx, roundId);
    await this.requireManager(ctx, round.programId);
    const streamId = matchingRoundStreamId(roundId);
    const step = `override:${change.type}`;
    // A retry is answered with the round as it is: a removed pair is gone and a swap would swap back.
    if (await commandApplied(this.commands.store, ctx.commandId, step, roundId, streamId)) return round;
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
    const edited = unwrap(
      await this.commands.rounds.handle({
        streamId,
        command,
        commitId: commandCommitId(ctx.commandId, step, roundId),
        meta: this.meta(ctx, round.programId),
      }),
    ).state;
    const started = performance.now();
    try {
      await this.sessions.follow(edited, () => this.recordedInput(ctx.tenantId, edited));
    } catch {
      // The edit is recorded; a session that could not follow it is dropped and the next computation starts afresh.
      this.sessions.forget(roundId);
    }
    this.lastEditSessionMs = performance.now() - started;
    return edited;
  }

  /**
   * A recorded input for reading (explanations, comparisons), kept for the last few: an input never changes under its
   * hash, and a round of 5,000 mentees reads 6,000 participants' worth of it. Edits load their own (their session
   * keeps it).
   */
  private keptInput(tenantId: string, hash: string): Promise<RoundInputSnapshot | null> {
    return this.inputs.get(`${tenantId}:${hash}`, () => this.snapshots.load(tenantId, hash));
  }

  private recordedInput(tenantId: string, round: RoundState): Promise<RoundInputSnapshot | null> {
    return round.inputSnapshotHash ? this.snapshots.load(tenantId, round.inputSnapshotHash) : Promise.resolve(null);
  }

  /** Publishes the round: one proposal per pair, sent to both sides. Proposal ids follow from the round. */
  async publish(ctx: CommandContext, roundId: string, respondWithinDays = 7): Promise<RoundState> {
    const round = await this.loadRound(ctx, roundId);
    await this.requireManager(ctx, round.programId);
    const now = this.now(ctx);
    const streamId = matchingRoundStreamId(roundId);
    const meta = this.meta(ctx, round.programId);
    const published = unwrap(
      await this.commands.rounds.handle({
        streamId,
        command: {
          type: 'PublishRound',
          respondBy: addDays(now, respondWithinDays),
          byPersonId: ctx.actorPersonId,
          now,
        },
        commitId: commandCommitId(ctx.commandId, 'PublishRound', roundId),
        meta,
      }),
    ).state;
    this.sessions.forget(roundId);
    // The deadline the round was published with: a retry's own clock would give its proposals other content.
    await this.proposeAll(published, await this.publishedDeadline(streamId), meta);
    return published;
  }

  private async publishedDeadline(streamId: string): Promise<string> {
    const published = (await this.commands.store.readStream(streamId)).find((e) => e.type === 'MatchingRoundPublished');
    const respondBy = (published?.data as { respondBy?: unknown } | undefined)?.respondBy;
    if (typeof respondBy !== 'string') throw new Error(`Round stream ${streamId} has no publication.`);
    return respondBy;
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
        // A new stream starts from the initial state; the decider still decides what a proposal records.
        const decided = proposalDecider.decide(
          {
            type: 'ProposeMatch',
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
          },
          proposalDecider.initialState(),
        );
        return {
          streamId: proposalStreamId(proposalId),
          streamType: 'proposal',
          events: decided.map(({ type, ...data }) => ({ type, data })),
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
    this.sessions.forget(roundId);
    return unwrap(
      await this.commands.rounds.handle({
        streamId: matchingRoundStreamId(roundId),
        command: { type: 'DiscardRound', byPersonId: ctx.actorPersonId, now: this.now(ctx) },
        commitId: commandCommitId(ctx.commandId, 'DiscardRound', roundId),
        meta: this.meta(ctx, round.programId),
      }),
    ).state;
  }

  /**
   * Re-solves a round's recorded input snapshot under other rules — by default the program's current ones — and
   * says what would change against the round as recorded (its pairs including the manager's overrides). Pairs locked
   * at the time stay locked; nothing is written.
   */
  async compareRound(ctx: CommandContext, roundId: string, changes: RuleChanges = {}): Promise<RoundComparisonReport> {
    const round = await this.loadRound(ctx, roundId);
    await this.requireManager(ctx, round.programId);
    const inputHash = round.inputSnapshotHash;
    if (!inputHash) throw new DomainError('CONFLICT', 'This round has not been computed yet.');
    const program = await this.pool.program(ctx.tenantId, round.programId);
    const rules = applyRuleChanges(toEngineRules(program?.rules ?? null, program?.questions ?? []), changes);
    // The round console compares every objective each time it shows a round. A report depends on the recorded input,
    // the round's pairs (each edit adds an override, each re-solve an iteration), the rules and the objective.
    return this.comparisons.get(
      [
        ctx.tenantId,
        roundId,
        inputHash,
        round.iteration,
        round.overrides.length,
        roundSettings(rules).settingsHash,
        changes.objective ?? 'recorded',
      ].join(':'),
      () => this.compareWith(ctx.tenantId, round, inputHash, rules, changes.objective),
    );
  }

  private async compareWith(
    tenantId: string,
    round: RoundState,
    inputHash: string,
    rules: EngineRules,
    objectiveChange: RoundObjective | undefined,
  ): Promise<RoundComparisonReport> {
    const snapshot = await this.keptInput(tenantId, inputHash);
    if (!snapshot) {
      throw new DomainError('NOT_FOUND', 'The input of this round was not kept (it was computed before inputs were).');
    }
    const objective = objectiveChange ?? snapshot.objective;
    const problem = { ...snapshot.problem, rules };
    // An edit of the round leaves its input as it was: the re-solve is kept apart from the report, for the next one.
    const result = await this.comparisonSolves.get(
      `${tenantId}:${inputHash}:${objective}:${roundSettings(rules).settingsHash}`,
      () => Promise.resolve(solve(problem, { ...toEngineSolve(objective), explain: 'none' })),
    );

    const mentors = new Map(snapshot.problem.mentors.map((m) => [m.id, m]));
    const mentees = new Map(snapshot.problem.mentees.map((m) => [m.id, m]));
    const after: RoundOutcome = {
      pairs: [
        ...snapshot.locked.map((l) => ({
          menteePersonId: l.menteePersonId,
          mentorPersonId: l.mentorPersonId,
          score: l.score,
          manual: l.manual,
        })),
        ...result.assignments.map((a) => ({
          menteePersonId: a.menteeId,
          mentorPersonId: a.mentorId,
          score: roundScore(a.score),
        })),
      ],
      unmatched: result.unmatched.map((u) => ({ menteePersonId: u.menteeId, reason: u.reason })),
    };
    const before: RoundOutcome = {
      pairs: Object.values(round.pairs).map((p) => ({
        menteePersonId: p.menteePersonId,
        mentorPersonId: p.mentorPersonId,
        score: p.score,
        manual: p.manual,
      })),
      unmatched: Object.entries(round.unmatched).map(([menteePersonId, reason]) => ({ menteePersonId, reason })),
    };
    const comparison = compareRoundOutcomes(before, after, (menteeId, mentorBefore, mentorAfter) => {
      const mentee = mentees.get(menteeId);
      const previous = mentors.get(mentorBefore);
      const next = mentors.get(mentorAfter);
      return mentee && next ? explainChange(mentee, previous, next, rules) : null;
    });
    return {
      roundId: round.roundId,
      inputSnapshotHash: inputHash,
      objective,
      engineVersionBefore: round.engineVersion,
      engineVersionAfter: ENGINE_VERSION,
      settingsBefore: round.settings,
      settingsAfter: roundSettings(rules),
      comparison,
      blockingPairs: {
        before: blockingPairsOf(
          problem,
          Object.values(round.pairs).map((p) => ({ menteeId: p.menteePersonId, mentorId: p.mentorPersonId })),
        ),
        after: result.metrics.blockingPairs,
      },
    };
  }

  async round(ctx: CommandContext, roundId: string): Promise<RoundState> {
    const round = await this.loadRound(ctx, roundId);
    await this.requireManager(ctx, round.programId);
    return round;
  }

  /** A program's rounds, newest first; another organization's program is one that does not exist. */
  async rounds(ctx: CommandContext, programId: string, first: number, after: string | null): Promise<RoundListPage> {
    if (!(await this.pool.program(ctx.tenantId, programId))) {
      throw new DomainError('NOT_FOUND', 'There is no such program.');
    }
    await this.requireManager(ctx, programId);
    return this.list.page(ctx.tenantId, programId, first, after);
  }

  /**
   * Why each pair of a computed round scores what it does: the factor breakdown under the rules the round was solved
   * with, from its recorded input. Pairs the manager added with someone outside that input get no breakdown.
   */
  async explainPairs(
    ctx: CommandContext,
    round: RoundState,
  ): Promise<(menteePersonId: string) => FactorContribution[]> {
    const snapshot = round.inputSnapshotHash ? await this.keptInput(ctx.tenantId, round.inputSnapshotHash) : null;
    return snapshot ? pairFactors(round, snapshot) : () => [];
  }

  /**
   * Why mentees did not get their best-fitting mentor and what would match the unmatched, from the round's recorded
   * input. The solve behind it (a search per mentee who missed their best mentor) is kept for the last few inputs, so
   * a manager's edits and the proposals' mentees read it without solving again.
   */
  async explainChoices(ctx: CommandContext, round: RoundState): Promise<RoundChoices> {
    if (!round.inputSnapshotHash) return noChoices();
    const hash = round.inputSnapshotHash;
    const solved = await this.solvedInputs.get(`${ctx.tenantId}:${hash}`, async () => {
      const snapshot = await this.keptInput(ctx.tenantId, hash);
      return snapshot ? solveExplanations(snapshot) : null;
    });
    if (!solved) return noChoices();
    return roundChoices(round, solved);
  }

  /**
   * Why a mentee's proposal is not with their best-fitting mentor, for that mentee alone: the reason names the
   * mentor they missed and the numbers, never the mentees who got the places.
   */
  async notFirstChoiceFor(
    tenantId: string,
    viewerPersonId: string,
    proposal: { roundId: string; menteePersonId: string; mentorPersonId: string },
  ): Promise<NotFirstChoice | null> {
    if (viewerPersonId !== proposal.menteePersonId) return null;
    const { state: round } = await this.commands.rounds.load(matchingRoundStreamId(proposal.roundId));
    if (round.status === 'none' || round.pairs[proposal.menteePersonId]?.mentorPersonId !== proposal.mentorPersonId) {
      return null;
    }
    const ctx = { tenantId, actorPersonId: viewerPersonId, correlationId: proposal.roundId };
    return (await this.explainChoices(ctx, round)).notFirstChoice.get(proposal.menteePersonId) ?? null;
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
      toEngineRules(program?.rules ?? null, program?.questions ?? []),
    );
    // A manager may override a hard rule knowingly; the pair is then recorded with score 0.
    return isExcluded(scored) ? 0 : roundScore(scored.score);
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

/** Weights by the profiles service's factor names; hard rules by its names too. */
export interface RuleChanges {
  weights?: Partial<Record<MatchingFactor, number>>;
  hardRules?: {
    sameDepartmentNotAllowed?: boolean;
    sharedLanguageRequired?: boolean;
    maxTimezoneGapHours?: number | null;
  };
  objective?: RoundObjective;
}

export interface RoundComparisonReport {
  roundId: string;
  inputSnapshotHash: string;
  objective: RoundObjective;
  engineVersionBefore: string | null;
  engineVersionAfter: string;
  settingsBefore: RoundSettings | null;
  settingsAfter: RoundSettings;
  comparison: RoundComparison;
  /** Among the recorded input's mentees: the round's pairs as they are now, and the re-solve's. */
  blockingPairs: { before: number; after: number };
}

function applyRuleChanges(rules: EngineRules, changes: RuleChanges): EngineRules {
  const weights = { ...rules.weights };
  for (const [factor, weight] of Object.entries(changes.weights ?? {})) {
    if (weight === undefined) continue;
    if (!matchingFactorSchema.safeParse(factor).success) {
      throw new DomainError('BAD_USER_INPUT', `There is no matching factor "${factor}".`);
    }
    if (!Number.isFinite(weight) || weight < 0 || weight > 100) {
      throw new DomainError('BAD_USER_INPUT', `The weight of ${factor} must be a number from 0 to 100.`);
    }
    weights[factor === 'interests' ? 'goals' : (factor as keyof typeof weights)] = weight;
  }
  if (!Object.values(weights).some((w) => w > 0)) {
    throw new DomainError('BAD_USER_INPUT', 'At least one matching factor needs a weight above 0.');
  }
  const hard = changes.hardRules ?? {};
  const gap = hard.maxTimezoneGapHours === undefined ? rules.hardRules.maxTimezoneGapHours : hard.maxTimezoneGapHours;
  if (gap !== undefined && gap !== null && (!Number.isFinite(gap) || gap < 0 || gap > 24)) {
    throw new DomainError('BAD_USER_INPUT', 'The largest time-zone gap must be from 0 to 24 hours.');
  }
  const { maxTimezoneGapHours: _gap, ...otherHardRules } = rules.hardRules;
  return {
    ...rules,
    weights,
    hardRules: {
      ...otherHardRules,
      excludeSameDepartment: hard.sameDepartmentNotAllowed ?? rules.hardRules.excludeSameDepartment,
      requireSharedLanguage: hard.sharedLanguageRequired ?? rules.hardRules.requireSharedLanguage,
      ...(gap !== undefined && gap !== null ? { maxTimezoneGapHours: gap } : {}),
    },
  };
}

/** Both mentors scored under the compared rules, with the factors that differ most between them. */
function explainChange(
  mentee: MenteeProfile,
  previous: MentorProfile | undefined,
  next: MentorProfile,
  rules: EngineRules,
): string {
  const now = scorePair(next, mentee, rules);
  if (isExcluded(now)) return `The new mentor is excluded under these rules (${now.excluded}) but was locked in.`;
  const newScore = roundScore(now.score);
  if (!previous) return `New mentor scores ${newScore}; the previous mentor was not in the round's input.`;
  const then = scorePair(previous, mentee, rules);
  if (isExcluded(then)) {
    return `New mentor scores ${newScore}; the previous mentor is excluded under these rules (${then.excluded}).`;
  }
  const contribution = new Map(then.factors.map((f) => [f.name, f.contribution]));
  const differences = now.factors
    .map((f) => ({ name: f.name, delta: f.contribution - (contribution.get(f.name) ?? 0) }))
    .filter((d) => Math.abs(d.delta) >= 0.00005)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, 3)
    .map((d) => `${d.name} ${d.delta > 0 ? '+' : '−'}${roundScore(Math.abs(d.delta))}`);
  return (
    `Under these rules the new mentor scores ${newScore} and the previous one ${roundScore(then.score)}` +
    (differences.length ? ` (largest differences: ${differences.join(', ')}).` : '.')
  );
}
