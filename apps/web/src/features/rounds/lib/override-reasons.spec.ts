import { describe, expect, it } from 'vitest';
import { overrideReasonOf } from './override-reasons';

describe('overrideReasonOf', () => {
  it('reads the stored kebab-case reason as the enum the catalogue names', () => {
    expect(overrideReasonOf('better-fit')).toBe('BETTER_FIT');
    expect(overrideReasonOf('participant-preference')).toBe('PARTICIPANT_PREFERENCE');
    expect(overrideReasonOf('KNOWN_CONFLICT')).toBe('KNOWN_CONFLICT');
  });

  it('has no reason for an unlock and reads an unknown reason as another reason', () => {
    expect(overrideReasonOf(null)).toBeNull();
    expect(overrideReasonOf('')).toBeNull();
    expect(overrideReasonOf('moon-phase')).toBe('OTHER');
  });
});
