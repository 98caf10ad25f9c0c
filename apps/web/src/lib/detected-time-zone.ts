// Apart from the rest of time-zones.ts: the first page needs only this, and a module is never split between chunks.

/** The browser's own time zone, which the person can change. */
export function detectedTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
