import { compareRoundOutcomes, type RoundOutcome } from './matching-round-comparison';

const recorded: RoundOutcome = {
  pairs: [
    { menteePersonId: 'e1', mentorPersonId: 'm1', score: 0.8 },
    { menteePersonId: 'e2', mentorPersonId: 'm2', score: 0.6 },
    { menteePersonId: 'e3', mentorPersonId: 'm2', score: 0.5, manual: true },
    { menteePersonId: 'e4', mentorPersonId: 'm3', score: 0.4 },
  ],
  unmatched: [{ menteePersonId: 'e5', reason: 'no-feasible-mentor' }],
};

describe('compareRoundOutcomes', () => {
  it('given the same outcome, when compared, then everything is kept and every delta is zero', () => {
    const comparison = compareRoundOutcomes(recorded, recorded);
    expect(comparison.kept.map((k) => k.menteePersonId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(comparison.changed).toEqual([]);
    expect(comparison.newlyMatched).toEqual([]);
    expect(comparison.newlyUnmatched).toEqual([]);
    expect(comparison.metrics.delta).toEqual({
      matched: 0,
      unmatched: 0,
      totalScore: 0,
      meanScore: 0,
      minScore: 0,
      coverage: 0,
    });
    expect(comparison.metrics.before).toEqual({
      matched: 4,
      unmatched: 1,
      totalScore: 2.3,
      meanScore: 0.575,
      minScore: 0.4,
      coverage: 0.8,
    });
  });

  it('given a re-solve that moves, drops and adds mentees, when compared, then each lands in its own list', () => {
    const resolved: RoundOutcome = {
      pairs: [
        { menteePersonId: 'e1', mentorPersonId: 'm1', score: 0.85 },
        { menteePersonId: 'e2', mentorPersonId: 'm3', score: 0.7 },
        { menteePersonId: 'e3', mentorPersonId: 'm1', score: 0.65 },
        { menteePersonId: 'e5', mentorPersonId: 'm2', score: 0.3 },
      ],
      unmatched: [{ menteePersonId: 'e4', reason: 'capacity-better-used' }],
    };
    const explained: string[] = [];
    const comparison = compareRoundOutcomes(recorded, resolved, (mentee, before, after) => {
      explained.push(mentee);
      return `${mentee}: ${before} → ${after}`;
    });

    expect(comparison.kept).toEqual([
      { menteePersonId: 'e1', mentorPersonId: 'm1', scoreBefore: 0.8, scoreAfter: 0.85, scoreDelta: 0.05 },
    ]);
    expect(comparison.changed).toEqual([
      {
        menteePersonId: 'e2',
        mentorBefore: 'm2',
        mentorAfter: 'm3',
        scoreBefore: 0.6,
        scoreAfter: 0.7,
        scoreDelta: 0.1,
        manualBefore: false,
        explanation: 'e2: m2 → m3',
      },
      {
        menteePersonId: 'e3',
        mentorBefore: 'm2',
        mentorAfter: 'm1',
        scoreBefore: 0.5,
        scoreAfter: 0.65,
        scoreDelta: 0.15,
        manualBefore: true,
        explanation: 'e3: m2 → m1',
      },
    ]);
    // Only changed pairs are explained.
    expect(explained.sort()).toEqual(['e2', 'e3']);
    expect(comparison.newlyUnmatched).toEqual([
      {
        menteePersonId: 'e4',
        mentorBefore: 'm3',
        scoreBefore: 0.4,
        manualBefore: false,
        reason: 'capacity-better-used',
      },
    ]);
    expect(comparison.newlyMatched).toEqual([
      { menteePersonId: 'e5', mentorAfter: 'm2', scoreAfter: 0.3, reasonBefore: 'no-feasible-mentor' },
    ]);
    expect(comparison.metrics.after).toMatchObject({ matched: 4, unmatched: 1, totalScore: 2.5, minScore: 0.3 });
    expect(comparison.metrics.delta).toEqual({
      matched: 0,
      unmatched: 0,
      totalScore: 0.2,
      meanScore: 0.05,
      minScore: -0.1,
      coverage: 0,
    });
  });

  it('given mentees only one side considered, when compared, then coverage counts everyone seen on either side', () => {
    const comparison = compareRoundOutcomes(
      { pairs: [{ menteePersonId: 'e1', mentorPersonId: 'm1', score: 1 }], unmatched: [] },
      { pairs: [], unmatched: [{ menteePersonId: 'e2', reason: 'no-candidates' }] },
    );
    expect(comparison.newlyUnmatched).toEqual([
      { menteePersonId: 'e1', mentorBefore: 'm1', scoreBefore: 1, manualBefore: false, reason: 'not-considered' },
    ]);
    expect(comparison.metrics.before).toMatchObject({ matched: 1, unmatched: 1, coverage: 0.5 });
    expect(comparison.metrics.after).toMatchObject({ matched: 0, unmatched: 2, meanScore: 0, coverage: 0 });
    expect(comparison.metrics.delta).toMatchObject({ matched: -1, coverage: -0.5, meanScore: -1 });
  });

  it('given an outcome that pairs a mentee twice, when compared, then it is refused', () => {
    const twice: RoundOutcome = {
      pairs: [
        { menteePersonId: 'e1', mentorPersonId: 'm1', score: 1 },
        { menteePersonId: 'e1', mentorPersonId: 'm2', score: 1 },
      ],
      unmatched: [],
    };
    expect(() => compareRoundOutcomes(recorded, twice)).toThrow(/e1 is paired twice after/);
  });
});
