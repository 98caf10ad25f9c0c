import { z } from 'zod';
import { isIanaTimeZone } from '@trellis/shared/kernel';

/**
 * Identifiers are opaque tokens: no spaces, so a name or a sentence cannot slip into an integration event through an
 * id field (integration events carry ids, enums, numbers and times only: docs/architecture.md §5).
 */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:@-]*$/, 'must be an opaque identifier');

/** An instant in UTC, ISO 8601 with a `Z` suffix (offsets are refused so every producer writes the same form). */
export const utcInstantSchema = z.string().datetime({ offset: false });

/** A calendar date without time (a goal's target date, an action item's due date). */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isRealDate, 'must be a real calendar date');

/** An IANA time zone name the runtime knows (Intl), e.g. Europe/Berlin. */
export const ianaTimeZoneSchema = z.string().min(1).max(64).refine(isIanaTimeZone, 'must be an IANA time zone name');

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
