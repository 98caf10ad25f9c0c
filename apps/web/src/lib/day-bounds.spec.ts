import { describe, expect, it } from 'vitest';
import { asOfForDay, endOfDay, startOfDay } from './day-bounds';

describe('the days a manager picks', () => {
  it('ends a day at its last millisecond where the viewer is', () => {
    expect(endOfDay('2027-03-01', 'Europe/Berlin')).toBe('2027-03-01T22:59:59.999Z');
    expect(endOfDay('2027-03-01', 'America/New_York')).toBe('2027-03-02T04:59:59.999Z');
    expect(startOfDay('2027-03-01', 'Europe/Berlin')).toBe('2027-02-28T23:00:00.000Z');
  });

  it('knows a day cut short by daylight saving', () => {
    // Berlin moves to summer time on 28 March 2027: that day ends at 22:00 UTC.
    expect(endOfDay('2027-03-28', 'Europe/Berlin')).toBe('2027-03-28T21:59:59.999Z');
  });

  it('asks for the end of a past day, and for now on a day not over yet (the API refuses the future)', () => {
    const now = new Date('2027-03-02T10:00:00Z');
    expect(asOfForDay('2027-03-01', 'Europe/Berlin', now)).toBe('2027-03-01T22:59:59.999Z');
    expect(asOfForDay('2027-03-02', 'Europe/Berlin', now)).toBeUndefined();
    expect(asOfForDay('', 'Europe/Berlin', now)).toBeUndefined();
    expect(asOfForDay('1 March', 'Europe/Berlin', now)).toBeUndefined();
  });
});
