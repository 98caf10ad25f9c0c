import { DomainError } from '@trellis/shared/kernel';
import { sessionDecider, type SessionCommand } from './session.decider';
import { sealed } from './testing/sealed.fixture';
import {
  assertTimeZone,
  forViewer,
  localDate,
  offsetMinutes,
  parseUtcInstant,
  weeklyOccurrences,
  zonedParts,
  zonedToUtc,
} from './time';

describe('time zones', () => {
  it('parses only UTC instants', () => {
    expect(parseUtcInstant('2026-03-30T16:00:00Z', 't')).toBe(Date.UTC(2026, 2, 30, 16));
    expect(parseUtcInstant('2026-03-30T16:00:00.250Z', 't')).toBe(Date.UTC(2026, 2, 30, 16, 0, 0, 250));
    for (const bad of ['2026-03-30T18:00:00+02:00', '2026-03-30T16:00:00', '2026-02-29T10:00:00Z', '', 42, null]) {
      expect(() => parseUtcInstant(bad, 'startsAt')).toThrow(DomainError);
    }
  });

  it('validates IANA names', () => {
    expect(assertTimeZone('Asia/Kolkata', 'tz')).toBe('Asia/Kolkata');
    expect(() => assertTimeZone('Asia/Kolkatta', 'tz')).toThrow(/IANA/);
    expect(() => assertTimeZone('GMT+2', 'tz')).toThrow(/IANA/);
    expect(() => assertTimeZone(undefined, 'tz')).toThrow(/IANA/);
  });

  it('reads offsets and wall-clock fields from Intl, DST included', () => {
    expect(offsetMinutes(Date.UTC(2026, 0, 15, 12), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(Date.UTC(2026, 6, 15, 12), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(Date.UTC(2026, 6, 15, 12), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(Date.UTC(2026, 0, 15, 12), 'Asia/Kathmandu')).toBe(345);
    expect(zonedParts(Date.UTC(2026, 2, 30, 22, 30), 'Asia/Tokyo')).toMatchObject({
      day: 31,
      hour: 7,
      minute: 30,
      weekday: 1,
    });
    expect(localDate(Date.UTC(2026, 2, 2, 5), 'America/Los_Angeles')).toBe('2026-03-01');
  });

  it('turns wall-clock times into instants, moving forward over a spring gap and taking the earlier of a fall overlap', () => {
    expect(
      new Date(zonedToUtc({ year: 2026, month: 3, day: 28, hour: 18, minute: 0 }, 'Europe/Berlin')).toISOString(),
    ).toBe('2026-03-28T17:00:00.000Z');
    // 02:30 does not exist in Berlin on 29 March 2026: it becomes 03:30 CEST.
    expect(
      new Date(zonedToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin')).toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2026: the first one (CEST) is taken.
    expect(
      new Date(zonedToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin')).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
    expect(
      new Date(zonedToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York')).toISOString(),
    ).toBe('2026-11-01T05:30:00.000Z');
  });

  it('shows one instant in each viewer’s own zone', () => {
    const berlin = forViewer('2026-03-30T16:00:00Z', 'Europe/Berlin');
    const newYork = forViewer('2026-03-30T16:00:00Z', 'America/New_York');
    const kolkata = forViewer('2026-03-30T16:00:00Z', 'Asia/Kolkata');
    expect([berlin.date, berlin.time, berlin.offset]).toEqual(['2026-03-30', '18:00', '+02:00']);
    expect([newYork.date, newYork.time, newYork.offset]).toEqual(['2026-03-30', '12:00', '-04:00']);
    expect([kolkata.date, kolkata.time, kolkata.offset]).toEqual(['2026-03-30', '21:30', '+05:30']);
    expect(berlin.text).toContain('18:00');
    expect(berlin.text).toContain('2026');
    expect(() => forViewer('2026-03-30T16:00:00Z', 'Mars/Base')).toThrow(/IANA/);
  });
});

describe('a weekly session across a daylight-saving change keeps its local time', () => {
  const cases = [
    {
      zone: 'Europe/Berlin',
      // Spring: clocks go forward on Sunday 29 March 2026.
      first: { startsAt: '2026-03-23T17:00:00Z', endsAt: '2026-03-23T18:00:00Z' },
      expected: ['2026-03-23T17:00:00.000Z', '2026-03-30T16:00:00.000Z', '2026-04-06T16:00:00.000Z'],
      local: '18:00',
    },
    {
      zone: 'Europe/Berlin',
      // Autumn: clocks go back on Sunday 25 October 2026.
      first: { startsAt: '2026-10-19T17:00:00Z', endsAt: '2026-10-19T18:00:00Z' },
      expected: ['2026-10-19T17:00:00.000Z', '2026-10-26T18:00:00.000Z', '2026-11-02T18:00:00.000Z'],
      local: '19:00',
    },
    {
      zone: 'America/New_York',
      // Spring: clocks go forward on Sunday 8 March 2026.
      first: { startsAt: '2026-03-02T14:00:00Z', endsAt: '2026-03-02T15:30:00Z' },
      expected: ['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z'],
      local: '09:00',
    },
    {
      zone: 'America/New_York',
      // Autumn: clocks go back on Sunday 1 November 2026.
      first: { startsAt: '2026-10-26T13:00:00Z', endsAt: '2026-10-26T14:30:00Z' },
      expected: ['2026-10-26T13:00:00.000Z', '2026-11-02T14:00:00.000Z', '2026-11-09T14:00:00.000Z'],
      local: '09:00',
    },
  ];

  it.each(cases)('$zone from $first.startsAt', ({ zone, first, expected, local }) => {
    const occurrences = weeklyOccurrences(first, zone, 3);
    expect(occurrences.map((o) => o.startsAt)).toEqual(expected);
    for (const o of occurrences) {
      expect(forViewer(o.startsAt, zone).time).toBe(local);
      expect(Date.parse(o.endsAt) - Date.parse(o.startsAt)).toBe(Date.parse(first.endsAt) - Date.parse(first.startsAt));
    }
  });

  it('moves for a viewer in the other zone while the two changes are out of step', () => {
    const [before, after] = weeklyOccurrences(cases[0]!.first, 'Europe/Berlin', 2);
    expect(forViewer(before!.startsAt, 'America/New_York').time).toBe('13:00');
    expect(forViewer(after!.startsAt, 'America/New_York').time).toBe('12:00');
  });

  it('schedules each occurrence through the decider and the sessions keep 18:00 Berlin', () => {
    const occurrences = weeklyOccurrences(cases[0]!.first, 'Europe/Berlin', 3);
    const scheduled = occurrences.map((time, i) => {
      const command: SessionCommand = {
        type: 'ScheduleSession',
        actor: 'p-mentor',
        now: '2026-03-20T09:00:00Z',
        sessionId: `s-${i}`,
        programId: 'prog-1',
        kind: 'one-on-one',
        mentorshipId: 'm-1',
        pair: { mentorPersonId: 'p-mentor', menteePersonId: 'p-mentee' },
        inviteePersonIds: ['p-mentee'],
        mode: 'virtual',
        meetingLink: sealed('link'),
        ...time,
        timezone: 'Europe/Berlin',
        scheduling: { busy: [], availability: [], overrideAvailability: false },
      };
      const [event] = sessionDecider.decide(command, sessionDecider.initialState());
      return sessionDecider.evolve(sessionDecider.initialState(), event!);
    });
    expect(scheduled.map((s) => forViewer(s.startsAt, s.timezone).time)).toEqual(['18:00', '18:00', '18:00']);
  });
});
