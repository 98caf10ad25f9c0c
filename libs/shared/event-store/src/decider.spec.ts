import { fold, given } from '@trellis/shared/kernel/testing';
import { tallyDecider } from './testing/tally.fixture';

describe('tally decider (decider pattern used by every aggregate)', () => {
  it('records a tally on an empty stream', () => {
    given(tallyDecider)
      .when({ type: 'Tally', by: 3 })
      .then([{ type: 'Tallied', by: 3 }]);
  });
  it('rejects a non-positive tally', () => {
    given(tallyDecider).when({ type: 'Tally', by: 0 }).thenFails('BAD_USER_INPUT');
  });
  it('refuses changes after closing', () => {
    given(tallyDecider, [{ type: 'Tallied', by: 1 }, { type: 'TallyClosed' }])
      .when({ type: 'Tally', by: 1 })
      .thenFails('CONFLICT');
  });
  it('folds events into state', () => {
    const state = fold(tallyDecider, [
      { type: 'Tallied', by: 2 },
      { type: 'Tallied', by: 5 },
    ]);
    expect(state).toEqual({ total: 7, closed: false });
  });
});
