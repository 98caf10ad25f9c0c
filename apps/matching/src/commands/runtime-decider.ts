import type { Decider } from '@trellis/shared/event-store';

/**
 * The matching deciders throw MatchingError, a subclass of the kernel's DomainError, so the command runtime already
 * turns them into failed results. This helper runs a decider's `decide` as a dry run (authorization, openness)
 * before a multi-aggregate operation writes anything.
 */
export function dryRun<Command, Event extends { type: string }, State>(
  decider: Decider<Command, Event, State>,
  command: Command,
  state: State,
): Event[] {
  return decider.decide(command, state);
}
