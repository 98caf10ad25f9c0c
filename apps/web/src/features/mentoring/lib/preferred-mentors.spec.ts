import { describe, expect, it } from 'vitest';
import { togglePreferred } from './preferred-mentors';

describe('togglePreferred', () => {
  it('adds a mentor last and takes a marked one out, the others keeping their order', () => {
    expect(togglePreferred(['m1', 'm2'], 'm3')).toEqual(['m1', 'm2', 'm3']);
    expect(togglePreferred(['m1', 'm2', 'm3'], 'm2')).toEqual(['m1', 'm3']);
    expect(togglePreferred([], 'm1')).toEqual(['m1']);
  });
});
