/**
 * Whether the viewer may still correct a message: the API sends `editableUntil` only for the viewer's own message
 * while it can be edited (15 minutes after sending), and the page keeps time so the action goes away when it ends.
 */
export function canEditNow(editableUntil: string | null | undefined, now: Date): boolean {
  if (!editableUntil) return false;
  const until = Date.parse(editableUntil);
  return Number.isFinite(until) && now.getTime() < until;
}

/** Milliseconds until the next edit window of these messages closes, or undefined when none is open. */
export function msUntilNextEditCloses(
  editableUntils: ReadonlyArray<string | null | undefined>,
  now: Date,
): number | undefined {
  const left = editableUntils
    .filter((until): until is string => canEditNow(until, now))
    .map((until) => Date.parse(until) - now.getTime());
  return left.length ? Math.min(...left) : undefined;
}
