/**
 * Same shape as the event store's Decider (structural typing lets the app hand these to its CommandHandler) without
 * importing infrastructure into the domain.
 */
export interface Decider<Command, Event extends { type: string }, State> {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
}

/**
 * Free text (request messages, decline comments, reflections) sealed by the app with the author's own key
 * (the shape of @trellis/shared/privacy's EncryptedField); the domain only carries it.
 */
export interface SealedText {
  enc: string;
  personId: string;
  iv: string;
  tag: string;
  ct: string;
}

export const MAX_MENTOR_CAPACITY = 50;

export function isIsoTime(value: string): boolean {
  return !Number.isNaN(Date.parse(value));
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}
