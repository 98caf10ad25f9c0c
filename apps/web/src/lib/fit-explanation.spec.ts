import { describe, expect, it } from 'vitest';
import { fitReasons } from './fit-explanation';

const factor = (name: string, value: number, weight = 1) => ({ name, value, weight, contribution: value * weight });

describe('why a mentor fits, in reasons', () => {
  it('gives the factors the pair meets, the one that mattered most first', () => {
    const reasons = fitReasons([factor('languages', 1, 1), factor('skills', 0.8, 3), factor('availability', 0.4, 1)]);
    expect(reasons.map((r) => [r.factor, r.strength])).toEqual([
      ['skills', 'strong'],
      ['languages', 'strong'],
      ['availability', 'some'],
    ]);
  });

  it('leaves out what the pair barely meets and what the program does not weigh', () => {
    expect(fitReasons([factor('field', 0.1), factor('seniority', 1, 0)])).toEqual([]);
  });

  it('leaves out a factor it has no words for, rather than showing a raw name', () => {
    expect(fitReasons([factor('somethingNew', 1)])).toEqual([]);
  });
});
