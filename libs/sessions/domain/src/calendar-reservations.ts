import { assertNoClash } from './scheduling';
import { parseUtcInstant, toUtcIso } from './time';

/**
 * One person's calendar as the overlap rule's single source of truth: the sessions they are booked for. The app keeps
 * it as one document per person written with a version check (optimistic concurrency, no transactions), so two
 * bookings racing for the same person's time serialize on that document and only one can win.
 */
export interface Reservation {
  sessionId: string;
  startsAt: string;
  endsAt: string;
  /** When the reservation was taken; a reservation whose session never got stored is dropped after a grace period. */
  reservedAt: string;
}

export interface ReservationRequest {
  sessionId: string;
  startsAt: string;
  endsAt: string;
}

/**
 * The person's reservations with this one added (replacing an earlier one of the same session: rescheduling or a
 * retry), or CONFLICT naming the earliest overlapping session. Reservations that ended before `now` are dropped.
 */
export function reserveSlot(
  personId: string,
  reservations: Reservation[],
  request: ReservationRequest,
  now: string,
): Reservation[] {
  const start = parseUtcInstant(request.startsAt, 'startsAt');
  const end = parseUtcInstant(request.endsAt, 'endsAt');
  const current = pruneReservations(reservations, now).filter((r) => r.sessionId !== request.sessionId);
  assertNoClash(
    current.map((r) => ({ ...r, personIds: [personId] })),
    [personId],
    start,
    end,
    request.sessionId,
  );
  return [
    ...current,
    {
      sessionId: request.sessionId,
      startsAt: toUtcIso(start),
      endsAt: toUtcIso(end),
      reservedAt: toUtcIso(parseUtcInstant(now, 'now')),
    },
  ];
}

export function releaseSlot(reservations: Reservation[], sessionId: string, now: string): Reservation[] {
  return pruneReservations(reservations, now).filter((r) => r.sessionId !== sessionId);
}

export function pruneReservations(reservations: Reservation[], now: string): Reservation[] {
  const nowMs = parseUtcInstant(now, 'now');
  return reservations.filter((r) => Date.parse(r.endsAt) > nowMs);
}
