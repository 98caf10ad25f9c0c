import { DomainError, type Decider } from '@trellis/shared/event-store';
import { MatchingError } from '@trellis/matching/domain';

/**
 * The matching domain throws its own MatchingError (domain code may not import the event store); the command
 * runtime understands DomainError. Same code, same person-readable message.
 */
export function runtimeDecider<Command, Event extends { type: string }, State>(
  decider: Decider<Command, Event, State>,
): Decider<Command, Event, State> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide(command, state) {
      try {
        return decider.decide(command, state);
      } catch (error) {
        if (error instanceof MatchingError) throw new DomainError(error.code, error.message, error.details);
        throw error;
      }
    },
  };
}
