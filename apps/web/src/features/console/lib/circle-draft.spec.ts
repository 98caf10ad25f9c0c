import { describe, expect, it } from 'vitest';
import { circleDraftProblems, circleRefusalField, emptyCircleDraft } from './circle-draft';

describe('circle draft', () => {
  it('starts with no lead, the program’s circle size and self-joining allowed', () => {
    expect(emptyCircleDraft(6)).toEqual({ mentorPersonId: null, maxSize: 6, selfJoin: true });
  });

  it('wants a lead and a whole size from 2 to the program’s circle size', () => {
    const fields = (maxSize: number | string, mentorPersonId: string | null = 'lena') =>
      circleDraftProblems({ mentorPersonId, maxSize, selfJoin: true }, 6).map((p) => p.field);
    expect(fields(4)).toEqual([]);
    expect(fields(2)).toEqual([]);
    expect(fields(6)).toEqual([]);
    expect(fields(4, null)).toEqual(['mentor']);
    expect(fields(1)).toEqual(['maxSize']);
    expect(fields(7)).toEqual(['maxSize']);
    expect(fields(2.5)).toEqual(['maxSize']);
    expect(fields('')).toEqual(['maxSize']);
    expect(circleDraftProblems({ mentorPersonId: 'x', maxSize: 9, selfJoin: true }, 6)).toEqual([
      { field: 'maxSize', key: 'console.circles.create.sizeRange', min: 2, max: 6 },
    ]);
  });

  it('places a refused size on the size and a lead who cannot lead on the lead', () => {
    expect(
      circleRefusalField({ kind: 'badUserInput', detail: 'Circles in this program hold at most 6 mentees.' }),
    ).toBe('maxSize');
    expect(
      circleRefusalField({
        kind: 'conflict',
        detail: 'This mentor is paused or has left the program and cannot lead.',
      }),
    ).toBe('mentor');
    expect(circleRefusalField({ kind: 'conflict', detail: 'This program is archived.' })).toBeUndefined();
    expect(circleRefusalField({ kind: 'forbidden' })).toBeUndefined();
    expect(circleRefusalField(null)).toBeUndefined();
  });
});
