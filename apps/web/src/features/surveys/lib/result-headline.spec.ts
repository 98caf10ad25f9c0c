import { describe, expect, it } from 'vitest';
import { headline } from './result-headline';

describe('headline', () => {
  it('is the NPS of a score question and the mean of a scale', () => {
    expect(headline('NPS', { questionId: 'q', status: 'SHOWN', score: 20 })).toEqual({ kind: 'nps', score: 20 });
    expect(headline('SCALE', { questionId: 'q', status: 'SHOWN', mean: 3.5 })).toEqual({ kind: 'mean', mean: 3.5 });
  });

  it('is the most chosen option of a choice, the first of a tie', () => {
    const options = [
      { label: 'A', count: 2, percent: 40 },
      { label: 'B', count: 3, percent: 60 },
      { label: 'C', count: 3, percent: 60 },
    ];
    expect(headline('MULTIPLE_CHOICE', { questionId: 'q', status: 'SHOWN', options })).toEqual({
      kind: 'topOption',
      label: 'B',
      percent: 60,
    });
  });

  it('is nothing for hidden figures or free text', () => {
    expect(headline('NPS', { questionId: 'q', status: 'HIDDEN', score: 20 })).toBeNull();
    expect(headline('LONG_TEXT', { questionId: 'q', status: 'SHOWN', answered: 4 })).toBeNull();
  });
});
