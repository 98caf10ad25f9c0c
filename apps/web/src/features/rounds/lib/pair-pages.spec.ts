import { describe, expect, it } from 'vitest';
import { filterPairs, pageCount, pageOf, PAIRS_PER_PAGE } from './pair-pages';

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

describe('pageOf', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => i);

  it('shows one page of a large round', () => {
    expect(pageCount(rows.length)).toBe(200);
    const second = pageOf(rows, 2);
    expect(second.rows).toHaveLength(PAIRS_PER_PAGE);
    expect(second.rows[0]).toBe(PAIRS_PER_PAGE);
  });

  it('falls back to the last page when a search leaves fewer pages', () => {
    expect(pageOf(rows.slice(0, 30), 9)).toEqual({ rows: rows.slice(25, 30), page: 2 });
    expect(pageOf([], 3)).toEqual({ rows: [], page: 1 });
  });
});
