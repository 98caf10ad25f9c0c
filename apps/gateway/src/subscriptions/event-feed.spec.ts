import type { FeedEvent } from '@trellis/gateway/supergraph';
import type { EventEnvelope } from '@trellis/shared/messaging';
import { createLogger } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';
import { EventFeed } from './event-feed';
import type { PushIterator } from './push-iterator';

const event = (tenantId: string, type: string, data: Record<string, unknown>): FeedEvent => ({
  topic: 'sessions.events.v1',
  envelope: { tenantId, type, data } as unknown as EventEnvelope,
});
const person = (tenantId: string, personId: string) => ({ tenantId, personId, orgAdmin: false });

/** What a subscriber has been handed so far, without waiting for more. */
async function received(iterator: PushIterator<FeedEvent>): Promise<string[]> {
  const types: string[] = [];
  for (;;) {
    const next = await Promise.race([iterator.next(), Promise.resolve(null)]);
    if (!next || next.done) return types;
    types.push(next.value.envelope.type);
  }
}

describe('the live event feed (no broker: events handed in directly)', () => {
  const feed = new EventFeed({} as Kafka, [], createLogger('gateway-spec', { level: 'silent' }));

  it('hands each event to the subscribers of the people it names, in their organization only', async () => {
    const alice = feed.listen(person('org-a', 'alice'));
    const aliceOnPhone = feed.listen(person('org-a', 'alice'), ['MessagePosted']);
    const bob = feed.listen(person('org-a', 'bob'));
    const aliceElsewhere = feed.listen(person('org-b', 'alice'));

    feed.deliver(event('org-a', 'MessagePosted', { authorPersonId: 'bob', memberPersonIds: ['alice', 'bob'] }));
    feed.deliver(event('org-a', 'GoalSet', { mentorPersonId: 'alice', menteePersonId: 'alice' }));
    feed.deliver(event('org-a', 'ProgramArchived', { programId: 'alice' }));

    expect(await received(alice)).toEqual(['MessagePosted', 'GoalSet']);
    expect(await received(aliceOnPhone)).toEqual(['MessagePosted']);
    expect(await received(bob)).toEqual(['MessagePosted']);
    expect(await received(aliceElsewhere)).toEqual([]);
  });

  it('forgets a subscriber that closed, and counts the ones still listening', async () => {
    const before = feed.listenerCount;
    const carol = feed.listen(person('org-a', 'carol'));
    expect(feed.listenerCount).toBe(before + 1);
    await carol.return();
    expect(feed.listenerCount).toBe(before);
    feed.deliver(event('org-a', 'GoalSet', { menteePersonId: 'carol' }));
    expect(await received(carol)).toEqual([]);
  });
});
