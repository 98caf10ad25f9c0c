import { describe, expect, it } from 'vitest';
import { groupMessages } from './message-groups';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 12, 10, minute)).toISOString();
const message = (seq: number, author: string, minute: number) => ({
  seq,
  authorPersonId: author,
  postedAt: at(minute),
});

describe('grouping messages', () => {
  it('puts one author’s messages in a row together while they follow within five minutes', () => {
    const groups = groupMessages([
      message(1, 'a', 0),
      message(2, 'a', 4),
      message(3, 'b', 5),
      message(4, 'b', 6),
      message(5, 'b', 12),
      message(6, 'a', 13),
    ]);
    expect(groups.map((g) => [g.authorPersonId, g.messages.map((m) => m.seq)])).toEqual([
      ['a', [1, 2]],
      ['b', [3, 4]],
      ['b', [5]],
      ['a', [6]],
    ]);
    expect(groups[0]?.firstPostedAt).toBe(at(0));
  });

  it('orders by seq and keeps one message per seq, whatever order the pages came in', () => {
    const groups = groupMessages([message(3, 'a', 2), message(1, 'a', 0), message(2, 'a', 1), message(3, 'a', 2)]);
    expect(groups.flatMap((g) => g.messages.map((m) => m.seq))).toEqual([1, 2, 3]);
  });

  it('has no groups without messages', () => {
    expect(groupMessages([])).toEqual([]);
  });
});
