import { randomUUID } from 'node:crypto';
import { conversationStreamId } from '@trellis/sessions/contracts';
import { EventStore } from '@trellis/shared/event-store';
import { uniqueName, waitUntil } from '@trellis/shared/testing';
import { SessionsReadModels } from '../core/read-models';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY } from '../core/sessions-wiring';
import { SessionsHarness } from '../testing/sessions-harness';
import { SessionsTopicReader } from '../testing/sessions-topic-reader';
import { UpstreamFeed } from '../testing/upstream-feed';
import { CONVERSATION_RETENTION_ACTOR, ConversationRetentionMonitor } from './conversation-retention.monitor';

interface Person {
  tenantId: string;
  personId: string;
}
interface MessageFields {
  seq: number;
  body: string;
  status: string;
}

const DAY = 86_400_000;
const CONVERSATION = `query($m: ID!) { conversation(mentorshipId: $m) { status messages { seq body status } } }`;
const POST = `mutation($m: ID!, $b: String!) { postMessage(mentorshipId: $m, body: $b) { seq } }`;

/**
 * The program's conversation retention on the real broker and FerretDB: a program keeps messages 30 days after a
 * mentorship ends; the retention run at that moment (its clock injected) shreds the conversation's keys and records
 * ConversationMessagesShredded, the members then read "message removed"; a second run and a restart change nothing,
 * and a running mentorship's conversation is left alone.
 */
describe('conversation retention (sessions service, real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions_retention');
  const { wiring, ok } = sessions;
  const reader = new SessionsTopicReader();
  const tenantId = uniqueName('org');
  const programId = randomUUID();
  const person = (role: string): Person => ({ tenantId, personId: `${role}-${randomUUID()}` });
  const ended = { mentorshipId: randomUUID(), mentor: person('mentor'), mentee: person('mentee') };
  const running = { mentorshipId: randomUUID(), mentor: person('mentor'), mentee: person('mentee') };
  let feed: UpstreamFeed;
  let closedAt = '';

  const read = async (as: Person, mentorshipId: string) =>
    (await ok<{ conversation: { status: string; messages: MessageFields[] } }>(as, CONVERSATION, { m: mentorshipId }))
      .conversation;
  const post = (as: Person, mentorshipId: string, body: string) => ok(as, POST, { m: mentorshipId, b: body });
  const monitor = () => sessions.app.get(ConversationRetentionMonitor);
  const streamCommits = () =>
    sessions.app
      .get(EventStore)
      .commits.find({ streamId: conversationStreamId(ended.mentorshipId) })
      .toArray();
  const conversationKeys = (mentorshipId: string) =>
    sessions.db.connection.collection('person_keys').countDocuments({ scope: conversationStreamId(mentorshipId) });

  beforeAll(async () => {
    await sessions.start();
    await reader.start(sessions.kafka, wiring.sessionsTopic, 'retention_topic_reader');
    feed = new UpstreamFeed(sessions.kafka, tenantId, programId);
    await feed.publish(wiring.profilesTopic, feed.programCreated({ conversationRetentionDays: 30 }));
    const { programSettings } = sessions.app.get<symbol, SessionsDirectory>(SESSIONS_DIRECTORY);
    await waitUntil(
      async () => (await programSettings.settingsOf(tenantId, programId)).conversationRetentionDays === 30,
    );
    const startedAt = new Date(Date.now() - DAY).toISOString();
    for (const pair of [ended, running]) {
      await feed.publish(
        wiring.matchingTopic,
        feed.mentorshipStarted(pair.mentorshipId, pair.mentor, pair.mentee, startedAt),
      );
    }
    for (const pair of [ended, running]) {
      await waitUntil(
        async () => (await sessions.gql(pair.mentee, CONVERSATION, { m: pair.mentorshipId })).errors === undefined,
      );
    }
  }, 120_000);

  afterAll(async () => {
    await reader.stop();
    await feed?.disconnect();
    await sessions.close();
  });

  it('keeps the messages of an ended mentorship until the retention period has passed', async () => {
    await post(ended.mentee, ended.mentorshipId, 'My manager is leaving in March');
    await post(ended.mentor, ended.mentorshipId, 'Let us plan for that');
    await post(running.mentee, running.mentorshipId, 'See you Tuesday');
    expect(await conversationKeys(ended.mentorshipId)).toBe(2);

    await feed.publish(
      wiring.matchingTopic,
      feed.mentorshipEnded(ended.mentorshipId, ended.mentor, ended.mentee, 'goals-met'),
    );
    const closed = sessions.app.get(SessionsReadModels).closedConversations;
    await waitUntil(async () => (await closed.findOne({ _id: ended.mentorshipId })) !== null);
    closedAt = (await closed.findOne({ _id: ended.mentorshipId }))!.closedAt;

    expect((await monitor().runOnce(new Date(Date.parse(closedAt) + 30 * DAY - 1000))).shredded).toEqual([]);
    expect((await read(ended.mentor, ended.mentorshipId)).messages.map((m) => m.body)).toEqual([
      'My manager is leaving in March',
      'Let us plan for that',
    ]);
  });

  it('shreds them at closedAt + 30 days: the members read "message removed" and the stream says who, when, why', async () => {
    const at = new Date(Date.parse(closedAt) + 30 * DAY);
    const { shredded } = await monitor().runOnce(at);
    expect(shredded).toEqual([
      expect.objectContaining({
        type: 'ConversationMessagesShredded',
        mentorshipId: ended.mentorshipId,
        retentionDays: 30,
        closedAt,
        shreddedAt: at.toISOString(),
      }),
    ]);

    for (const member of [ended.mentor, ended.mentee]) {
      const conversation = await read(member, ended.mentorshipId);
      expect(conversation.status).toBe('CLOSED');
      expect(conversation.messages).toEqual([
        { seq: 1, body: 'message removed', status: 'REMOVED' },
        { seq: 2, body: 'message removed', status: 'REMOVED' },
      ]);
    }
    // Crypto-shredded: the conversation's keys are gone, so no copy of a body can be opened again.
    expect(await conversationKeys(ended.mentorshipId)).toBe(0);
    const commits = await streamCommits();
    const audit = commits.find((c) => c.events.some((e) => e.type === 'ConversationMessagesShredded'))!;
    expect(audit.meta.actor).toBe(CONVERSATION_RETENTION_ACTOR);
    expect(JSON.stringify(commits)).not.toContain('leaving in March');
    await waitUntil(async () => Promise.resolve(reader.events.some((e) => e.type === 'ConversationMessagesShredded')));
    expect(reader.events.find((e) => e.type === 'ConversationMessagesShredded')!.data).toEqual({
      mentorshipId: ended.mentorshipId,
      memberPersonIds: [ended.mentor.personId, ended.mentee.personId],
      programId,
      retentionDays: 30,
      closedAt,
      shreddedAt: at.toISOString(),
    });

    // The running mentorship's conversation is untouched.
    expect((await read(running.mentor, running.mentorshipId)).messages.map((m) => m.body)).toEqual(['See you Tuesday']);
    expect(await conversationKeys(running.mentorshipId)).toBe(1);
  });

  it('changes nothing on a second run, nor after a restart', async () => {
    const before = (await streamCommits()).length;
    expect((await monitor().runOnce(new Date(Date.parse(closedAt) + 31 * DAY))).shredded).toEqual([]);
    // A conversation closed before the retention run's rows existed gets its row back from its stream at start-up.
    const closed = () => sessions.app.get(SessionsReadModels).closedConversations;
    await closed().deleteOne({ _id: ended.mentorshipId });
    await sessions.restart();
    const restored = await closed().findOne({ _id: ended.mentorshipId });
    expect(restored?.closedAt).toBe(closedAt);
    expect(restored?.messagesShreddedAt).toBe(new Date(Date.parse(closedAt) + 30 * DAY).toISOString());
    expect((await monitor().runOnce(new Date(Date.parse(closedAt) + 400 * DAY))).shredded).toEqual([]);
    expect(await streamCommits()).toHaveLength(before);
    expect(
      reader.events.filter((e) => e.type === 'ConversationMessagesShredded' && e.streamId.endsWith(ended.mentorshipId)),
    ).toHaveLength(1);
    expect((await read(ended.mentee, ended.mentorshipId)).messages.map((m) => m.status)).toEqual([
      'REMOVED',
      'REMOVED',
    ]);
    expect((await read(running.mentee, running.mentorshipId)).messages.map((m) => m.body)).toEqual(['See you Tuesday']);
  });
});
