/**
 * Mentees chosen to swap mentors: at most two, in the order chosen. Choosing a third replaces the older choice, so
 * the manager never has to clear the selection to correct it.
 */
export function toggleSwap(selected: readonly string[], menteePersonId: string): string[] {
  if (selected.includes(menteePersonId)) return selected.filter((id) => id !== menteePersonId);
  return [...selected, menteePersonId].slice(-2);
}

/** Why two chosen mentees cannot swap, before asking the server: none when they can. */
export function swapProblem(
  selected: readonly string[],
  mentorOf: (menteePersonId: string) => string | undefined,
): 'chooseTwo' | 'sameMentor' | null {
  const [a, b] = selected;
  if (a === undefined || b === undefined) return 'chooseTwo';
  return mentorOf(a) === mentorOf(b) ? 'sameMentor' : null;
}

/** Only a computed draft takes overrides; a round still computing, published or discarded is read-only. */
export function isEditable(status: string): boolean {
  return status === 'COMPUTED';
}
