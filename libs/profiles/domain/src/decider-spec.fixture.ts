import { DomainError, type DomainErrorCode } from '@trellis/shared/kernel';

/** Given/when/then for a decider: the past as events, a command, and either the new events or the refusal. */
export function specFor<Command, Event, State>(decider: {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
}) {
  return (given: Event[]) => ({
    when: (command: Command) => {
      const state = given.reduce(decider.evolve, decider.initialState());
      const run = (): Event[] => decider.decide(command, state);
      return {
        then: (expected: Event[]) => expect(run()).toEqual(expected),
        thenProduces: (check: (events: Event[]) => void) => check(run()),
        thenFails: (code: DomainErrorCode, message?: RegExp) => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          expect((caught as DomainError).code).toBe(code);
          if (message) expect((caught as DomainError).message).toMatch(message);
        },
      };
    },
  });
}
