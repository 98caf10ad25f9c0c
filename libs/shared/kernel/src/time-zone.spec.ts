import { isIanaTimeZone } from './time-zone';

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
