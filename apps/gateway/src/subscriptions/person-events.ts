import type { Principal } from '@trellis/shared/auth';
import type { EventEnvelope } from '@trellis/shared/messaging';

/**
 * Whether an event concerns this person: Trellis's integration events name people only in `personId`, `*PersonId`
 * and `*PersonIds` fields (ids, never names: docs/architecture.md §5), so events added later by any service are
 * covered.
 */
export function personsNamed(data: Record<string, unknown>): Set<string> {
  const named = new Set<string>();
  for (const [key, value] of Object.entries(data)) {
    if ((key === 'personId' || key.endsWith('PersonId')) && typeof value === 'string') named.add(value);
    if ((key === 'personIds' || key.endsWith('PersonIds')) && Array.isArray(value)) {
      for (const id of value) if (typeof id === 'string') named.add(id);
    }
  }
  return named;
}

export function namesPerson(data: Record<string, unknown>, personId: string): boolean {
  return personsNamed(data).has(personId);
}

/** Tenant first: an event of another organization is never delivered, whatever ids it carries. */
export function isDeliverable(envelope: EventEnvelope, principal: Principal, types?: readonly string[]): boolean {
  if (envelope.tenantId !== principal.tenantId) return false;
  if (types?.length && !types.includes(envelope.type)) return false;
  return namesPerson(envelope.data, principal.personId);
}
