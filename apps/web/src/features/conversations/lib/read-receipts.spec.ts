import { describe, expect, it } from 'vitest';
import { lastSeenByOther, newestUnread } from './read-receipts';

const messages = [
  { id: 'm1', seq: 1, mine: true },
  { id: 'm2', seq: 2, mine: false },
  { id: 'm3', seq: 3, mine: true },
  { id: 'm4', seq: 4, mine: true },
];

describe('read receipts', () => {
  it('puts "Seen" under the viewer’s newest message the other has read', () => {
    const receipts = [
      { personId: 'me', readUpToSeq: 2 },
      { personId: 'other', readUpToSeq: 3 },
    ];
    expect(lastSeenByOther(messages, receipts, 'me')).toBe('m3');
    expect(lastSeenByOther(messages, [{ personId: 'other', readUpToSeq: 4 }], 'me')).toBe('m4');
  });

  it('shows no "Seen" before the other read any of the viewer’s messages', () => {
    expect(lastSeenByOther(messages, [{ personId: 'other', readUpToSeq: 0 }], 'me')).toBeUndefined();
    expect(lastSeenByOther(messages, [{ personId: 'me', readUpToSeq: 4 }], 'me')).toBeUndefined();
  });

  it('marks read up to the newest message while one of the other’s is unread', () => {
    expect(newestUnread(messages, [{ personId: 'me', readUpToSeq: 1 }], 'me')?.id).toBe('m4');
    expect(newestUnread(messages, [], 'me')?.id).toBe('m4');
  });

  it('marks nothing when only the viewer’s own messages are newer than what they read', () => {
    expect(newestUnread(messages, [{ personId: 'me', readUpToSeq: 2 }], 'me')).toBeUndefined();
    expect(newestUnread([], [], 'me')).toBeUndefined();
  });
});
