import { type CandidateGraph } from './candidate-graph';
import { type ExclusionCounts, type PreparedRound } from './candidates';
import { matchHints, type MatchHint } from './match-hints';
import { type FlowEngine, type SinkExits } from './min-cost-flow.solver';
import { exclusionReason, SCORE_SCALE, scoreCompiled } from './scoring';
import { type ExclusionReason, type FactorContribution, type SolverName } from './types';

export type NotBestReason =
  /** The best mentor's capacity went to mentees where it adds more total fit. */
  | {
      type: 'capacity-better-used';
      bestMentorId: string;
      bestScore: number;
      /** Total fit lost (score units) if this mentee were forced onto its best mentor instead. */
      totalFitLoss: number;
      /** Mentees that would have to move (or lose their mentor) to make room. */
      menteesDisplaced: number;
      /** Under 'max-matched'/'fairest', how many mentees would end up unmatched in exchange. */
      matchesLost: number;
    }
  | { type: 'mentor-preferred-others'; bestMentorId: string; bestScore: number }
  | { type: 'taken-by-higher-scoring-pairs'; bestMentorId: string; bestScore: number }
  | { type: 'hard-rule'; bestMentorId: string; bestScore: number; rule: ExclusionReason }
  | { type: 'not-a-candidate'; bestMentorId: string; bestScore: number };

export type UnmatchedReason =
  | { type: 'no-feasible-mentor'; excludedBy: ExclusionCounts }
  | { type: 'no-candidates' }
  | { type: 'capacity-better-used'; bestMentorId: string; totalFitLoss: number; matchesLost: number }
  | { type: 'no-gain'; bestMentorId: string }
  | { type: 'candidates-full'; bestMentorId: string; solver: SolverName };

export interface MenteeExplanation {
  menteeId: string;
  mentorId?: string;
  score?: number;
  factors?: FactorContribution[];
  /** Present when the mentee did not get its best-scoring mentor. */
  notBest?: NotBestReason;
  unmatched?: UnmatchedReason;
  /** For an unmatched mentee: what would match them, from the round's own pool. */
  hints?: MatchHint[];
}

export interface ExplainContext {
  round: PreparedRound;
  graph: CandidateGraph;
  assignment: Int32Array;
  solver: SolverName;
  engine?: FlowEngine;
  /** The engine's sink exits, computed once for all the round's explanations. */
  exits?: SinkExits;
  noFeasible: Map<number, ExclusionCounts>;
  /** Scan all mentors for a mentee's true best (catches pruning and hard rules) when there are at most this many. */
  fullScanLimit: number;
}

function bestOverall(ctx: ExplainContext, i: number): { mentor: number; score: number } | null {
  const { round } = ctx;
  if (round.mentors.length > ctx.fullScanLimit) return null;
  let best: { mentor: number; score: number } | null = null;
  const mentee = round.mentees[i]!;
  for (const mentor of round.mentors) {
    if (mentor.profile.id === mentee.profile.id || mentor.profile.capacity <= 0) continue;
    const relaxed = {
      ...round.rules,
      hardRules: { excludeReportingLine: false, excludeSameDepartment: false, requireSharedLanguage: false },
    };
    const r = scoreCompiled(mentor, mentee, relaxed);
    if ('excluded' in r) continue;
    if (!best || r.score > best.score) best = { mentor: mentor.index, score: r.score };
  }
  return best;
}

export function explainMentee(ctx: ExplainContext, i: number): MenteeExplanation {
  const { round, graph, assignment } = ctx;
  const mentee = round.mentees[i]!;
  const out: MenteeExplanation = { menteeId: mentee.profile.id };
  const start = graph.edgeStart[i]!;
  const end = graph.edgeStart[i + 1]!;
  const j = assignment[i]!;
  const bestCandidate = start < end ? graph.edgeMentor[start]! : -1;
  const bestCandidateScore = start < end ? graph.edgeScore[start]! / SCORE_SCALE : 0;

  if (j >= 0) {
    const scored = scoreCompiled(round.mentors[j]!, mentee, round.rules);
    out.mentorId = round.mentors[j]!.profile.id;
    if (!('excluded' in scored)) {
      out.score = scored.score;
      out.factors = scored.factors;
    }
    // Pruning or a hard rule may hide a better mentor; check it first when the round is small enough.
    const overall = bestOverall(ctx, i);
    if (overall && overall.score > (out.score ?? 0) && overall.mentor !== j) {
      const rule = exclusionReason(round.mentors[overall.mentor]!, mentee, round.rules);
      const inList = graph.edgeMentor.subarray(start, end).includes(overall.mentor);
      if (rule) {
        out.notBest = {
          type: 'hard-rule',
          bestMentorId: round.mentors[overall.mentor]!.profile.id,
          bestScore: overall.score,
          rule,
        };
        return out;
      }
      if (!inList) {
        out.notBest = {
          type: 'not-a-candidate',
          bestMentorId: round.mentors[overall.mentor]!.profile.id,
          bestScore: overall.score,
        };
        return out;
      }
    }
    if (bestCandidate < 0 || bestCandidate === j || graph.edgeScore[start]! <= (out.score ?? 0) * SCORE_SCALE)
      return out;
    const bestMentorId = round.mentors[bestCandidate]!.profile.id;
    if (ctx.solver === 'min-cost-flow' && ctx.engine) {
      const change = ctx.engine.forcedChange(i, bestCandidate, ctx.exits);
      if (change) {
        out.notBest = {
          type: 'capacity-better-used',
          bestMentorId,
          bestScore: bestCandidateScore,
          totalFitLoss: -change.scoreDelta / SCORE_SCALE,
          menteesDisplaced: change.moves.length - 1,
          matchesLost: Math.max(0, -change.matchedDelta),
        };
      }
    } else if (ctx.solver === 'deferred-acceptance') {
      out.notBest = { type: 'mentor-preferred-others', bestMentorId, bestScore: bestCandidateScore };
    } else {
      out.notBest = { type: 'taken-by-higher-scoring-pairs', bestMentorId, bestScore: bestCandidateScore };
    }
    return out;
  }

  const excludedBy = ctx.noFeasible.get(i);
  if (excludedBy) out.unmatched = { type: 'no-feasible-mentor', excludedBy };
  else if (bestCandidate < 0) out.unmatched = { type: 'no-candidates' };
  else {
    const bestMentorId = round.mentors[bestCandidate]!.profile.id;
    if (ctx.solver === 'min-cost-flow' && ctx.engine) {
      const change = ctx.engine.forcedChange(i, bestCandidate, ctx.exits);
      if (change && change.scoreDelta >= 0 && change.matchedDelta >= 0)
        out.unmatched = { type: 'no-gain', bestMentorId };
      else {
        out.unmatched = {
          type: 'capacity-better-used',
          bestMentorId,
          totalFitLoss: change ? -change.scoreDelta / SCORE_SCALE : Infinity,
          matchesLost: change ? Math.max(0, -change.matchedDelta) : 0,
        };
      }
    } else out.unmatched = { type: 'candidates-full', bestMentorId, solver: ctx.solver };
  }
  out.hints = matchHints(round, graph, i);
  return out;
}
