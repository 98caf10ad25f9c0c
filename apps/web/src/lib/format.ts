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

/** The IANA zone the browser is in, for APIs that write times into their text (UTC if the browser will not say). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
