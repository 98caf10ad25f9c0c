import { DomainError } from '@trellis/shared/kernel';
import { releaseSlot, reserveSlot, type Reservation } from './calendar-reservations';

const now = '2026-03-01T00:00:00Z';
const booked: Reservation[] = [
  { sessionId: 's-1', startsAt: '2026-03-10T10:00:00.000Z', endsAt: '2026-03-10T11:00:00.000Z', reservedAt: now },
  { sessionId: 's-old', startsAt: '2026-02-10T10:00:00.000Z', endsAt: '2026-02-10T11:00:00.000Z', reservedAt: now },
];

describe('calendar reservations (one document per person)', () => {
  it('given a booked hour, when another session overlaps it, then CONFLICT names the booked session', () => {
    let error: unknown;
    try {
      reserveSlot(
        'p',
        booked,
        { sessionId: 's-2', startsAt: '2026-03-10T10:30:00Z', endsAt: '2026-03-10T11:30:00Z' },
        now,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { clashingSessionId: 's-1', personIds: ['p'] } });
    expect((error as Error).message).toContain('overlaps session s-1');
  });

  it('given a booked hour, when a session starts as it ends, then both are kept and past ones are dropped', () => {
    const next = reserveSlot(
      'p',
      booked,
      { sessionId: 's-2', startsAt: '2026-03-10T11:00:00Z', endsAt: '2026-03-10T12:00:00Z' },
      now,
    );
    expect(next.map((r) => r.sessionId)).toEqual(['s-1', 's-2']);
  });

  it('given its own reservation, when the session moves (or the booking is retried), then it replaces it', () => {
    const moved = reserveSlot(
      'p',
      booked,
      { sessionId: 's-1', startsAt: '2026-03-10T10:30:00Z', endsAt: '2026-03-10T11:30:00Z' },
      now,
    );
    expect(moved).toEqual([
      {
        sessionId: 's-1',
        startsAt: '2026-03-10T10:30:00.000Z',
        endsAt: '2026-03-10T11:30:00.000Z',
        reservedAt: '2026-03-01T00:00:00.000Z',
      },
    ]);
    expect(releaseSlot(moved, 's-1', now)).toEqual([]);
  });
});
