export * from './types';
export { scorePair, isExcluded, SCORE_SCALE } from './scoring';
export { timezoneOffsetMinutes, overlapMinutes, toUtcIntervals } from './availability';
export { type CandidateGraph, type CandidateEdge, buildCandidateGraph } from './candidate-graph';
export {
  prepareRound,
  generateCandidates,
  type PreparedRound,
  type CandidateResult,
  type ExclusionCounts,
} from './candidates';
export { FlowEngine, type FlowObjective, type ForcedChange, type SinkExits } from './min-cost-flow.solver';
export { solveDeferredAcceptance, countBlockingPairs } from './deferred-acceptance.solver';
export { solveGreedy } from './greedy.solver';
export { solveGraph, roundMetrics, type GraphSolution, type GraphSolveOptions, type RoundMetrics } from './solve-graph';
export { type MenteeExplanation, type NotBestReason, type UnmatchedReason } from './explanations';
export { matchHints, type MatchHint, type MatchHintType } from './match-hints';
export {
  solve,
  blockingPairsOf,
  type MatchingProblem,
  type MatchingResult,
  type SolveOptions,
  type Assignment,
} from './solve';
export { MatchingSession, type SessionChange } from './session';
