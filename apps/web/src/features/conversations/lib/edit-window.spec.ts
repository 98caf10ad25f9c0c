import { describe, expect, it } from 'vitest';
import { canEditNow, msUntilNextEditCloses } from './edit-window';

const now = new Date('2027-01-12T10:00:00.000Z');

describe('the edit window', () => {
  it('is open until editableUntil and closed from that instant on', () => {
    expect(canEditNow('2027-01-12T10:14:59.000Z', now)).toBe(true);
    expect(canEditNow('2027-01-12T10:00:00.000Z', now)).toBe(false);
    expect(canEditNow('2027-01-12T09:59:00.000Z', now)).toBe(false);
  });

  it('is closed without editableUntil (not the viewer’s message, or no longer editable) or with a broken one', () => {
    expect(canEditNow(null, now)).toBe(false);
    expect(canEditNow(undefined, now)).toBe(false);
    expect(canEditNow('soon', now)).toBe(false);
  });

  it('says when the next open window closes, so the page can take the action away then', () => {
    expect(msUntilNextEditCloses(['2027-01-12T10:05:00.000Z', null, '2027-01-12T10:01:00.000Z'], now)).toBe(60_000);
    expect(msUntilNextEditCloses(['2027-01-12T09:00:00.000Z', null], now)).toBeUndefined();
    expect(msUntilNextEditCloses([], now)).toBeUndefined();
  });
});
