import type { EventEnvelope } from '@trellis/shared/messaging';
import { isDeliverable, namesPerson, personsNamed } from './person-events';

const envelope = (tenantId: string, type: string, data: Record<string, unknown>) =>
  ({ tenantId, type, data }) as unknown as EventEnvelope;
const alice = { personId: 'alice', tenantId: 'org-a', orgAdmin: false };

describe('which events a subscriber receives', () => {
  it('recognizes the person in personId, *PersonId and *PersonIds fields only', () => {
    expect(namesPerson({ personId: 'alice' }, 'alice')).toBe(true);
    expect(namesPerson({ menteePersonId: 'alice', mentorPersonId: 'bob' }, 'alice')).toBe(true);
    expect(namesPerson({ attendeePersonIds: ['bob', 'alice'] }, 'alice')).toBe(true);
    expect(namesPerson({ programId: 'alice', note: 'alice' }, 'alice')).toBe(false);
    expect([
      ...personsNamed({ personId: 'alice', menteePersonId: 'bob', memberPersonIds: ['bob', 'carol'], note: 'dan' }),
    ]).toEqual(['alice', 'bob', 'carol']);
  });

  it('never delivers another organization’s event, and honours the type filter', () => {
    expect(isDeliverable(envelope('org-a', 'ParticipantEnrolled', { personId: 'alice' }), alice)).toBe(true);
    expect(isDeliverable(envelope('org-b', 'ParticipantEnrolled', { personId: 'alice' }), alice)).toBe(false);
    expect(isDeliverable(envelope('org-a', 'ParticipantEnrolled', { personId: 'alice' }), alice, ['X'])).toBe(false);
  });
});
