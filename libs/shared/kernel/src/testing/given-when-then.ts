import type { Decider } from '../decider';
import { DomainError, type DomainErrorCode } from '../domain-error';

/** What a decider answered: the new events, or the refusal a person would see. */
export type Outcome<Event> = { events: Event[] } | { error: { code: DomainErrorCode; message: string } };

export interface Assertions<Event, State> {
  /** Asserts exactly these events; returns the state after them, to continue a scenario. */
  then(expected: Event[]): State;
  /** The produced events, for assertions on a part of them; throws when the command was refused. */
  produced(): Event[];
  thenProduces(check: (events: Event[]) => void): void;
  /** Asserts a refusal with this code (and message); returns it for assertions on its details. */
  thenFails(code: DomainErrorCode, message?: RegExp): DomainError;
}

export type Decision<Event, State> = Outcome<Event> & Assertions<Event, State>;

/** The state after folding the events into the decider's initial state, for specs on `evolve`. */
export function fold<Command, Event extends { type: string }, State>(
  decider: Decider<Command, Event, State>,
  events: readonly NoInfer<Event>[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/**
 * Given/when/then over a pure decider, for every domain library's specs: given past events, when a command, then
 * the new events or a DomainError (and then, by construction, nothing is stored). No database, no broker.
 *
 * The decision is the outcome as plain data, so a spec may compare it whole (`toEqual({ events: [...] })`) or assert
 * fluently (`.then([...])`, `.thenFails('CONFLICT')`); the assertions are non-enumerable so that comparing the data
 * does not see them.
 */
export function given<Command, Event extends { type: string }, State>(
  decider: Decider<Command, Event, State>,
  past: readonly NoInfer<Event>[] = [],
) {
  const state = fold(decider, past);
  return {
    /** The state the command is decided against. */
    state,
    when(command: NoInfer<Command>): Decision<Event, State> {
      let events: Event[] | undefined;
      let refusal: DomainError | undefined;
      try {
        events = decider.decide(command, state);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refusal = error;
      }
      const outcome: Outcome<Event> =
        refusal === undefined ? { events: events ?? [] } : { error: { code: refusal.code, message: refusal.message } };
      const produced = (): Event[] => {
        if (refusal !== undefined) throw refusal;
        return events ?? [];
      };
      const assertions: Assertions<Event, State> = {
        then(expected) {
          expect(produced()).toEqual(expected);
          return expected.reduce(decider.evolve, state);
        },
        produced,
        thenProduces(check) {
          check(produced());
        },
        thenFails(code, message) {
          if (refusal === undefined) {
            throw new Error(`expected ${code} but got events ${JSON.stringify(produced())}`);
          }
          expect(refusal.code).toBe(code);
          if (message) expect(refusal.message).toMatch(message);
          return refusal;
        },
      };
      for (const [name, value] of Object.entries(assertions)) {
        Object.defineProperty(outcome, name, { value, enumerable: false });
      }
      return outcome as Decision<Event, State>;
    },
  };
}
