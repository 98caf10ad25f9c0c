import type { Decider } from '../decider';
import { MatchingError, type MatchingErrorCode } from '../errors';

export type Outcome<Event> = { events: Event[] } | { error: { code: MatchingErrorCode; message: string } };

/** given(past events).when(command) → the new events or the domain error, for given/when/then specs. */
export function given<Command, Event extends { type: string }, State>(
  decider: Decider<Command, Event, State>,
  past: readonly NoInfer<Event>[] = [],
) {
  const state = past.reduce(decider.evolve, decider.initialState());
  return {
    state,
    when(command: Command): Outcome<Event> {
      try {
        return { events: decider.decide(command, state) };
      } catch (error) {
        if (error instanceof MatchingError) return { error: { code: error.code, message: error.message } };
        throw error;
      }
    },
  };
}

/** The state after folding the events, for specs on evolve. */
export function fold<Command, Event extends { type: string }, State>(
  decider: Decider<Command, Event, State>,
  events: readonly NoInfer<Event>[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
