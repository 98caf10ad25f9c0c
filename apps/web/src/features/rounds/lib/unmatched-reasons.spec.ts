import { describe, expect, it } from 'vitest';
import { orderUnmatched, unmatchedReason } from './unmatched-reasons';

describe('unmatchedReason', () => {
  it("turns the engine's reasons into catalogue keys", () => {
    expect(unmatchedReason('no-feasible-mentor')).toBe('noFeasibleMentor');
    expect(unmatchedReason('capacity-better-used')).toBe('capacityBetterUsed');
    expect(unmatchedReason('removed-by-manager')).toBe('removedByManager');
  });

  it('reads a reason it does not know as "other"', () => {
    expect(unmatchedReason('solar-flare')).toBe('other');
  });
});

describe('orderUnmatched', () => {
  it("lists the manager's removals first, then by name", () => {
    const rows = [
      { menteeName: 'Zoë', reason: 'no-candidates' },
      { menteeName: 'Ben', reason: 'removed-by-manager' },
      { menteeName: 'Ada', reason: 'no-gain' },
    ];
    expect(orderUnmatched(rows, 'en').map((u) => u.menteeName)).toEqual(['Ben', 'Ada', 'Zoë']);
  });
});
