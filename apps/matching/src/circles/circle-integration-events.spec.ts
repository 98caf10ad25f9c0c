import { matchingEventSchemas } from '@trellis/matching/contracts';
import { circleDecider, type CircleCommand, type CircleEvent } from '@trellis/matching/domain';
import { toMatchingIntegrationEvent } from '../messaging/integration-events';

const now = '2026-03-01T10:00:00.000Z';
const manager = { personId: 'boss', isManager: true };

/** Runs commands through the circle decider and returns every event it produced. */
function run(commands: CircleCommand[]): CircleEvent[] {
  const events: CircleEvent[] = [];
  let state = circleDecider.initialState();
  for (const command of commands) {
    for (const event of circleDecider.decide(command, state)) {
      events.push(event);
      state = circleDecider.evolve(state, event);
    }
  }
  return events;
}

describe('circle integration events', () => {
  const events = run([
    {
      type: 'CreateCircle',
      circleId: 'c1',
      programId: 'p1',
      mentorPersonId: 'lead',
      mentorParticipantId: 'pl',
      maxSize: 3,
      selfJoin: true,
      actor: manager,
      now,
    },
    {
      type: 'JoinCircle',
      menteePersonId: 'a',
      menteeParticipantId: 'pa',
      via: 'self',
      actor: { personId: 'a', isManager: false },
      now,
    },
    { type: 'JoinCircle', menteePersonId: 'b', menteeParticipantId: 'pb', via: 'round', actor: manager, now },
    { type: 'LeaveCircle', menteePersonId: 'a', actor: manager, now },
    { type: 'CloseCircle', actor: manager, now },
  ]);

  it('maps every circle event to a contract-valid event on matching.events.v1', () => {
    const mapped = events.map((e) => toMatchingIntegrationEvent(e));
    expect(mapped.map((e) => e?.type)).toEqual([
      'CircleCreated',
      'CircleMemberJoined',
      'CircleMemberJoined',
      'CircleMemberLeft',
      'CircleClosed',
    ]);
    for (const event of mapped) {
      if (!event) throw new Error('a circle event was not published');
      expect(() => matchingEventSchemas[event.type].parse(event.data)).not.toThrow();
    }
    expect(mapped[3]?.data).toEqual({
      circleId: 'c1',
      programId: 'p1',
      menteePersonId: 'a',
      menteeParticipantId: 'pa',
      members: 1,
      reason: 'removed',
    });
    expect(mapped[4]?.data).toEqual({ circleId: 'c1', programId: 'p1', memberPersonIds: ['b'] });
  });

  it('keeps who acted and when off the topic', () => {
    const json = JSON.stringify(events.map((e) => toMatchingIntegrationEvent(e)));
    expect(json).not.toContain('boss');
    expect(json).not.toContain(now);
  });
});
