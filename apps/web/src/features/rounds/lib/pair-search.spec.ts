import { describe, expect, it } from 'vitest';
import { filterPairs } from './pair-search';

const pair = (id: string, menteeName: string, mentorName: string) => ({ menteePersonId: id, menteeName, mentorName });

describe('filterPairs', () => {
  const pairs = [
    pair('1', 'Zoë Berg', 'Ada Lovelace'),
    pair('2', 'Ängel Ahn', 'Grace Hopper'),
    pair('3', 'Bo Chen', 'Ada Lovelace'),
  ];

  it('orders by mentee name in the viewer’s language', () => {
    expect(filterPairs(pairs, '', 'de').map((p) => p.menteePersonId)).toEqual(['2', '3', '1']);
  });

  it('finds a mentee or a mentor by part of the name, in any case', () => {
    expect(filterPairs(pairs, 'lovel', 'en').map((p) => p.menteePersonId)).toEqual(['3', '1']);
    expect(filterPairs(pairs, '  ZOË ', 'en').map((p) => p.menteePersonId)).toEqual(['1']);
  });
});
