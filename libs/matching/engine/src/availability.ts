import { type WeeklyWindow } from './types';

const MINUTES_PER_WEEK = 7 * 24 * 60;
const offsetCache = new Map<string, number>();

/**
 * UTC offset of an IANA zone in minutes at the reference instant. One fixed offset per zone keeps results
 * deterministic: a daylight-saving switch between two runs must not change a match.
 */
export function timezoneOffsetMinutes(timezone: string, referenceDate: string): number {
  const key = `${timezone}|${referenceDate}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let offset = 0;
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' }).formatToParts(
      new Date(referenceDate),
    );
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    if (match) {
      const sign = match[1] === '-' ? -1 : 1;
      offset = sign * (Number(match[2]) * 60 + Number(match[3] ?? '0'));
    }
  } catch {
    // An unknown zone is treated as UTC rather than failing the whole round; profile validation upstream owns it.
    offset = 0;
  }
  offsetCache.set(key, offset);
  return offset;
}

/**
 * Converts local weekly windows to sorted, merged [start, end) intervals in UTC minutes of the week
 * (0 = Monday 00:00 UTC), splitting windows that wrap around the end of the week.
 */
export function toUtcIntervals(windows: readonly WeeklyWindow[], offsetMinutes: number): Int32Array {
  const raw: [number, number][] = [];
  for (const w of windows) {
    const length = Math.max(0, Math.min(w.endMinute, 1440) - Math.max(w.startMinute, 0));
    if (length === 0) continue;
    const start =
      (((w.day * 1440 + Math.max(w.startMinute, 0) - offsetMinutes) % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) %
      MINUTES_PER_WEEK;
    const end = start + length;
    if (end <= MINUTES_PER_WEEK) raw.push([start, end]);
    else raw.push([start, MINUTES_PER_WEEK], [0, end - MINUTES_PER_WEEK]);
  }
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: number[] = [];
  for (const [s, e] of raw) {
    const last = merged.length - 1;
    if (last > 0 && s <= merged[last]!) merged[last] = Math.max(merged[last]!, e);
    else merged.push(s, e);
  }
  return Int32Array.from(merged);
}

/** Total overlap in minutes of two merged interval lists (as produced by toUtcIntervals). */
export function overlapMinutes(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]!, b[j]!);
    const e = Math.min(a[i + 1]!, b[j + 1]!);
    if (e > s) total += e - s;
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return total;
}
