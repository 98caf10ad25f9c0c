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
