import { buildCandidateGraph, type CandidateEdge, type CandidateGraph, compareEdges } from './candidate-graph';
import {
  candidatesFor,
  type CandidateResult,
  type ExclusionCounts,
  generateCandidates,
  indexMentor,
  mentorKeys,
  newScratch,
  poolPlace,
  type PreparedRound,
  prepareRound,
  unindexMentor,
} from './candidates';
import { FlowEngine, INACTIVE } from './min-cost-flow.solver';
import {
  compileMentee,
  compileMentor,
  exclusionReason,
  factorValues,
  scoreCompiled,
  toScaled,
  weightedScore,
} from './scoring';
import { buildResult, type MatchingProblem, type MatchingResult, type SolveOptions } from './solve';
import { DEFAULT_MENTOR_WEIGHTS, type MenteeProfile, type MentorProfile } from './types';

export type SessionChange =
  | { type: 'add-mentee'; mentee: MenteeProfile }
  | { type: 'remove-mentee'; menteeId: string }
  | { type: 'add-mentor'; mentor: MentorProfile }
  | { type: 'remove-mentor'; mentorId: string }
  | { type: 'set-capacity'; mentorId: string; capacity: number }
  | { type: 'lock'; menteeId: string; mentorId: string }
  | { type: 'forbid'; menteeId: string; mentorId: string };

/**
 * A round kept warm between changes. The min-cost-flow state (assignment + mentor potentials) is an optimality
 * certificate; each change only repairs it locally (one augmentation per mentee that needs a place, one
 * negative-cycle search per freed slot), so the result has the same objective value as a cold solve of the
 * changed round. Objectives: 'max-score' and 'max-matched' ('fairest' needs a threshold search: solve cold).
 * Mentees and mentors added during the session get the next indices, so among equal optima ties follow
 * insertion order rather than id order.
 */
export class MatchingSession {
  private readonly round: PreparedRound;
  private readonly engine: FlowEngine;
  private readonly initial: CandidateGraph;
  private readonly lists = new Map<number, CandidateEdge[]>();
  private readonly removedMentees = new Set<number>();
  /** Mentors taken out, by id → index: one coming back takes its old index, so ties break as in a cold solve. */
  private readonly removedMentors = new Map<string, number>();
  private readonly forbidden = new Set<string>();
  private readonly noFeasible: Map<number, ExclusionCounts>;
  private menteePostings: Map<string, number[]> | null = null;
  private readonly scratch = newScratch();
  private widened: number;
  /** Mentees whose candidates came from a widened search (a new mentor may belong on their list regardless of keys). */
  private readonly widenedMentees = new Set<number>();
  readonly objective: 'max-score' | 'max-matched';

  static create(problem: MatchingProblem, objective: 'max-score' | 'max-matched' = 'max-score'): MatchingSession {
    const round = prepareRound(problem.mentors, problem.mentees, problem.rules);
    return new MatchingSession(round, generateCandidates(round), objective);
  }

  /** Starts from an already prepared round (e.g. the one a cold solve just used); solves it once. */
  constructor(round: PreparedRound, candidates: CandidateResult, objective: 'max-score' | 'max-matched' = 'max-score') {
    this.objective = objective;
    this.round = round;
    this.initial = candidates.graph;
    this.noFeasible = candidates.noFeasible;
    this.widened = candidates.widened.length;
    for (const i of candidates.widened) this.widenedMentees.add(i);
    for (const i of candidates.noFeasible.keys()) this.widenedMentees.add(i);
    this.engine = FlowEngine.fromGraph(this.initial, objective);
    this.engine.solveAll();
    // The indices incremental changes need are built once here rather than inside the first change.
    this.engine.prepareIncremental();
    this.buildMenteePostings();
  }

  private listOf(i: number): CandidateEdge[] {
    const own = this.lists.get(i);
    if (own) return own;
    const g = this.initial;
    const out: CandidateEdge[] = [];
    if (i < g.menteeCount) {
      for (let e = g.edgeStart[i]!; e < g.edgeStart[i + 1]!; e++) {
        out.push({ mentor: g.edgeMentor[e]!, score: g.edgeScore[e]!, mentorScore: g.edgeMentorScore[e]! });
      }
    }
    return out;
  }

  /** Length of mentee i's list and its last entry's score and mentor (-1, -1 when empty). */
  private tailOf(i: number): [number, number, number] {
    const own = this.lists.get(i);
    if (own) {
      const last = own[own.length - 1];
      return [own.length, last ? last.score : -1, last ? last.mentor : -1];
    }
    const g = this.initial;
    if (i >= g.menteeCount) return [0, -1, -1];
    const start = g.edgeStart[i]!;
    const end = g.edgeStart[i + 1]!;
    return end > start ? [end - start, g.edgeScore[end - 1]!, g.edgeMentor[end - 1]!] : [0, -1, -1];
  }

  private mentee(id: string): number {
    const i = this.round.menteeIndex.get(id);
    if (i === undefined || this.removedMentees.has(i)) throw new Error(`unknown mentee ${id}`);
    return i;
  }

  private mentor(id: string): number {
    const j = this.round.mentorIndex.get(id);
    if (j === undefined) throw new Error(`unknown mentor ${id}`);
    return j;
  }

  private setMentorCapacity(j: number, capacity: number): void {
    const compiled = this.round.mentors[j]!;
    const before = compiled.profile.capacity;
    this.round.mentors[j] = { ...compiled, profile: { ...compiled.profile, capacity } };
    this.engine.setCapacity(j, capacity);
    // A mentor without capacity was excluded from every list by the hard rule; offer it again.
    if (before <= 0 && capacity > 0) this.connect(j, false);
    if (before > 0 && capacity <= 0) this.refreshListing(j);
  }

  /**
   * Mentor j lost all its capacity (or left). A cold solve excludes it by the hard rule, so a full list that held
   * it takes the next mentor of the pool instead, and a list left without a mentor that has room widens: every
   * mentee that listed j gets its list searched afresh, exactly as a cold solve would.
   */
  private refreshListing(j: number, extra: readonly number[] = []): void {
    const { engine } = this;
    const mentees = new Set([...engine.menteesListing(j), ...extra]);
    for (const i of [...mentees].sort((a, b) => a - b)) {
      if (this.removedMentees.has(i) || engine.locked[i]) continue;
      const before = this.listOf(i);
      const c = this.research(i, before);
      const kept = new Set(before.map((e) => e.mentor));
      kept.delete(j);
      const onlyDropped = c.edges.length === kept.size && c.edges.every((e) => kept.has(e.mentor));
      // Dropping an edge to a mentor without room leaves every reduced cost as it was; a new edge may not.
      if (onlyDropped && engine.assigned[i] !== j) {
        engine.setEdges(
          i,
          c.edges.map((e) => e.mentor),
          c.edges.map((e) => e.score),
        );
        continue;
      }
      engine.deactivate(i);
      engine.setEdges(
        i,
        c.edges.map((e) => e.mentor),
        c.edges.map((e) => e.score),
      );
      engine.augment(i);
    }
  }

  private listHas(i: number, j: number): boolean {
    const own = this.lists.get(i);
    if (own) return own.some((e) => e.mentor === j);
    const g = this.initial;
    if (i >= g.menteeCount) return false;
    for (let e = g.edgeStart[i]!; e < g.edgeStart[i + 1]!; e++) if (g.edgeMentor[e] === j) return true;
    return false;
  }

  /** Whether mentor j, back in mentee i's pool, would take a place on its list (the list as it is otherwise). */
  private wouldEnter(i: number, j: number): boolean {
    const { round } = this;
    if (this.listHas(i, j) || this.forbidden.has(`${i}:${j}`)) return false;
    const mentor = round.mentors[j]!;
    const mentee = round.mentees[i]!;
    if (exclusionReason(mentor, mentee, round.rules)) return false;
    const [length, lastScore, lastMentor] = this.tailOf(i);
    if (length < Math.max(1, round.rules.topK)) return true;
    factorValues(mentor, mentee, round.rules, this.scratch.values);
    const score = toScaled(weightedScore(this.scratch.values, round.rules.weights));
    return score > lastScore || (score === lastScore && j < lastMentor);
  }

  /** Mentee i's candidates searched afresh, with the widened and no-feasible bookkeeping a cold search keeps. */
  private research(i: number, before: readonly CandidateEdge[]): { edges: CandidateEdge[] } {
    const c = candidatesFor(this.round, this.round.mentees[i]!, this.scratch);
    if (this.widenedMentees.has(i) && before.length > 0) this.widened--;
    if (c.stage > 0 && c.edges.length > 0) this.widened++;
    if (c.stage > 0) this.widenedMentees.add(i);
    else this.widenedMentees.delete(i);
    if (c.exclusions) this.noFeasible.set(i, c.exclusions);
    else this.noFeasible.delete(i);
    this.lists.set(i, c.edges);
    return c;
  }

  /**
   * Takes mentor j out of the round as if it had never been in it: out of the posting lists (the windows it held a
   * place in move on to the next mentor of the ring) and out of every list. Its index stays allocated.
   */
  private removeMentor(j: number): void {
    const { round } = this;
    const mentor = round.mentors[j]!;
    const postings = this.menteePostings ?? this.buildMenteePostings();
    const displaced: number[] = [];
    const positions = new Map<number[], number>();
    const seen = new Uint8Array(round.mentees.length);
    for (const key of mentorKeys(mentor)) {
      for (const i of postings.get(key) ?? []) {
        if (seen[i] || this.removedMentees.has(i)) continue;
        seen[i] = 1;
        // Symmetric to an arrival: without j, the mentors it had pushed out of a window come back.
        const place = poolPlace(round, round.mentees[i]!, j, true, positions);
        // A widened list came from an empty pool, which a returning mentor may fill: searched afresh.
        const widened = this.widenedMentees.has(i) && place.evicted.length > 0;
        if (place.displaced || widened || place.evicted.some((e) => this.wouldEnter(i, e))) displaced.push(i);
      }
    }
    unindexMentor(round, mentor);
    round.mentorIndex.delete(mentor.profile.id);
    this.removedMentors.set(mentor.profile.id, j);
    const before = mentor.profile.capacity;
    round.mentors[j] = { ...mentor, profile: { ...mentor.profile, capacity: 0 } };
    this.engine.setCapacity(j, 0);
    if (before > 0 || displaced.length > 0) this.refreshListing(j, displaced);
  }

  apply(change: SessionChange): void {
    const { round, engine } = this;
    switch (change.type) {
      case 'add-mentee': {
        if (round.menteeIndex.has(change.mentee.id)) throw new Error(`duplicate mentee ${change.mentee.id}`);
        const i = round.mentees.length;
        const compiled = compileMentee(change.mentee, round.rules, i);
        round.mentees.push(compiled);
        round.menteeIndex.set(change.mentee.id, i);
        const c = candidatesFor(round, compiled, this.scratch);
        if (c.stage > 0 && c.edges.length > 0) this.widened++;
        if (c.stage > 0) this.widenedMentees.add(i);
        if (c.exclusions) this.noFeasible.set(i, c.exclusions);
        this.lists.set(i, c.edges);
        if (this.menteePostings) this.indexMentee(i);
        engine.addMentee(
          c.edges.map((e) => e.mentor),
          c.edges.map((e) => e.score),
        );
        return;
      }
      case 'remove-mentee': {
        const i = this.mentee(change.menteeId);
        engine.removeMentee(i);
        this.removedMentees.add(i);
        round.menteeIndex.delete(change.menteeId);
        return;
      }
      case 'add-mentor': {
        if (round.mentorIndex.has(change.mentor.id)) throw new Error(`duplicate mentor ${change.mentor.id}`);
        const back = this.removedMentors.get(change.mentor.id);
        if (back !== undefined) {
          this.reviveMentor(back, change.mentor);
          return;
        }
        const j = engine.addMentor(change.mentor.capacity);
        const compiled = compileMentor(change.mentor, round.rules, j);
        round.mentors.push(compiled);
        round.mentorIndex.set(change.mentor.id, j);
        indexMentor(round, compiled);
        this.connect(j, true);
        return;
      }
      case 'remove-mentor':
        this.removeMentor(this.mentor(change.mentorId));
        return;
      case 'set-capacity':
        this.setMentorCapacity(this.mentor(change.mentorId), Math.max(0, change.capacity));
        return;
      case 'forbid': {
        const i = this.mentee(change.menteeId);
        const j = this.mentor(change.mentorId);
        this.forbidden.add(`${i}:${j}`);
        // Recorded as a block so any later candidate search for this mentee excludes the pair too.
        round.mentees[i]!.blocked.add(round.mentors[j]!.profile.id);
        if (engine.locked[i]) {
          this.lists.set(
            i,
            this.listOf(i).filter((e) => e.mentor !== j),
          );
          engine.forbid(i, j);
          return;
        }
        // As in a cold solve the pool's next mentor takes j's place on a full list, and a list left without a
        // mentor that has room widens.
        const c = this.research(i, this.listOf(i));
        engine.deactivate(i);
        engine.setEdges(
          i,
          c.edges.map((e) => e.mentor),
          c.edges.map((e) => e.score),
        );
        engine.augment(i);
        return;
      }
      case 'lock': {
        const i = this.mentee(change.menteeId);
        const j = this.mentor(change.mentorId);
        const scored = scoreCompiled(round.mentors[j]!, round.mentees[i]!, round.rules);
        if ('excluded' in scored) throw new Error(`cannot lock an excluded pair (${scored.excluded})`);
        const existing = this.listOf(i).find((e) => e.mentor === j);
        const edge = existing ?? { mentor: j, score: toScaled(scored.score), mentorScore: toScaled(scored.score) };
        this.lists.set(i, [edge]);
        engine.lock(i, j, edge.score);
        return;
      }
    }
  }

  private buildMenteePostings(): Map<string, number[]> {
    const postings = new Map<string, number[]>();
    this.menteePostings = postings;
    for (let i = 0; i < this.round.mentees.length; i++) if (!this.removedMentees.has(i)) this.indexMentee(i);
    return postings;
  }

  private indexMentee(i: number): void {
    const postings = this.menteePostings!;
    const p = this.round.mentees[i]!.profile;
    const keys = new Set([...p.seeks.map((s) => `s:${s.skill}`), ...(p.goals ?? []).map((g) => `t:${g}`)]);
    for (const key of keys) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(i);
    }
  }

  /**
   * Offers mentor j (new, or back from capacity 0) to the mentees sharing a skill or topic with it (and those naming
   * it a favourite): it enters a mentee's list when it lies in the pool a cold candidate search would draw (see
   * `poolPlace`) and beats that list's last entry or the list is shorter than topK. A mentee whose pool a new mentor
   * changed by more than itself (it pushed another mentor out of a window), and a widened mentee, gets its list
   * rebuilt exactly as a cold search would build it.
   */
  private connect(j: number, inserted: boolean): void {
    const { round } = this;
    const postings = this.menteePostings ?? this.buildMenteePostings();
    const mentor = round.mentors[j]!;
    // Marks instead of a set: tens of thousands of mentees share a popular skill.
    const reached = new Uint8Array(round.mentees.length);
    for (const key of mentorKeys(mentor)) for (const i of postings.get(key) ?? []) reached[i] = 1;
    for (const i of this.widenedMentees) reached[i] = 1;
    for (let i = 0; i < round.mentees.length; i++) {
      if (round.mentees[i]!.favourites.has(mentor.profile.id)) reached[i] = 1;
    }
    const values = this.scratch.values;
    const updates: { mentee: number; mentors: number[]; scores: number[] }[] = [];
    const rebuilt: number[] = [];
    const k = Math.max(1, round.rules.topK);
    const mentorWeights = round.rules.mentorWeights ?? DEFAULT_MENTOR_WEIGHTS;
    const positions = new Map<number[], number>();
    const rebuild = (i: number): void => {
      const c = this.research(i, this.listOf(i));
      // The new list may bring other mentors too, so the mentee is re-added rather than patched.
      rebuilt.push(i);
      updates.push({ mentee: i, mentors: c.edges.map((e) => e.mentor), scores: c.edges.map((e) => e.score) });
    };
    for (let i = 0; i < reached.length; i++) {
      if (!reached[i] || this.removedMentees.has(i) || this.engine.locked[i] || this.forbidden.has(`${i}:${j}`))
        continue;
      const mentee = round.mentees[i]!;
      const widened = this.widenedMentees.has(i);
      // Checked before the hard rules: an excluded mentor still takes its place in a window.
      const place = widened ? null : poolPlace(round, mentee, j, inserted, positions);
      // The pool gained j and lost the mentors it pushed out: a list holding one of those is searched afresh, any
      // other only has to consider j, as below.
      if (place && (place.displaced || place.evicted.some((e) => this.listHas(i, e)))) {
        rebuild(i);
        continue;
      }
      if (exclusionReason(mentor, mentee, round.rules)) continue;
      if (widened) {
        // A widened list was the fallback for an empty pool; with a feasible new mentor the pool a cold solve
        // would draw may no longer be empty.
        rebuild(i);
        continue;
      }
      // Same rule as a cold candidate search: only a mentor inside the mentee's pool can enter its list.
      if (!mentee.favourites.has(mentor.profile.id) && !place?.contains) continue;
      factorValues(mentor, mentee, round.rules, values);
      const score = toScaled(weightedScore(values, round.rules.weights));
      // Most reached mentees already hold a full list that beats the new mentor: decide that from the list's
      // last entry without materialising the list.
      const [length, lastScore, lastMentor] = this.tailOf(i);
      if (length >= k && (score < lastScore || (score === lastScore && j > lastMentor))) continue;
      const edge: CandidateEdge = {
        mentor: j,
        score,
        mentorScore: toScaled(weightedScore(values, mentorWeights, true)),
      };
      const list = this.listOf(i);
      if (list.some((e) => e.mentor === j)) continue;
      const last = list[list.length - 1];
      if (list.length >= k && last && compareEdges(edge, last) > 0) continue;
      const next = [...list, edge].sort(compareEdges).slice(0, Math.max(k, list.length));
      this.lists.set(i, next);
      this.noFeasible.delete(i);
      updates.push({ mentee: i, mentors: next.map((e) => e.mentor), scores: next.map((e) => e.score) });
    }
    for (const i of rebuilt) this.engine.deactivate(i);
    this.engine.connectMentor(j, updates);
    for (const i of rebuilt) if (this.engine.assigned[i] === INACTIVE) this.engine.augment(i);
  }

  /**
   * A mentor taken out comes back (possibly with another profile) at its old index: a cold solve orders mentors by
   * id, and equal scores at the end of a list break by that order.
   */
  private reviveMentor(j: number, profile: MentorProfile): void {
    const { round } = this;
    this.removedMentors.delete(profile.id);
    const compiled = compileMentor(profile, round.rules, j);
    round.mentors[j] = compiled;
    round.mentorIndex.set(profile.id, j);
    indexMentor(round, compiled);
    this.engine.setCapacity(j, Math.max(0, profile.capacity));
    this.connect(j, true);
  }

  /** Matched count and total scaled score of the current optimum. */
  objectiveValue(): { matched: number; totalScore: number } {
    return { matched: this.engine.matchedCount(), totalScore: this.engine.totalScore() };
  }

  /** The current candidate graph (removed mentees keep their index with an empty list). */
  graph(): CandidateGraph {
    const lists: CandidateEdge[][] = [];
    for (let i = 0; i < this.round.mentees.length; i++) lists.push(this.removedMentees.has(i) ? [] : this.listOf(i));
    return buildCandidateGraph(
      this.round.mentors.map((m) => Math.max(0, m.profile.capacity)),
      lists,
    );
  }

  /** Each active, unlocked mentee's candidate mentors by id, best first: what a cold search would list for it. */
  candidateLists(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (let i = 0; i < this.round.mentees.length; i++) {
      if (this.removedMentees.has(i) || this.engine.locked[i]) continue;
      out.set(
        this.round.mentees[i]!.profile.id,
        this.listOf(i).map((e) => this.round.mentors[e.mentor]!.profile.id),
      );
    }
    return out;
  }

  lockedMentees(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.round.mentees.length; i++) if (this.engine.locked[i]) out.push(i);
    return out;
  }

  result(options: SolveOptions = {}): MatchingResult {
    const graph = this.graph();
    const assignment = Int32Array.from(this.engine.assigned.subarray(0, graph.menteeCount), (a) => (a >= 0 ? a : -1));
    const full = buildResult(
      this.round,
      graph,
      assignment,
      {
        solver: 'min-cost-flow',
        objective: this.objective,
        solveTimeMs: 0,
        engine: this.engine,
        noFeasible: this.noFeasible,
        widened: this.widened,
      },
      options,
    );
    const removed = new Set([...this.removedMentees].map((i) => this.round.mentees[i]!.profile.id));
    return {
      ...full,
      unmatched: full.unmatched.filter((u) => !removed.has(u.menteeId)),
      explanations: full.explanations.filter((e) => !removed.has(e.menteeId)),
      metrics: {
        ...full.metrics,
        mentees: full.metrics.mentees - removed.size,
        coverage: full.metrics.matched / Math.max(1, full.metrics.mentees - removed.size),
      },
    };
  }

  isActive(menteeId: string): boolean {
    const i = this.round.menteeIndex.get(menteeId);
    return i !== undefined && this.engine.assigned[i] !== INACTIVE;
  }
}
