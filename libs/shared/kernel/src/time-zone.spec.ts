import { isIanaTimeZone, offsetMinutes, zonedDate, zonedParts, zonedToUtc } from './time-zone';

describe('isIanaTimeZone', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5'])(
    'accepts the zone %s',
    (zone) => expect(isIanaTimeZone(zone)).toBe(true),
  );

  it.each(['Europe/Berlln', '+02:00', 'GMT+02:00', '', 'Europe/', '/Berlin', 'Mars/Olympus_Mons', 'a'.repeat(65)])(
    'refuses %j',
    (zone) => expect(isIanaTimeZone(zone)).toBe(false),
  );

  it('gives the same verdict when asked again', () => {
    expect([isIanaTimeZone('Europe/Berlln'), isIanaTimeZone('Europe/Berlln')]).toEqual([false, false]);
    expect([isIanaTimeZone('Asia/Tokyo'), isIanaTimeZone('Asia/Tokyo')]).toEqual([true, true]);
  });
});

describe('zonedToUtc', () => {
  it('moves a time in a spring-forward gap forward by the gap on either side of UTC', () => {
    // 02:30 does not exist on these days: Berlin jumps to 03:30 CEST, New York to 03:30 EDT.
    const berlin = zonedToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin');
    const newYork = zonedToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York');
    expect(new Date(berlin).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(newYork).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedParts(newYork, 'America/New_York')).toMatchObject({ hour: 3, minute: 30, weekday: 6 });
  });

  it('takes the earlier instant of a time repeated by a fall-back overlap on either side of UTC', () => {
    const berlin = zonedToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin');
    const sydney = zonedToUtc({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, 'Australia/Sydney');
    expect(new Date(berlin).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(sydney).toISOString()).toBe('2026-04-04T15:30:00.000Z');
    expect([offsetMinutes(berlin, 'Europe/Berlin'), zonedDate(berlin, 'Europe/Berlin')]).toEqual([120, '2026-10-25']);
  });
});
