import type { FieldPolicy, Reference } from '@apollo/client';

/**
 * Joins a page of messages with those the cache holds, in posting order, one per seq (a refetch answers with the
 * newest page again, "Load earlier" with the page before the oldest). When the new page does not reach back to
 * what is held (more messages arrived than a page holds), the held ones are dropped: a gap would hide messages
 * without a way to load them.
 */
export function mergeBySeq<T>(existing: readonly T[], incoming: readonly T[], seqOf: (item: T) => number): T[] {
  const incomingSeqs = incoming.map(seqOf);
  const existingSeqs = existing.map(seqOf);
  const gap =
    incomingSeqs.length > 0 && existingSeqs.length > 0 && Math.min(...incomingSeqs) > Math.max(...existingSeqs) + 1;
  const bySeq = new Map<number, T>();
  for (const item of gap ? incoming : [...existing, ...incoming]) bySeq.set(seqOf(item), item);
  return [...bySeq.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}

/** `Conversation.messages`: every page of a conversation lands in one list (its cache entry is per mentorship). */
export const conversationMessagesPolicy: FieldPolicy<Reference[]> = {
  merge(existing, incoming, { readField }) {
    return mergeBySeq(existing ?? [], incoming, (ref) => readField<number>('seq', ref) ?? 0);
  },
};
