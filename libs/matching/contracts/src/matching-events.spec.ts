import { MATCHING_TOPIC, matchingContracts, matchingEventSchemas } from './matching-events';

describe('matching contracts', () => {
  it('publishes on matching.events.v1 with one contract per event type', () => {
    expect(MATCHING_TOPIC).toBe('matching.events.v1');
    expect(matchingContracts.map((c) => c.type)).toEqual(Object.keys(matchingEventSchemas));
    expect(new Set(matchingContracts.map((c) => c.type)).size).toBe(matchingContracts.length);
  });

  it('accepts a MentorshipStarted with ids and enums only', () => {
    const data = {
      mentorshipId: 'm1',
      programId: 'p1',
      mentorPersonId: 'a',
      menteePersonId: 'b',
      mentorParticipantId: 'pa',
      menteeParticipantId: 'pb',
      format: 'one-on-one',
      origin: 'request',
      originId: 'r1',
    };
    expect(matchingEventSchemas.MentorshipStarted.parse(data)).toEqual(data);
  });

  it('rejects free text smuggled into an event (strict schemas)', () => {
    const requested = {
      requestId: 'r1',
      programId: 'p1',
      mentorPersonId: 'a',
      menteePersonId: 'b',
      expiresAt: '2026-03-15T10:00:00.000Z',
    };
    expect(matchingEventSchemas.MentorshipRequested.safeParse(requested).success).toBe(true);
    expect(matchingEventSchemas.MentorshipRequested.safeParse({ ...requested, message: 'Hi, I am…' }).success).toBe(
      false,
    );
    expect(
      matchingEventSchemas.ProposalDeclined.safeParse({
        proposalId: 'x',
        programId: 'p1',
        side: 'mentee',
        personId: 'b',
        reason: 'because I said so',
      }).success,
    ).toBe(false);
  });
});
