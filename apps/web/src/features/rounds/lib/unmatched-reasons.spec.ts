import { describe, expect, it } from 'vitest';
import { unmatchedReason } from './unmatched-reasons';

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
