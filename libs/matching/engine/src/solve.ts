import { type CandidateGraph } from './candidate-graph';
import { countBlockingPairs } from './deferred-acceptance.solver';
import { type ExclusionCounts, generateCandidates, type PreparedRound, prepareRound } from './candidates';
import { type ExplainContext, explainMentee, type MenteeExplanation, type UnmatchedReason } from './explanations';
import { type FlowEngine } from './min-cost-flow.solver';
import { SCORE_SCALE } from './scoring';
import { roundMetrics, type RoundMetrics, solveGraph } from './solve-graph';
import { type MatchingRules, type MenteeProfile, type MentorProfile, type Objective, type SolverName } from './types';

export interface MatchingProblem {
  mentors: MentorProfile[];
  mentees: MenteeProfile[];
  rules: MatchingRules;
}

export interface SolveOptions {
  solver?: SolverName;
  objective?: Objective;
  /** Per-mentee explanations; 'none' skips them (large rounds), default 'all'. */
  explain?: 'all' | 'none';
  /** Full mentor scans for "not a candidate"/"hard rule" explanations only up to this many mentors. */
  fullScanLimit?: number;
}

export interface Assignment {
  menteeId: string;
  mentorId: string;
  score: number;
  /** 1-based position of the mentor in the mentee's own candidate list. */
  rank: number;
}

export interface MatchingResult {
  solver: SolverName;
  objective: Objective;
  assignments: Assignment[];
  unmatched: { menteeId: string; reason: UnmatchedReason['type'] }[];
  explanations: MenteeExplanation[];
  metrics: RoundMetrics;
  /** Mentees whose candidate search had to widen beyond the index. */
  widenedCandidates: number;
  /** For 'fairest': the guaranteed minimum assigned score. */
  minimumScoreGuarantee?: number;
}

export function buildResult(
  round: PreparedRound,
  graph: CandidateGraph,
  assignment: Int32Array,
  meta: {
    solver: SolverName;
    objective: Objective;
    solveTimeMs: number;
    engine?: FlowEngine;
    noFeasible: Map<number, ExclusionCounts>;
    widened: number;
    threshold?: number;
  },
  options: SolveOptions,
): MatchingResult {
  const assignments: Assignment[] = [];
  const unmatched: MatchingResult['unmatched'] = [];
  const explanations: MenteeExplanation[] = [];
  const ctx: ExplainContext = {
    round,
    graph,
    assignment,
    solver: meta.solver,
    noFeasible: meta.noFeasible,
    fullScanLimit: options.fullScanLimit ?? 2000,
  };
  // Computed once for every explanation's search: each would otherwise rescan all unmatched mentees' edges.
  if (meta.engine) {
    ctx.engine = meta.engine;
    ctx.exits = meta.engine.sinkExits();
  }
  for (let i = 0; i < graph.menteeCount; i++) {
    const j = assignment[i]!;
    const menteeId = round.mentees[i]!.profile.id;
    if (j >= 0) {
      for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
        if (graph.edgeMentor[e] !== j) continue;
        assignments.push({
          menteeId,
          mentorId: round.mentors[j]!.profile.id,
          score: graph.edgeScore[e]! / SCORE_SCALE,
          rank: e - graph.edgeStart[i]! + 1,
        });
        break;
      }
    }
    if (options.explain !== 'none' || j < 0) {
      const explanation = explainMentee(ctx, i);
      if (j < 0) unmatched.push({ menteeId, reason: explanation.unmatched?.type ?? 'no-candidates' });
      if (options.explain !== 'none') explanations.push(explanation);
    }
  }
  const result: MatchingResult = {
    solver: meta.solver,
    objective: meta.objective,
    assignments,
    unmatched,
    explanations,
    metrics: roundMetrics(graph, assignment, meta.solveTimeMs),
    widenedCandidates: meta.widened,
  };
  if (meta.threshold !== undefined) result.minimumScoreGuarantee = meta.threshold / SCORE_SCALE;
  return result;
}

/** Scores, prunes and solves one round. */
export function solve(problem: MatchingProblem, options: SolveOptions = {}): MatchingResult {
  const round = prepareRound(problem.mentors, problem.mentees, problem.rules);
  const { graph, widened, noFeasible } = generateCandidates(round);
  const solver = options.solver ?? 'min-cost-flow';
  const objective = options.objective ?? 'max-score';
  const solution = solveGraph(graph, { solver, objective });
  return buildResult(
    round,
    graph,
    solution.assignment,
    {
      solver,
      objective,
      solveTimeMs: solution.solveTimeMs,
      noFeasible,
      widened: widened.length,
      ...(solution.engine ? { engine: solution.engine } : {}),
      ...(solution.threshold !== undefined ? { threshold: solution.threshold } : {}),
    },
    options,
  );
}

/**
 * Blocking pairs of any assignment of the problem's mentees (a manager's edits included): candidate pairs where the
 * mentee prefers that mentor to the one it has and the mentor has a free seat or prefers the mentee to one of its
 * own, counted exactly as the metrics of a solve count them. A pair naming someone outside the problem is ignored;
 * a mentee paired with a mentor outside its candidate list prefers every candidate to that mentor.
 */
export function blockingPairsOf(
  problem: MatchingProblem,
  pairs: readonly { menteeId: string; mentorId: string }[],
): number {
  const round = prepareRound(problem.mentors, problem.mentees, problem.rules);
  const { graph } = generateCandidates(round);
  const assignment = new Int32Array(graph.menteeCount).fill(-1);
  for (const pair of pairs) {
    const i = round.menteeIndex.get(pair.menteeId);
    const j = round.mentorIndex.get(pair.mentorId);
    if (i !== undefined && j !== undefined) assignment[i] = j;
  }
  return countBlockingPairs(graph, assignment);
}
