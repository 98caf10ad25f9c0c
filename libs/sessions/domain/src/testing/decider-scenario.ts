import { DomainError, type DomainErrorCode } from '@trellis/shared/kernel';

interface PureDecider<Command, Event, State> {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
}

/**
 * Given/when/then for pure deciders: given past events, when a command, then the new events — or a domain error
 * (and then, by construction, nothing is stored).
 */
export function scenario<Command, Event, State>(decider: PureDecider<Command, Event, State>) {
  return {
    given(history: Event[]) {
      const state = history.reduce(decider.evolve, decider.initialState());
      return {
        state,
        when(command: Command) {
          let events: Event[] | undefined;
          let error: Error | undefined;
          try {
            events = decider.decide(command, state);
          } catch (caught) {
            error = caught instanceof Error ? caught : new Error(String(caught));
          }
          return {
            then(expected: Event[]): State {
              if (error !== undefined) throw error;
              expect(events).toEqual(expected);
              return expected.reduce(decider.evolve, state);
            },
            /** The produced events, for assertions on a part of them. */
            events(): Event[] {
              if (error !== undefined) throw error;
              return events ?? [];
            },
            thenError(code: DomainErrorCode, message?: RegExp): DomainError {
              if (error === undefined) throw new Error(`expected ${code} but got events ${JSON.stringify(events)}`);
              expect(error).toBeInstanceOf(DomainError);
              const domainError = error as DomainError;
              expect(domainError.code).toBe(code);
              if (message) expect(domainError.message).toMatch(message);
              return domainError;
            },
          };
        },
      };
    },
  };
}

/** A stand-in for an encrypted value: the domain only carries it. */
export const sealed = (label: string) => ({ enc: 'test', ct: label });
