export const UNMATCHED_REASONS = [
  'noFeasibleMentor',
  'noCandidates',
  'capacityBetterUsed',
  'noGain',
  'candidatesFull',
  'removedByManager',
  'other',
] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

/** The engine's reason (`no-feasible-mentor`) as its catalogue key (`rounds.unmatchedReason.noFeasibleMentor`). */
export function unmatchedReason(stored: string): UnmatchedReason {
  const key = stored.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return (UNMATCHED_REASONS as readonly string[]).includes(key) ? (key as UnmatchedReason) : 'other';
}

/**
 * The manager's own removals first (the rows they just acted on), then everyone else by name: a round may leave
 * many mentees unmatched, and a removed pair must not vanish far down the list.
 */
export function orderUnmatched<U extends { menteeName: string; reason: string }>(
  unmatched: readonly U[],
  locale: string,
): U[] {
  const collator = new Intl.Collator(locale);
  const removedFirst = (u: U) => (unmatchedReason(u.reason) === 'removedByManager' ? 0 : 1);
  return [...unmatched].sort(
    (a, b) => removedFirst(a) - removedFirst(b) || collator.compare(a.menteeName, b.menteeName),
  );
}
