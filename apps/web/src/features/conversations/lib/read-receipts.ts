interface Receipt {
  personId: string;
  readUpToSeq: number;
}

interface Message {
  id: string;
  seq: number;
  mine: boolean;
}

/** The viewer's newest message the other member has read: "Seen" goes under it. */
export function lastSeenByOther(
  messages: readonly Message[],
  receipts: readonly Receipt[],
  viewerPersonId: string,
): string | undefined {
  const others = receipts.filter((r) => r.personId !== viewerPersonId);
  if (others.length === 0) return undefined;
  const readUpTo = Math.max(...others.map((r) => r.readUpToSeq));
  let seen: Message | undefined;
  for (const message of messages) {
    if (message.mine && message.seq <= readUpTo && (!seen || message.seq > seen.seq)) seen = message;
  }
  return seen?.id;
}

/**
 * The message to mark read up to (the newest one) while one of the other's messages is still unread to the viewer;
 * undefined when they are up to date. The viewer's own messages never wait to be read, so they alone mark nothing.
 */
export function newestUnread<M extends { seq: number; mine: boolean }>(
  messages: readonly M[],
  receipts: readonly Receipt[],
  viewerPersonId: string,
): M | undefined {
  const readUpTo = receipts.find((r) => r.personId === viewerPersonId)?.readUpToSeq ?? 0;
  if (!messages.some((m) => !m.mine && m.seq > readUpTo)) return undefined;
  let newest: M | undefined;
  for (const message of messages) if (!newest || message.seq > newest.seq) newest = message;
  return newest;
}
