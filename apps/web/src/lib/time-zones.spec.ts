import { describe, expect, it } from 'vitest';
import { calendarDayIn, utcToWallTime, wallTimeToUtc } from './time-zones';

describe('wallTimeToUtc', () => {
  it('reads the wall clock of the zone, winter and summer', () => {
    expect(wallTimeToUtc('2027-01-12T10:00', 'Europe/Berlin')).toBe('2027-01-12T09:00:00.000Z');
    expect(wallTimeToUtc('2027-07-12T10:00', 'Europe/Berlin')).toBe('2027-07-12T08:00:00.000Z');
    expect(wallTimeToUtc('2027-01-12T10:00', 'America/New_York')).toBe('2027-01-12T15:00:00.000Z');
    expect(wallTimeToUtc('2027-01-12T10:00', 'Asia/Kolkata')).toBe('2027-01-12T04:30:00.000Z');
  });

  it('crosses the date line', () => {
    expect(wallTimeToUtc('2027-01-12T08:00', 'Pacific/Auckland')).toBe('2027-01-11T19:00:00.000Z');
  });

  it('puts a time in the hour skipped by daylight saving after the jump', () => {
    // Berlin skips 02:00–03:00 on 28 March 2027.
    expect(wallTimeToUtc('2027-03-28T02:30', 'Europe/Berlin')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(wallTimeToUtc('', 'Europe/Berlin')).toBeNull();
    expect(wallTimeToUtc('2027-02-30T10:00', 'Europe/Berlin')).toBeNull();
    expect(wallTimeToUtc('10:00', 'Europe/Berlin')).toBeNull();
  });
});

describe('utcToWallTime', () => {
  it('shows the same instant on each side of a time-zone difference', () => {
    const instant = '2027-01-12T09:00:00.000Z';
    expect(utcToWallTime(instant, 'Europe/Berlin')).toBe('2027-01-12T10:00');
    expect(utcToWallTime(instant, 'America/New_York')).toBe('2027-01-12T04:00');
  });

  it('round-trips with wallTimeToUtc', () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Adelaide']) {
      const wall = '2027-10-03T18:45';
      expect(utcToWallTime(wallTimeToUtc(wall, zone) ?? '', zone)).toBe(wall);
    }
  });
});

describe('calendarDayIn', () => {
  it('is the day of the zone: late evening in Los Angeles is already the next day in Berlin', () => {
    const instant = '2027-03-02T05:30:00.000Z';
    expect(calendarDayIn(instant, 'America/Los_Angeles')).toBe('2027-03-01');
    expect(calendarDayIn(instant, 'Europe/Berlin')).toBe('2027-03-02');
  });
});
