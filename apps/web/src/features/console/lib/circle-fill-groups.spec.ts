import { describe, expect, it } from 'vitest';
import { groupFillByCircle } from './circle-fill-groups';

const placed = (circleId: string, menteePersonId: string, name: string | null) => ({
  circleId,
  menteePersonId,
  score: 0.5,
  mentee: name === null ? null : { displayName: name },
});

describe('a circle fill by circle', () => {
  it('follows the order of the circles list, each circle’s mentees by name; unknown circles last', () => {
    const groups = groupFillByCircle(
      [
        placed('c-2', 'p1', 'Zoe'),
        placed('c-x', 'p2', 'Ann'),
        placed('c-1', 'p3', 'Ida'),
        placed('c-2', 'p4', 'Ben'),
        placed('c-2', 'p5', null),
      ],
      ['c-1', 'c-2'],
      'en',
    );
    expect(groups.map((g) => [g.circleId, g.placements.map((p) => p.mentee?.displayName ?? p.menteePersonId)])).toEqual(
      [
        ['c-1', ['Ida']],
        ['c-2', ['Ben', 'p5', 'Zoe']],
        ['c-x', ['Ann']],
      ],
    );
  });

  it('is empty for a fill that placed nobody', () => {
    expect(groupFillByCircle([], ['c-1'], 'en')).toEqual([]);
  });
});
