import {
  isExcluded,
  scorePair,
  solve,
  type ExclusionReason,
  type FactorContribution,
  type MatchHint,
  type MenteeExplanation,
} from '@trellis/matching/engine';
import { roundScore, type RoundState } from '@trellis/matching/domain';
import { toEngineSolve } from './engine-input';
import type { RoundInputSnapshot } from './round-snapshots';

/**
 * Why a mentee did not get the mentor that fits them best. `fit-better-used`: that mentor's places went to mentees
 * whose pairing adds `fitPoints` more fit in total (points are score × 100) than placing this mentee there;
 * `matches-lost`: placing them there would leave `matchesLost` mentees without a mentor; `hard-rule`: a rule of the
 * program excludes the pair; `mentor-preferred-others`: under the stable objective the mentor ranked the mentees
 * they got higher; `capacity`: the mentor's places were taken before this mentee's turn; `not-a-candidate`: the
 * mentor was not among the candidates the engine considers for this mentee.
 */
export interface NotFirstChoice {
  type: 'fit-better-used' | 'matches-lost' | 'hard-rule' | 'mentor-preferred-others' | 'capacity' | 'not-a-candidate';
  bestMentorPersonId: string;
  /** The best mentor's fit with this mentee, in [0,1]. */
  bestScore: number;
  /** Places the best mentor had in the round. */
  bestMentorPlaces: number;
  fitPoints: number | null;
  menteesDisplaced: number | null;
  matchesLost: number | null;
  rule: ExclusionReason | null;
}

/** Why mentees did not get their best mentor, and what would match the unmatched, by mentee. */
export interface RoundChoices {
  notFirstChoice: Map<string, NotFirstChoice>;
  hints: Map<string, MatchHint[]>;
}

/** A round input's solve with every explanation, and its mentors' places: the costly part, shared by edits. */
export interface SolvedExplanations {
  byMentee: Map<string, MenteeExplanation>;
  places: Map<string, number>;
}

export const noChoices = (): RoundChoices => ({ notFirstChoice: new Map(), hints: new Map() });

/**
 * Each pair's factor breakdown under the rules the round was solved with (none for a pair outside its input), scored
 * when asked for: a page of a round asks for its own pairs only.
 */
export function pairFactors(
  round: RoundState,
  snapshot: RoundInputSnapshot,
): (menteePersonId: string) => FactorContribution[] {
  const { problem } = snapshot;
  const mentors = new Map(problem.mentors.map((m) => [m.id, m]));
  const mentees = new Map(problem.mentees.map((m) => [m.id, m]));
  const scored = new Map<string, FactorContribution[]>();
  return (menteePersonId) => {
    const known = scored.get(menteePersonId);
    if (known) return known;
    const pair = round.pairs[menteePersonId];
    const mentor = pair && mentors.get(pair.mentorPersonId);
    const mentee = mentees.get(menteePersonId);
    if (!mentor || !mentee) return [];
    const score = scorePair(mentor, mentee, problem.rules);
    const factors = isExcluded(score) ? [] : score.factors;
    scored.set(menteePersonId, factors);
    return factors;
  };
}

/** The recorded input solved again with explanations on: the engine is deterministic, so this is the computation. */
export function solveExplanations(snapshot: RoundInputSnapshot): SolvedExplanations {
  const result = solve(snapshot.problem, { ...toEngineSolve(snapshot.objective), explain: 'all' });
  return {
    byMentee: new Map(result.explanations.map((e) => [e.menteeId, e])),
    places: new Map(snapshot.problem.mentors.map((m) => [m.id, m.capacity])),
  };
}

/**
 * The explanations that still hold for the round as it is: a mentee's is kept only while the round pairs them as the
 * computation did (or leaves them unmatched) — a manager's lock, swap or addition made since is its own reason.
 */
export function roundChoices(round: RoundState, solved: SolvedExplanations): RoundChoices {
  const out = noChoices();
  for (const [menteeId, explanation] of solved.byMentee) {
    const pair = round.pairs[menteeId];
    if (pair && !pair.manual && pair.mentorPersonId === explanation.mentorId && explanation.notBest) {
      out.notFirstChoice.set(menteeId, notFirstChoice(explanation, solved.places));
    } else if (!pair && menteeId in round.unmatched && explanation.hints) {
      out.hints.set(menteeId, explanation.hints);
    }
  }
  return out;
}

function notFirstChoice(explanation: MenteeExplanation, places: ReadonlyMap<string, number>): NotFirstChoice {
  const reason = explanation.notBest!;
  const base = {
    bestMentorPersonId: reason.bestMentorId,
    bestScore: roundScore(reason.bestScore),
    bestMentorPlaces: places.get(reason.bestMentorId) ?? 0,
    fitPoints: null,
    menteesDisplaced: null,
    matchesLost: null,
    rule: null,
  };
  switch (reason.type) {
    case 'capacity-better-used':
      return {
        ...base,
        type: reason.matchesLost > 0 ? 'matches-lost' : 'fit-better-used',
        fitPoints: Math.round(reason.totalFitLoss * 100),
        menteesDisplaced: reason.menteesDisplaced,
        matchesLost: reason.matchesLost,
      };
    case 'hard-rule':
      return { ...base, type: 'hard-rule', rule: reason.rule };
    case 'mentor-preferred-others':
      return { ...base, type: 'mentor-preferred-others' };
    case 'taken-by-higher-scoring-pairs':
      return { ...base, type: 'capacity' };
    case 'not-a-candidate':
      return { ...base, type: 'not-a-candidate' };
  }
}
