/**
 * Dates and numbers in the viewer's language and time zone. The server sends instants (ISO 8601) and plain numbers;
 * only the browser knows where the person is.
 */
export function formatDate(instant: string | Date, locale: string, timeZone?: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone && { timeZone }) }).format(date);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatDateTime(instant: string | Date, locale: string, timeZone?: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone && { timeZone }),
  }).format(date);
}

/** A calendar day (`YYYY-MM-DD`, as goals and milestones have them): the same day wherever the viewer is. */
export function formatCalendarDate(day: string, locale: string): string {
  return formatDate(`${day}T00:00:00Z`, locale, 'UTC');
}

/** Day and time of an instant in a zone, with the zone's short name so two sides of a call can compare. */
export function formatZonedDateTime(instant: string | Date, locale: string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

/** Only the time of day of an instant in a zone, e.g. the end of a session shown after its start. */
export function formatTime(instant: string | Date, locale: string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

/** A share in [0, 1] as a percentage, e.g. 0.875 → "88 %" in German, "88%" in English. */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A score or an average with a fixed number of decimals, so a column of them lines up. */
export function formatDecimal(value: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
