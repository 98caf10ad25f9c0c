import { spreadScore } from './recommendations.service';

describe('recommendation spreading', () => {
  it('keeps the fit score for a mentor nobody has asked', () => {
    expect(spreadScore(0.8, 0, 2, 0.5)).toBe(0.8);
  });

  it('ranks a slightly better but already-requested mentor below an unasked one', () => {
    const popular = spreadScore(0.85, 2, 1, 0.5); // two open requests for the last seat
    const quiet = spreadScore(0.8, 0, 1, 0.5);
    expect(popular).toBeLessThan(quiet);
  });

  it('discounts by demand per free seat, not by raw request count', () => {
    expect(spreadScore(0.8, 2, 4, 0.5)).toBeGreaterThan(spreadScore(0.8, 2, 1, 0.5));
    expect(spreadScore(0.8, 1, 0, 0.5)).toBe(0);
  });
});
