import {
  availabilityFromProfile,
  checkSessionTime,
  describeAvailability,
  withinAvailability,
  type PersonAvailability,
} from './scheduling';
import { checkText, isSealed } from './sealed';

const at = (iso: string) => Date.parse(iso);
const evenings = (timeZone: string): PersonAvailability => ({
  personId: 'p',
  timeZone,
  // Mondays 18:00 to midnight, Tuesdays 06:00–08:00.
  windows: [
    { day: 0, startMinute: 18 * 60, endMinute: 24 * 60 },
    { day: 1, startMinute: 6 * 60, endMinute: 8 * 60 },
  ],
});

describe('withinAvailability', () => {
  it('reads the window in the person’s zone', () => {
    // Monday 30 March 2026, 18:00–19:00 in Berlin (CEST) = 16:00–17:00 UTC.
    expect(withinAvailability(at('2026-03-30T16:00:00Z'), at('2026-03-30T17:00:00Z'), evenings('Europe/Berlin'))).toBe(
      true,
    );
    expect(withinAvailability(at('2026-03-30T15:30:00Z'), at('2026-03-30T16:30:00Z'), evenings('Europe/Berlin'))).toBe(
      false,
    );
    // The same UTC hour is 21:45 in Kathmandu (+05:45): inside the Monday evening window there.
    expect(withinAvailability(at('2026-03-30T16:00:00Z'), at('2026-03-30T17:00:00Z'), evenings('Asia/Kathmandu'))).toBe(
      true,
    );
  });

  it('accepts a session ending exactly at local midnight, refuses one running past it', () => {
    expect(withinAvailability(at('2026-03-30T21:00:00Z'), at('2026-03-30T22:00:00Z'), evenings('Europe/Berlin'))).toBe(
      true,
    );
    expect(withinAvailability(at('2026-03-30T21:30:00Z'), at('2026-03-30T22:30:00Z'), evenings('Europe/Berlin'))).toBe(
      false,
    );
  });

  it('uses the local weekday, not the UTC one', () => {
    // Tuesday 07:00 in Tokyo is Monday 22:00 UTC.
    expect(withinAvailability(at('2026-03-30T22:00:00Z'), at('2026-03-30T22:30:00Z'), evenings('Asia/Tokyo'))).toBe(
      true,
    );
  });
});

describe('checkSessionTime', () => {
  const context = { busy: [], availability: [evenings('Europe/Berlin')], overrideAvailability: false };

  it('ignores stated availability of people who are not attendees, and empty availability', () => {
    const time = { startsAt: '2026-03-31T10:00:00Z', endsAt: '2026-03-31T11:00:00Z' };
    expect(checkSessionTime(time, ['q'], '2026-03-01T00:00:00Z', context, 's')).toEqual({
      startsAt: '2026-03-31T10:00:00.000Z',
      endsAt: '2026-03-31T11:00:00.000Z',
    });
    const empty = { ...context, availability: [{ personId: 'p', timeZone: 'UTC', windows: [] }] };
    expect(() => checkSessionTime(time, ['p'], '2026-03-01T00:00:00Z', empty, 's')).not.toThrow();
    expect(() => checkSessionTime(time, ['p'], '2026-03-01T00:00:00Z', context, 's')).toThrow(/availability/);
  });

  it('names the earliest clash and counts the attendees involved', () => {
    const busy = [
      { sessionId: 'late', startsAt: '2026-03-31T10:30:00Z', endsAt: '2026-03-31T12:00:00Z', personIds: ['a', 'b'] },
      { sessionId: 'early', startsAt: '2026-03-31T09:30:00Z', endsAt: '2026-03-31T10:15:00Z', personIds: ['a', 'b'] },
    ];
    const time = { startsAt: '2026-03-31T10:00:00Z', endsAt: '2026-03-31T11:00:00Z' };
    expect(() =>
      checkSessionTime(time, ['a', 'b'], '2026-03-01T00:00:00Z', { ...context, busy, availability: [] }, 's'),
    ).toThrow(/session early .* 2 attendees are already booked/);
  });
});

describe('availability from profiles', () => {
  it('turns ISO weekdays (1 = Monday) into the scheduling days (0 = Monday) and drops nonsense windows', () => {
    const availability = availabilityFromProfile('p', {
      timezone: 'Europe/Berlin',
      availability: [
        { day: 1, startMinute: 540, endMinute: 720 },
        { day: 7, startMinute: 600, endMinute: 660 },
        { day: 0, startMinute: 540, endMinute: 720 },
        { day: 3, startMinute: 720, endMinute: 540 },
        { day: 4, startMinute: 0, endMinute: 1500 },
      ],
    });
    expect(availability).toEqual({
      personId: 'p',
      timeZone: 'Europe/Berlin',
      windows: [
        { day: 0, startMinute: 540, endMinute: 720 },
        { day: 6, startMinute: 600, endMinute: 660 },
      ],
    });
    expect(describeAvailability(availability)).toBe('available Mon 09:00–12:00, Sun 10:00–11:00 (Europe/Berlin)');
    // Monday 30 March 2026, 09:30–10:30 in Berlin (CEST) is 07:30–08:30 UTC.
    expect(withinAvailability(at('2026-03-30T07:30:00Z'), at('2026-03-30T08:30:00Z'), availability)).toBe(true);
    expect(() =>
      checkSessionTime(
        { startsAt: '2026-03-31T07:30:00Z', endsAt: '2026-03-31T08:30:00Z' },
        ['p'],
        '2026-03-01T00:00:00Z',
        { busy: [], availability: [availability], overrideAvailability: false },
        's',
      ),
    ).toThrow('(available Mon 09:00–12:00, Sun 10:00–11:00 (Europe/Berlin))');
  });
});

describe('text rules (checked by the app before it encrypts)', () => {
  it('trims, requires and bounds text', () => {
    expect(checkText('goalTitle', '  Lead a project  ')).toBe('Lead a project');
    expect(() => checkText('goalTitle', '   ', 'Goal title')).toThrow('Goal title must not be empty.');
    expect(() => checkText('goalTitle', 'x'.repeat(201))).toThrow(/at most 200/);
    expect(checkText('feedbackText', '')).toBeUndefined();
  });

  it('accepts web links only for links', () => {
    expect(checkText('meetingLink', 'https://meet.example/abc')).toBe('https://meet.example/abc');
    expect(() => checkText('meetingLink', 'javascript:alert(1)')).toThrow(/https/);
    expect(() => checkText('resourceLink', 'not a url')).toThrow(/https/);
  });

  it('tells sealed values from plain ones', () => {
    expect(isSealed({ enc: 'x' })).toBe(true);
    expect(isSealed('plain')).toBe(false);
    expect(isSealed({})).toBe(false);
    expect(isSealed({ ct: 'x' })).toBe(false);
    expect(isSealed(['x'])).toBe(false);
  });
});
