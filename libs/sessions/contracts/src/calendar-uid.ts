/**
 * The iCalendar UID of a session, wherever Trellis writes one: the sessions service's invitation and personal feed,
 * and the notifications service's emailed invitation. A calendar that receives the same session from two of them
 * must see one entry, so both services take the UID from here and read the same TRELLIS_CALENDAR_UID_DOMAIN.
 */
export const sessionCalendarUid = (sessionId: string, uidDomain: string): string => `session-${sessionId}@${uidDomain}`;

/** Right-hand side of every UID when the deployment names none (RFC 5545 wants it globally unique: set it). */
export const DEFAULT_CALENDAR_UID_DOMAIN = 'trellis.local';

export const calendarUidDomainFromEnv = (env: Readonly<Record<string, string | undefined>>): string =>
  env['TRELLIS_CALENDAR_UID_DOMAIN'] ?? DEFAULT_CALENDAR_UID_DOMAIN;
