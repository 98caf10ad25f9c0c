import { DomainError } from './errors';
import { tallyDecider, type TallyCommand, type TallyEvent, type TallyState } from './testing/tally.fixture';

// given/when/then over the pure decider: no database, no broker.
function given(...events: TallyEvent[]) {
  const state = events.reduce<TallyState>(tallyDecider.evolve, tallyDecider.initialState());
  return {
    when: (command: TallyCommand) => ({
      then: (expected: TallyEvent[]) => expect(tallyDecider.decide(command, state)).toEqual(expected),
      thenFails: (code: DomainError['code']) => {
        expect(() => tallyDecider.decide(command, state)).toThrow(DomainError);
        try {
          tallyDecider.decide(command, state);
        } catch (error) {
          expect((error as DomainError).code).toBe(code);
        }
      },
    }),
  };
}

describe('tally decider (decider pattern used by every aggregate)', () => {
  it('records a tally on an empty stream', () =>
    given()
      .when({ type: 'Tally', by: 3 })
      .then([{ type: 'Tallied', by: 3 }]));
  it('rejects a non-positive tally', () => given().when({ type: 'Tally', by: 0 }).thenFails('BAD_USER_INPUT'));
  it('refuses changes after closing', () =>
    given({ type: 'Tallied', by: 1 }, { type: 'TallyClosed' }).when({ type: 'Tally', by: 1 }).thenFails('CONFLICT'));
  it('folds events into state', () => {
    const state = [{ type: 'Tallied', by: 2 } as const, { type: 'Tallied', by: 5 } as const].reduce<TallyState>(
      tallyDecider.evolve,
      tallyDecider.initialState(),
    );
    expect(state).toEqual({ total: 7, closed: false });
  });
});
