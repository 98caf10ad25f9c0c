/**
 * Domain logic as two pure functions (the decider pattern): `decide` turns a command and the
 * current state into new events or throws a DomainError; `evolve` folds one event into the state. It lives in the
 * kernel so that domain libraries type their deciders with the same interface the event store's CommandHandler runs,
 * without importing infrastructure.
 */
export interface Decider<Command, Event extends { type: string }, State> {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
}
