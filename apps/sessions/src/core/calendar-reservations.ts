import { releaseSlot, reserveSlot, type Reservation, type ReservationRequest } from '@trellis/sessions/domain';
import { DomainError, isDuplicateKeyError } from '@trellis/shared/event-store';
import type { Collection, Connection } from 'mongoose';
import type { SessionsReadModels } from './read-models';

/** One version of a person's calendar: `_id` is `<tenantId>:<personId>#<version>`, never rewritten. */
interface PersonCalendarDocument {
  _id: string;
  tenantId: string;
  calendar: string;
  version: number;
  reservations: Reservation[];
  writtenAt: Date;
}

/** `<tenantId>:<personId>#head`: the newest version known, a hint that only ever grows. */
interface CalendarHead {
  _id: string;
  tenantId: string;
  calendar: string;
  version: number;
}

/** How long a reservation may wait for its session to be stored before another booking may take its time. */
export const RESERVATION_GRACE_MS = 60_000;

/**
 * The overlap rule without a race: each person's booked times are a chain of versions, and a change inserts the next
 * version under a unique `_id` (`…#<n+1>`). Two bookings for the same person read the same version and both try to
 * insert the next one: the duplicate key lets exactly one through; the other re-reads, sees the winner's reservation
 * and gets CONFLICT naming it. (An insert under a unique key is the one write FerretDB v1 makes atomic for us: a
 * conditional replace on a version field let two writers through in our concurrency test.) A booking for several people reserves them one
 * by one (sorted, so two bookings meet on the same first person) and gives back what it took if one refuses. Works on
 * FerretDB without transactions: every write is a single-document operation.
 */
export class CalendarReservations {
  readonly calendars: Collection<PersonCalendarDocument | CalendarHead>;

  constructor(
    connection: Connection,
    private readonly readModels: SessionsReadModels,
  ) {
    this.calendars = connection.collection('person_calendars') as unknown as Collection<
      PersonCalendarDocument | CalendarHead
    >;
  }

  async reserve(tenantId: string, personIds: string[], request: ReservationRequest, now: string): Promise<void> {
    const people = [...new Set(personIds)].sort();
    const taken: string[] = [];
    try {
      for (const personId of people) {
        await this.update(tenantId, personId, now, async (reservations) => {
          for (;;) {
            try {
              return reserveSlot(personId, reservations, request, now);
            } catch (error) {
              const orphan = await this.orphanedClash(tenantId, reservations, error, now);
              if (!orphan) throw error;
              reservations = reservations.filter((r) => r.sessionId !== orphan);
            }
          }
        });
        taken.push(personId);
      }
    } catch (error) {
      await this.release(tenantId, taken, request.sessionId, now);
      throw error;
    }
  }

  async release(tenantId: string, personIds: string[], sessionId: string, now: string): Promise<void> {
    for (const personId of [...new Set(personIds)]) {
      await this.update(tenantId, personId, now, (reservations) =>
        Promise.resolve(releaseSlot(reservations, sessionId, now)),
      );
    }
  }

  /** Erasure: every version of the person's calendar goes (they are keyed by their id). */
  async forget(tenantId: string, personId: string): Promise<void> {
    await this.calendars.deleteMany({ tenantId, calendar: calendarKey(tenantId, personId) });
  }

  /** The newest version: from the head hint, step forward while a next version exists. */
  private async latest(tenantId: string, calendar: string): Promise<PersonCalendarDocument | null> {
    const head = (await this.calendars.findOne({ _id: `${calendar}#head`, tenantId })) as CalendarHead | null;
    let version = head?.version ?? 0;
    let current =
      version > 0
        ? ((await this.calendars.findOne({ _id: `${calendar}#${version}`, tenantId })) as PersonCalendarDocument | null)
        : null;
    for (;;) {
      const next = (await this.calendars.findOne({
        _id: `${calendar}#${version + 1}`,
        tenantId,
      })) as PersonCalendarDocument | null;
      if (!next) return current;
      current = next;
      version += 1;
    }
  }

  private async update(
    tenantId: string,
    personId: string,
    now: string,
    change: (reservations: Reservation[]) => Promise<Reservation[]>,
  ): Promise<void> {
    const calendar = calendarKey(tenantId, personId);
    for (;;) {
      const current = await this.latest(tenantId, calendar);
      // The first booking of a person since reservations exist starts from the sessions already stored for them.
      const reservations =
        current?.reservations ??
        (await this.readModels.busy(tenantId, [personId], now, '9999-12-31T00:00:00.000Z')).map((b) => ({
          sessionId: b.sessionId,
          startsAt: b.startsAt,
          endsAt: b.endsAt,
          reservedAt: now,
        }));
      const next = await change(reservations);
      const version = (current?.version ?? 0) + 1;
      try {
        await this.calendars.insertOne({
          _id: `${calendar}#${version}`,
          tenantId,
          calendar,
          version,
          reservations: next,
          writtenAt: new Date(),
        });
      } catch (error) {
        // Another booking wrote this version first: decide again on top of it.
        if (isDuplicateKeyError(error)) continue;
        throw error;
      }
      await this.calendars
        .updateOne({ _id: `${calendar}#head`, tenantId }, { $max: { version }, $set: { calendar } }, { upsert: true })
        .catch((error: unknown) => {
          // Two first writers upserting the head at once: the hint is still right after the other's write.
          if (!isDuplicateKeyError(error)) throw error;
        });
      return;
    }
  }

  /**
   * A reservation whose session was never stored (its process died, or the command failed without giving it back)
   * must not block the time forever: after the grace period, one whose session is not scheduled at that time is
   * dropped. Returns the id of such a reservation behind a CONFLICT, if any.
   */
  private async orphanedClash(
    tenantId: string,
    reservations: Reservation[],
    error: unknown,
    now: string,
  ): Promise<string | undefined> {
    if (!(error instanceof DomainError) || error.code !== 'CONFLICT') return undefined;
    const clashing = (error.details as { clashingSessionId?: string } | undefined)?.clashingSessionId;
    const reservation = reservations.find((r) => r.sessionId === clashing);
    if (!reservation || Date.parse(now) - Date.parse(reservation.reservedAt) < RESERVATION_GRACE_MS) return undefined;
    const row = await this.readModels.sessionsOf(tenantId).findOne({ _id: reservation.sessionId });
    const live =
      row?.status === 'scheduled' && row.startsAt === reservation.startsAt && row.endsAt === reservation.endsAt;
    return live ? undefined : reservation.sessionId;
  }
}

const calendarKey = (tenantId: string, personId: string) => `${tenantId}:${personId}`;
