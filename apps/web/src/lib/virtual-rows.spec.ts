import { describe, expect, it } from 'vitest';
import { ariaRowCount, ariaRowIndex, spacerHeights } from './virtual-rows';

const row = (index: number, height = 40) => ({ index, start: index * height, end: (index + 1) * height });

describe('spacerHeights', () => {
  it('fills the rows above and below the rendered window of a long table', () => {
    const rendered = [row(100), row(101), row(102)];
    expect(spacerHeights(rendered, 5000 * 40)).toEqual({ before: 4000, after: (5000 - 103) * 40 });
  });

  it('needs no spacer when every row is rendered, and none for an empty table', () => {
    expect(spacerHeights([row(0), row(1)], 80)).toEqual({ before: 0, after: 0 });
    expect(spacerHeights([], 0)).toEqual({ before: 0, after: 0 });
  });

  it('never asks for a negative height while measured rows outgrow the estimate', () => {
    expect(spacerHeights([row(0, 90)], 40)).toEqual({ before: 0, after: 0 });
  });
});

describe('aria row numbers', () => {
  it('counts the header row first, then every data row of the whole table', () => {
    expect(ariaRowCount(5000)).toBe(5001);
    expect(ariaRowIndex(0)).toBe(2);
    expect(ariaRowIndex(4999)).toBe(5001);
    expect(ariaRowIndex(0, 2)).toBe(3);
  });
});
