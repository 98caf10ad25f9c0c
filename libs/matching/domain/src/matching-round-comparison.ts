/**
 * "Re-run last spring's round with the new weights and show what changes": the difference between a round's recorded
 * outcome and a re-solve of its recorded input snapshot. Pure: the app solves, this only compares.
 */

export interface OutcomePair {
  menteePersonId: string;
  mentorPersonId: string;
  score: number;
  /** Set by the manager (added, swapped) rather than by the engine. */
  manual?: boolean;
}

export interface RoundOutcome {
  pairs: OutcomePair[];
  unmatched: { menteePersonId: string; reason: string }[];
}

export interface OutcomeMetrics {
  matched: number;
  unmatched: number;
  totalScore: number;
  meanScore: number;
  minScore: number;
  /** Matched share of every mentee considered on either side. */
  coverage: number;
}

export interface KeptPair {
  menteePersonId: string;
  mentorPersonId: string;
  scoreBefore: number;
  scoreAfter: number;
  scoreDelta: number;
}

export interface ChangedPair {
  menteePersonId: string;
  mentorBefore: string;
  mentorAfter: string;
  scoreBefore: number;
  scoreAfter: number;
  scoreDelta: number;
  /** The recorded pair was the manager's, not the engine's: the re-solve did not repeat a manual decision. */
  manualBefore: boolean;
  explanation: string | null;
}

export interface NewlyUnmatched {
  menteePersonId: string;
  mentorBefore: string;
  scoreBefore: number;
  manualBefore: boolean;
  reason: string;
}

export interface NewlyMatched {
  menteePersonId: string;
  mentorAfter: string;
  scoreAfter: number;
  reasonBefore: string;
}

export interface RoundComparison {
  kept: KeptPair[];
  changed: ChangedPair[];
  newlyUnmatched: NewlyUnmatched[];
  newlyMatched: NewlyMatched[];
  metrics: { before: OutcomeMetrics; after: OutcomeMetrics; delta: OutcomeMetrics };
}

/** Says why a mentee's mentor changed (e.g. which weighted factors moved); null when there is nothing to say. */
export type ChangeExplainer = (menteePersonId: string, mentorBefore: string, mentorAfter: string) => string | null;

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
const byMentee = <T extends { menteePersonId: string }>(a: T, b: T): number =>
  a.menteePersonId < b.menteePersonId ? -1 : a.menteePersonId > b.menteePersonId ? 1 : 0;

function indexPairs(outcome: RoundOutcome, side: string): Map<string, OutcomePair> {
  const pairs = new Map<string, OutcomePair>();
  for (const pair of outcome.pairs) {
    if (pairs.has(pair.menteePersonId)) throw new Error(`mentee ${pair.menteePersonId} is paired twice ${side}`);
    pairs.set(pair.menteePersonId, pair);
  }
  return pairs;
}

function metricsOf(pairs: Map<string, OutcomePair>, considered: number): OutcomeMetrics {
  const scores = [...pairs.values()].map((p) => p.score);
  const total = scores.reduce((a, b) => a + b, 0);
  return {
    matched: scores.length,
    unmatched: considered - scores.length,
    totalScore: round4(total),
    meanScore: scores.length ? round4(total / scores.length) : 0,
    minScore: scores.length ? round4(Math.min(...scores)) : 0,
    coverage: considered ? round4(scores.length / considered) : 0,
  };
}

export function compareRoundOutcomes(
  before: RoundOutcome,
  after: RoundOutcome,
  explain: ChangeExplainer = () => null,
): RoundComparison {
  const pairsBefore = indexPairs(before, 'before');
  const pairsAfter = indexPairs(after, 'after');
  const reasonsBefore = new Map(before.unmatched.map((u) => [u.menteePersonId, u.reason]));
  const reasonsAfter = new Map(after.unmatched.map((u) => [u.menteePersonId, u.reason]));
  const mentees = new Set([
    ...pairsBefore.keys(),
    ...pairsAfter.keys(),
    ...reasonsBefore.keys(),
    ...reasonsAfter.keys(),
  ]);

  const comparison: RoundComparison = {
    kept: [],
    changed: [],
    newlyUnmatched: [],
    newlyMatched: [],
    metrics: {
      before: metricsOf(pairsBefore, mentees.size),
      after: metricsOf(pairsAfter, mentees.size),
      delta: metricsOf(new Map(), 0),
    },
  };
  for (const mentee of mentees) {
    const was = pairsBefore.get(mentee);
    const now = pairsAfter.get(mentee);
    if (was && now && was.mentorPersonId === now.mentorPersonId) {
      comparison.kept.push({
        menteePersonId: mentee,
        mentorPersonId: now.mentorPersonId,
        scoreBefore: was.score,
        scoreAfter: now.score,
        scoreDelta: round4(now.score - was.score),
      });
    } else if (was && now) {
      comparison.changed.push({
        menteePersonId: mentee,
        mentorBefore: was.mentorPersonId,
        mentorAfter: now.mentorPersonId,
        scoreBefore: was.score,
        scoreAfter: now.score,
        scoreDelta: round4(now.score - was.score),
        manualBefore: Boolean(was.manual),
        explanation: explain(mentee, was.mentorPersonId, now.mentorPersonId),
      });
    } else if (was) {
      comparison.newlyUnmatched.push({
        menteePersonId: mentee,
        mentorBefore: was.mentorPersonId,
        scoreBefore: was.score,
        manualBefore: Boolean(was.manual),
        reason: reasonsAfter.get(mentee) ?? 'not-considered',
      });
    } else if (now) {
      comparison.newlyMatched.push({
        menteePersonId: mentee,
        mentorAfter: now.mentorPersonId,
        scoreAfter: now.score,
        reasonBefore: reasonsBefore.get(mentee) ?? 'not-considered',
      });
    }
  }
  comparison.kept.sort(byMentee);
  comparison.changed.sort(byMentee);
  comparison.newlyUnmatched.sort(byMentee);
  comparison.newlyMatched.sort(byMentee);
  const { before: b, after: a } = comparison.metrics;
  comparison.metrics.delta = {
    matched: a.matched - b.matched,
    unmatched: a.unmatched - b.unmatched,
    totalScore: round4(a.totalScore - b.totalScore),
    meanScore: round4(a.meanScore - b.meanScore),
    minScore: round4(a.minScore - b.minScore),
    coverage: round4(a.coverage - b.coverage),
  };
  return comparison;
}
