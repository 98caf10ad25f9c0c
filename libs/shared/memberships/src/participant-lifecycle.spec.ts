import type { EventEnvelope } from '@trellis/shared/messaging';
import { evolveParticipantLifecycle, type ParticipantLifecycle } from './participant-lifecycle';

interface Row extends ParticipantLifecycle {
  personId: string;
}

let revision = 0;
const event = (type: string, data: Record<string, unknown> = {}): EventEnvelope => ({
  id: `event-${++revision}`,
  type,
  schemaVersion: 1,
  streamId: 'participant-p1',
  streamType: 'participant',
  revision,
  occurredAt: '2026-12-07T10:00:00.000Z',
  tenantId: 'org',
  correlationId: 'c',
  data,
});

const enrolled: Row = { personId: 'ana', roles: ['mentee'], status: 'active' };

describe('evolveParticipantLifecycle', () => {
  it('adds a role once, however often the event is applied', () => {
    const once = evolveParticipantLifecycle(enrolled, event('ParticipantRoleAdded', { role: 'mentor' }));
    const twice = evolveParticipantLifecycle(once!, event('ParticipantRoleAdded', { role: 'mentor' }));
    expect(once).toEqual({ personId: 'ana', roles: ['mentee', 'mentor'], status: 'active' });
    expect(twice).toEqual(once);
  });

  it('follows pause, resume and withdrawal, keeping the rest of the row', () => {
    const paused = evolveParticipantLifecycle(enrolled, event('ParticipantPaused'));
    expect(paused).toEqual({ ...enrolled, status: 'paused' });
    expect(evolveParticipantLifecycle(paused!, event('ParticipantResumed'))).toEqual(enrolled);
    expect(evolveParticipantLifecycle(enrolled, event('ParticipantWithdrew'))).toEqual({
      ...enrolled,
      status: 'withdrawn',
    });
  });

  it('keeps nothing of an erased participant, and no row for one never seen enrolled', () => {
    expect(evolveParticipantLifecycle(enrolled, event('ParticipantDataErased'))).toBeNull();
    expect(evolveParticipantLifecycle<Row>(undefined, event('ParticipantPaused'))).toBeNull();
  });

  it('leaves every other event to the projection', () => {
    expect(evolveParticipantLifecycle(enrolled, event('ParticipantEnrolled'))).toBeUndefined();
    expect(evolveParticipantLifecycle(enrolled, event('MentorCapacityChanged', { capacity: 3 }))).toBeUndefined();
  });
});
