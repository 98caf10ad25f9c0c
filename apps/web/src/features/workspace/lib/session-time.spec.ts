import { describe, expect, it } from 'vitest';
import { draftOfSession, suggestedStart, toSessionTimeInput } from './session-time';

describe('session times', () => {
  it('turns a wall-clock start and a length into the instants the API stores', () => {
    expect(toSessionTimeInput({ start: '2027-01-12T10:00', minutes: 45, timeZone: 'Europe/Berlin' })).toEqual({
      startsAt: '2027-01-12T09:00:00.000Z',
      endsAt: '2027-01-12T09:45:00.000Z',
      timezone: 'Europe/Berlin',
    });
  });

  it('has nothing to send while the start is incomplete or the length is not positive', () => {
    expect(toSessionTimeInput({ start: '2027-01-12', minutes: 45, timeZone: 'UTC' })).toBeNull();
    expect(toSessionTimeInput({ start: '2027-01-12T10:00', minutes: '', timeZone: 'UTC' })).toBeNull();
    expect(toSessionTimeInput({ start: '2027-01-12T10:00', minutes: 0, timeZone: 'UTC' })).toBeNull();
  });

  it('opens an existing session in the viewer’s zone to move it', () => {
    const session = { startsAt: '2027-01-12T09:00:00.000Z', endsAt: '2027-01-12T10:30:00.000Z' };
    expect(draftOfSession(session, 'America/New_York')).toEqual({
      start: '2027-01-12T04:00',
      minutes: 90,
      timeZone: 'America/New_York',
    });
  });

  it('suggests a full hour a day ahead', () => {
    expect(suggestedStart(new Date('2027-01-12T09:20:00Z'), 'Europe/Berlin')).toBe('2027-01-13T11:00');
  });
});
