const verdicts = new Map<string, boolean>();

/**
 * True for an IANA zone name the runtime's ICU database knows (`Europe/Berlin`). Offsets such as `+02:00` are refused
 * although newer runtimes accept them: they ignore daylight saving, so a weekly meeting would drift by an hour.
 */
export function isIanaTimeZone(value: string): boolean {
  const cached = verdicts.get(value);
  if (cached !== undefined) return cached;
  let valid = value.length <= 64 && /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value);
  if (valid) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
    } catch {
      valid = false;
    }
  }
  // Bounded: the names come from user input, and only known zones are worth remembering.
  if (valid || verdicts.size < 1000) verdicts.set(value, valid);
  return valid;
}

/*
 * Wall-clock arithmetic in IANA zones, from the runtime's Intl data alone. Luxon was weighed and left out: it resolves a
 * wall-clock time repeated by a fall-back overlap by the offset the zone has today, so the same input would give a
 * different instant in summer and in winter.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface ZonedParts extends LocalDateTime {
  second: number;
  /** 0 = Monday … 6 = Sunday, in the zone. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Wall-clock fields of an instant (epoch ms) in a zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']) % 24,
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: WEEKDAYS.indexOf(parts['weekday'] ?? ''),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (Berlin in summer: +120). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
}

/**
 * The instant (epoch ms) a wall-clock time in a zone denotes. Like Temporal's `compatible` disambiguation: a time
 * skipped by a spring-forward gap moves forward by the gap, a time repeated by a fall-back overlap takes the earlier
 * instant.
 */
export function zonedToUtc(local: LocalDateTime, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = offsetMinutes(wall - DAY, timeZone);
  const after = offsetMinutes(wall + DAY, timeZone);
  const candidates = [wall - before * MINUTE, wall - after * MINUTE].filter(
    (t, i) => offsetMinutes(t, timeZone) === (i === 0 ? before : after),
  );
  if (candidates.length === 0) return wall - before * MINUTE;
  return Math.min(...candidates);
}

/** The calendar date of an instant (epoch ms) in a zone, YYYY-MM-DD. */
export function zonedDate(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
