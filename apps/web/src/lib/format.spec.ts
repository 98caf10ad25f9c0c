import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatNumber,
  formatPercent,
  formatTime,
  formatZonedDateTime,
} from './format';

describe('formatting in the viewer’s locale and zone', () => {
  it('writes a date the way each language does, on the day it is in the given zone', () => {
    const instant = '2027-03-01T23:30:00Z';
    expect(formatDate(instant, 'en', 'UTC')).toBe('Mar 1, 2027');
    expect(formatDate(instant, 'de', 'Europe/Berlin')).toBe('02.03.2027');
  });

  it('groups digits by locale', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'de')).toBe('12.345,5');
  });

  it('writes shares as whole percentages and scores with fixed decimals, by locale', () => {
    expect(formatPercent(0.875, 'en')).toBe('88%');
    expect(formatPercent(0.875, 'de')).toBe('88\u00a0%');
    expect(formatDecimal(0.5, 'en')).toBe('0.50');
    expect(formatDecimal(0.5, 'de')).toBe('0,50');
  });

  it('writes a date with its time of day, in the given zone', () => {
    const instant = '2027-03-01T23:30:00Z';
    expect(formatDateTime(instant, 'en', 'UTC')).toBe('Mar 1, 2027, 11:30 PM');
    expect(formatDateTime(instant, 'de', 'Europe/Berlin')).toBe('02.03.2027, 00:30');
  });

  it('keeps a calendar day the same day in every zone', () => {
    expect(formatCalendarDate('2027-03-01', 'en')).toBe('Mar 1, 2027');
    expect(formatCalendarDate('2027-03-01', 'de')).toBe('01.03.2027');
  });

  it('shows one instant as each side of a call sees it, naming the zone', () => {
    const instant = '2027-01-12T09:00:00Z';
    expect(formatZonedDateTime(instant, 'en', 'Europe/Berlin')).toMatch(/Jan 12, 2027.*10:00.*GMT\+1/);
    expect(formatZonedDateTime(instant, 'en', 'America/New_York')).toMatch(/Jan 12, 2027.*04:00.*EST/);
    expect(formatTime(instant, 'de', 'Europe/Berlin')).toBe('10:00');
  });
});
