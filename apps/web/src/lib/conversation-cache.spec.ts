import { describe, expect, it } from 'vitest';
import { mergeBySeq } from './conversation-cache';

const seqOf = (m: { seq: number }) => m.seq;
const page = (...seqs: number[]) => seqs.map((seq) => ({ seq, v: 'new' }));
const held = (...seqs: number[]) => seqs.map((seq) => ({ seq, v: 'old' }));

describe('pages of a conversation in the cache', () => {
  it('puts an earlier page before what is held', () => {
    expect(mergeBySeq(held(4, 5, 6), page(1, 2, 3), seqOf).map(seqOf)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('replaces held messages by the newer answer for the same seq (an edit, a deletion)', () => {
    expect(mergeBySeq(held(1, 2, 3), page(2, 3, 4), seqOf)).toEqual([
      { seq: 1, v: 'old' },
      { seq: 2, v: 'new' },
      { seq: 3, v: 'new' },
      { seq: 4, v: 'new' },
    ]);
  });

  it('drops what is held when the newest page does not reach back to it, rather than hide the messages between', () => {
    expect(mergeBySeq(held(1, 2, 3), page(10, 11), seqOf).map(seqOf)).toEqual([10, 11]);
    expect(mergeBySeq(held(1, 2, 3), page(4, 5), seqOf).map(seqOf)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps what is held when a page comes back empty', () => {
    expect(mergeBySeq(held(1, 2), [], seqOf).map(seqOf)).toEqual([1, 2]);
  });
});
