import { describe, expect, it } from 'vitest';
import { closureReasonKey, healthReasonKey, healthStatusKey } from './health-reasons';

describe('health reasons in words', () => {
  it('names every reason the sessions service gives, and a generic text for one it adds later', () => {
    expect(healthReasonKey('no-session-for-long')).toBe('console.engagement.reasons.noSessionForLong');
    expect(healthReasonKey('goals-overdue')).toBe('console.engagement.reasons.goalsOverdue');
    expect(healthReasonKey('moon-in-retrograde')).toBe('console.engagement.reasons.other');
  });

  it('maps statuses and closure reasons to their keys', () => {
    expect(healthStatusKey('stalled')).toBe('console.engagement.status.stalled');
    expect(healthStatusKey('at-risk')).toBe('console.engagement.status.atRisk');
    expect(closureReasonKey('not-a-good-fit')).toBe('workspace.end.reasons.NOT_A_GOOD_FIT');
    expect(closureReasonKey('program-archived')).toBe('workspace.end.reasons.OTHER');
  });
});
