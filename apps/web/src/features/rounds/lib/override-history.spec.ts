import { describe, expect, it } from 'vitest';
import { nameLookup, overrideKind } from './override-history';

describe('overrideKind', () => {
  it('names each override event', () => {
    expect(['PairLocked', 'PairUnlocked', 'PairRemoved', 'PairAdded', 'MentorsSwapped'].map(overrideKind)).toEqual([
      'locked',
      'unlocked',
      'removed',
      'added',
      'swapped',
    ]);
    expect(overrideKind('SomethingNew')).toBe('other');
  });
});

describe('nameLookup', () => {
  it('finds names by person id and stands in for anyone unknown or erased', () => {
    const nameOf = nameLookup(
      [
        { personId: 'p1', name: 'Ada' },
        { personId: 'p2', name: null },
      ],
      'Someone',
    );
    expect([nameOf('p1'), nameOf('p2'), nameOf('p3'), nameOf(null)]).toEqual(['Ada', 'Someone', 'Someone', 'Someone']);
  });
});
