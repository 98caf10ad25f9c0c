/** Messages of one author in a row, sent close together: the name and time are shown once for them. */
export interface MessageGroup<M> {
  authorPersonId: string;
  firstPostedAt: string;
  messages: M[];
}

interface Groupable {
  seq: number;
  authorPersonId: string;
  postedAt: string;
}

/** A new group starts when the author changes or after this long without a message. */
export const GROUP_GAP_MS = 5 * 60_000;

/** Orders messages by `seq` (posting order), drops repeats of a seq, and groups them by author and time. */
export function groupMessages<M extends Groupable>(messages: readonly M[]): Array<MessageGroup<M>> {
  const bySeq = new Map<number, M>();
  for (const message of messages) bySeq.set(message.seq, message);
  const ordered = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const groups: Array<MessageGroup<M>> = [];
  for (const message of ordered) {
    const group = groups[groups.length - 1];
    const previous = group?.messages[group.messages.length - 1];
    if (
      group &&
      previous &&
      group.authorPersonId === message.authorPersonId &&
      Date.parse(message.postedAt) - Date.parse(previous.postedAt) < GROUP_GAP_MS
    ) {
      group.messages.push(message);
    } else {
      groups.push({ authorPersonId: message.authorPersonId, firstPostedAt: message.postedAt, messages: [message] });
    }
  }
  return groups;
}
