/**
 * Wall-clock times in IANA time zones. People pick "Tuesday 10:00 in Berlin"; the API stores instants (UTC). The
 * browser's Intl data is the only time-zone database the app needs, so no library is loaded for it.
 */

/** Every IANA time zone the browser knows, plus the given one should the browser not list it. */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function partsIn(instantMs: number, timeZone: string): WallParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instantMs));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
  };
}

const asUtcMs = (p: WallParts) => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);

/**
 * The instant (ISO 8601, UTC) at which the wall clock in `timeZone` shows `wallTime` (`YYYY-MM-DDTHH:mm`, as a
 * datetime-local input gives it), or null for text that is no such time. In the hour skipped when clocks go forward
 * the later offset is used, as calendars do.
 */
export function wallTimeToUtc(wallTime: string, timeZone: string): string | null {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wanted) || new Date(wanted).getUTCDate() !== day) return null;
  // The zone's offset at a guess, then at the corrected guess: two steps settle every real transition.
  let instant = wanted;
  for (let step = 0; step < 2; step += 1) instant = wanted - (asUtcMs(partsIn(instant, timeZone)) - instant);
  return new Date(instant).toISOString();
}

/** What the wall clock in `timeZone` shows at `instant`, as `YYYY-MM-DDTHH:mm` for a datetime-local input. */
export function utcToWallTime(instant: string | Date, timeZone: string): string {
  const p = partsIn(new Date(instant).getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The calendar day (`YYYY-MM-DD`, as a date input takes it) on which `instant` falls in `timeZone`. */
export function calendarDayIn(instant: string | Date, timeZone: string): string {
  return utcToWallTime(instant, timeZone).slice(0, 10);
}
