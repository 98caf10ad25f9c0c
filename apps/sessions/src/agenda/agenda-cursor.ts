import { DomainError } from '@trellis/shared/event-store';

const AGENDA_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z\|.+$/;

/** Opaque to clients; it is the row's `agendaKey`, so the next page is one range condition on the index. */
export const encodeAgendaCursor = (agendaKey: string): string => Buffer.from(agendaKey).toString('base64url');

export function decodeAgendaCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!AGENDA_KEY.test(value)) {
    throw new DomainError('BAD_USER_INPUT', 'after is not a cursor from this list.', { field: 'after' });
  }
  return value;
}
