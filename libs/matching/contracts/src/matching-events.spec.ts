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

describe('circle contracts', () => {
  const circle = { circleId: 'c1', programId: 'p1' };

  it('accepts circle formed / joined / left / closed with ids, enums and counts only', () => {
    const created = { ...circle, mentorPersonId: 'a', mentorParticipantId: 'pa', maxSize: 5, selfJoin: true };
    const joined = { ...circle, menteePersonId: 'b', menteeParticipantId: 'pb', members: 1, via: 'self' };
    const left = { ...circle, menteePersonId: 'b', menteeParticipantId: 'pb', members: 0, reason: 'removed' };
    const closed = { ...circle, memberPersonIds: ['b', 'c'] };
    expect(matchingEventSchemas.CircleCreated.parse(created)).toEqual(created);
    expect(matchingEventSchemas.CircleMemberJoined.parse(joined)).toEqual(joined);
    expect(matchingEventSchemas.CircleMemberLeft.parse(left)).toEqual(left);
    expect(matchingEventSchemas.CircleClosed.parse(closed)).toEqual(closed);
    // Events written before `selfJoin` and `via` existed still validate.
    const { selfJoin: _s, ...olderCreated } = created;
    expect(matchingEventSchemas.CircleCreated.safeParse(olderCreated).success).toBe(true);
  });

  it('rejects unknown enums, negative counts and free text', () => {
    const left = { ...circle, menteePersonId: 'b', menteeParticipantId: 'pb', members: 0, reason: 'left' };
    expect(matchingEventSchemas.CircleMemberLeft.safeParse({ ...left, reason: 'bored' }).success).toBe(false);
    expect(matchingEventSchemas.CircleMemberLeft.safeParse({ ...left, members: -1 }).success).toBe(false);
    expect(matchingEventSchemas.CircleClosed.safeParse({ ...circle, memberPersonIds: [], note: 'bye' }).success).toBe(
      false,
    );
    expect(
      matchingEventSchemas.CircleMemberJoined.safeParse({
        ...circle,
        menteePersonId: 'b',
        menteeParticipantId: 'pb',
        members: 1,
        via: 'magic',
      }).success,
    ).toBe(false);
  });
});
