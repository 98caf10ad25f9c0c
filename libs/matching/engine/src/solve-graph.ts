import { type CandidateGraph } from './candidate-graph';
import { countBlockingPairs, solveDeferredAcceptance } from './deferred-acceptance.solver';
import { solveGreedy } from './greedy.solver';
import { FlowEngine } from './min-cost-flow.solver';
import { SCORE_SCALE } from './scoring';
import { type Objective, type SolverName } from './types';

export interface GraphSolveOptions {
  solver: SolverName;
  /** Only the min-cost-flow solver optimises an objective; the others ignore it. */
  objective?: Objective;
}

export interface GraphSolution {
  solver: SolverName;
  objective: Objective;
  /** Mentor index per mentee, or -1 when unmatched. */
  assignment: Int32Array;
  /** The flow state for min-cost flow (duals for explanations, warm start for incremental re-solve). */
  engine?: FlowEngine;
  /** For 'fairest': the guaranteed minimum assigned score (scaled). */
  threshold?: number;
  solveTimeMs: number;
}

export interface RoundMetrics {
  mentees: number;
  mentors: number;
  matched: number;
  coverage: number;
  totalScore: number;
  meanScore: number;
  minScore: number;
  /** Mean 1-based position of the assigned mentor in the mentee's own candidate list. */
  meanRank: number;
  load: { min: number; max: number; meanUtilisation: number; utilisationStdDev: number };
  blockingPairs: number;
  solveTimeMs: number;
}

/**
 * 'fairest' is defined as: let N* be the largest number of mentees that can be matched. Among assignments
 * matching N* mentees, maximise the lowest assigned score t*; among those matching N* mentees with every
 * assigned score ≥ t*, maximise the total score. t* is found by binary search over the distinct edge scores,
 * each probe being a maximum-cardinality b-matching restricted to edges scoring ≥ the probe.
 */
function solveFairest(graph: CandidateGraph): { engine: FlowEngine; threshold: number } {
  const base = FlowEngine.fromGraph(graph, 'cardinality');
  base.solveAll();
  const target = base.matchedCount();
  const total = graph.edgeStart[graph.menteeCount]!;
  const distinct = Array.from(new Set(graph.edgeScore.subarray(0, total))).sort((a, b) => a - b);
  let lo = 0;
  let hi = distinct.length - 1;
  if (target === 0 || hi < 0) {
    const engine = FlowEngine.fromGraph(graph, 'max-matched');
    engine.solveAll();
    return { engine, threshold: 0 };
  }
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const probe = FlowEngine.fromGraph(graph, 'cardinality', distinct[mid]);
    probe.solveAll();
    if (probe.matchedCount() === target) lo = mid;
    else hi = mid - 1;
  }
  const threshold = distinct[lo]!;
  const engine = FlowEngine.fromGraph(graph, 'max-matched', threshold);
  engine.solveAll();
  return { engine, threshold };
}

export function solveGraph(graph: CandidateGraph, options: GraphSolveOptions): GraphSolution {
  const objective = options.objective ?? 'max-score';
  const started = performance.now();
  if (options.solver === 'greedy') {
    const assignment = solveGreedy(graph);
    return { solver: 'greedy', objective, assignment, solveTimeMs: performance.now() - started };
  }
  if (options.solver === 'deferred-acceptance') {
    const assignment = solveDeferredAcceptance(graph);
    return { solver: 'deferred-acceptance', objective, assignment, solveTimeMs: performance.now() - started };
  }
  let engine: FlowEngine;
  let threshold: number | undefined;
  if (objective === 'fairest') ({ engine, threshold } = solveFairest(graph));
  else {
    engine = FlowEngine.fromGraph(graph, objective);
    engine.solveAll();
  }
  const assignment = Int32Array.from(engine.assigned.subarray(0, graph.menteeCount), (a) => (a >= 0 ? a : -1));
  const solution: GraphSolution = {
    solver: 'min-cost-flow',
    objective,
    assignment,
    engine,
    solveTimeMs: performance.now() - started,
  };
  if (threshold !== undefined) solution.threshold = threshold;
  return solution;
}

export function assignedScores(graph: CandidateGraph, assignment: Int32Array): Int32Array {
  const out = new Int32Array(graph.menteeCount).fill(-1);
  for (let i = 0; i < graph.menteeCount; i++) {
    const j = assignment[i]!;
    if (j < 0) continue;
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
      if (graph.edgeMentor[e] === j) {
        out[i] = graph.edgeScore[e]!;
        break;
      }
    }
  }
  return out;
}

export function roundMetrics(graph: CandidateGraph, assignment: Int32Array, solveTimeMs: number): RoundMetrics {
  const n = graph.menteeCount;
  const m = graph.mentorCount;
  const load = new Int32Array(m);
  let matched = 0;
  let total = 0;
  let min = Infinity;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    const j = assignment[i]!;
    if (j < 0) continue;
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
      if (graph.edgeMentor[e] !== j) continue;
      const s = graph.edgeScore[e]!;
      matched++;
      total += s;
      if (s < min) min = s;
      rankSum += e - graph.edgeStart[i]! + 1;
      load[j]!++;
      break;
    }
  }
  let minLoad = Infinity;
  let maxLoad = 0;
  let utilSum = 0;
  let utilSq = 0;
  let withCapacity = 0;
  for (let j = 0; j < m; j++) {
    const cap = graph.capacity[j]!;
    if (cap <= 0) continue;
    withCapacity++;
    const l = load[j]!;
    if (l < minLoad) minLoad = l;
    if (l > maxLoad) maxLoad = l;
    const u = l / cap;
    utilSum += u;
    utilSq += u * u;
  }
  const meanUtil = withCapacity > 0 ? utilSum / withCapacity : 0;
  return {
    mentees: n,
    mentors: m,
    matched,
    coverage: n > 0 ? matched / n : 0,
    totalScore: total / SCORE_SCALE,
    meanScore: matched > 0 ? total / matched / SCORE_SCALE : 0,
    minScore: matched > 0 ? min / SCORE_SCALE : 0,
    meanRank: matched > 0 ? rankSum / matched : 0,
    load: {
      min: withCapacity > 0 ? minLoad : 0,
      max: maxLoad,
      meanUtilisation: meanUtil,
      utilisationStdDev: withCapacity > 0 ? Math.sqrt(Math.max(0, utilSq / withCapacity - meanUtil * meanUtil)) : 0,
    },
    blockingPairs: countBlockingPairs(graph, assignment),
    solveTimeMs,
  };
}
