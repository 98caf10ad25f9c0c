import { randomUUID } from 'node:crypto';
import { circleConversationId, conversationStreamId } from '@trellis/sessions/contracts';
import { EventStore } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import { uniqueName, waitUntil } from '@trellis/shared/testing';
import { startProgram } from '../testing/program.fixture';
import { SessionsHarness } from '../testing/sessions-harness';
import { SessionsTopicReader } from '../testing/sessions-topic-reader';
import { UpstreamFeed } from '../testing/upstream-feed';

interface Who {
  tenantId: string;
  personId: string;
  orgAdmin?: boolean;
}
interface ConversationFields {
  mentorshipId: string;
  circleId: string | null;
  status: string;
  memberPersonIds: string[];
  unreadCount: number;
  messages: Array<{ id: string; seq: number; body: string; authorPersonId: string }>;
}
interface Summary {
  mentorshipId: string;
  circleId: string | null;
  unreadCount: number;
}

const CONVERSATION = `query($m: ID!) { conversation(mentorshipId: $m) {
  mentorshipId circleId status memberPersonIds unreadCount messages { id seq body authorPersonId } } }`;
const POST = `mutation($m: ID!, $b: String!) { postMessage(mentorshipId: $m, body: $b) { id seq } }`;
const MINE = `query { myConversations { mentorshipId circleId unreadCount } }`;
const REPORT = `mutation($m: ID!, $id: ID!) { reportMessage(mentorshipId: $m, messageId: $id, reason: SPAM) { messageId } }`;
const REPORTED = `query($p: ID!) { reportedMessages(programId: $p, status: OPEN) { messageId mentorshipId context { body } } }`;

/**
 * A circle's conversation on the real broker and FerretDB: opened by CircleCreated with the mentor, joined and left
 * by mentees as matching announces it, read by its members only, closed with the circle; redelivered circle events
 * add nothing.
 */
describe('circle conversations (sessions service, real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions_circle_conversations', { memberships: true });
  const { ok } = sessions;
  const reader = new SessionsTopicReader();
  const published = reader.events;
  let feed: UpstreamFeed;
  const tenantId = uniqueName('org');
  const programId = randomUUID();
  const circleId = randomUUID();
  const conversationId = circleConversationId(circleId);
  const person = (role: string): Who => ({ tenantId, personId: `${role}-${randomUUID()}` });
  const mentor = person('mentor');
  const first = person('mentee');
  const second = person('mentee');
  const latecomer = person('mentee');
  const manager = person('manager');
  const orgAdmin: Who = { ...person('admin'), orgAdmin: true };
  const delivered: EventEnvelope[] = [];

  const matching = async (...envelopes: EventEnvelope[]) => {
    delivered.push(...envelopes);
    await feed.publish(sessions.wiring.matchingTopic, ...envelopes);
  };
  const ofCircle = (type: string) =>
    published.filter((e) => e.type === type && (e.data as { mentorshipId?: string }).mentorshipId === conversationId);
  const read = async (as: Who) =>
    (await ok<{ conversation: ConversationFields }>(as, CONVERSATION, { m: conversationId })).conversation;
  const post = async (as: Who, body: string) =>
    (await ok<{ postMessage: { id: string; seq: number } }>(as, POST, { m: conversationId, b: body })).postMessage;
  const mine = async (as: Who) => (await ok<{ myConversations: Summary[] }>(as, MINE)).myConversations;
  const refusal = async (as: Who, query: string, variables: Record<string, unknown>) => {
    const { code, message } = await sessions.refused(as, query, variables);
    return { code, message };
  };

  beforeAll(async () => {
    await sessions.start();
    await reader.start(sessions.kafka, sessions.wiring.sessionsTopic, 'circle_conversations_topic_reader');
    feed = new UpstreamFeed(sessions.kafka, tenantId, programId);
    await startProgram(sessions, feed, {
      manager,
      participants: [
        [mentor, 'mentor'],
        [first, 'mentee'],
        [second, 'mentee'],
        [latecomer, 'mentee'],
      ],
      mentorships: [],
    });
  }, 120_000);

  afterAll(async () => {
    await reader.stop();
    await feed?.disconnect();
    await sessions.close();
  });

  it('opens the conversation with the mentor when the circle is created, and adds each mentee who joins', async () => {
    await matching(feed.circleCreated(circleId, mentor));
    await waitUntil(async () => ofCircle('ConversationOpened').length === 1);
    expect(ofCircle('ConversationOpened')[0]).toMatchObject({
      streamId: conversationStreamId(conversationId),
      data: { mentorshipId: conversationId, circleId, programId, memberPersonIds: [mentor.personId] },
    });
    expect(await read(mentor)).toMatchObject({ circleId, status: 'OPEN', memberPersonIds: [mentor.personId] });

    await matching(feed.circleMemberJoined(circleId, first, 1), feed.circleMemberJoined(circleId, second, 2));
    await waitUntil(async () => ofCircle('ConversationMemberJoined').length === 2);
    expect(ofCircle('ConversationMemberJoined').map((e) => e.data)).toMatchObject([
      { circleId, joinedPersonId: first.personId, memberPersonIds: [mentor.personId, first.personId] },
      {
        circleId,
        joinedPersonId: second.personId,
        memberPersonIds: [mentor.personId, first.personId, second.personId],
      },
    ]);
  });

  it('brings the mentor’s message to both mentees, live by ids, counted unread in their lists', async () => {
    const welcome = await post(mentor, 'Welcome to our circle, both of you!');
    for (const mentee of [first, second]) {
      const conversation = await read(mentee);
      expect(conversation.messages.map((m) => m.body)).toEqual(['Welcome to our circle, both of you!']);
      expect(conversation.unreadCount).toBe(1);
      expect(await mine(mentee)).toEqual([{ mentorshipId: conversationId, circleId, unreadCount: 1 }]);
    }
    await waitUntil(async () => ofCircle('MessagePosted').length === 1);
    // Every member is named, so the gateway tells all three live and notifications arms a reminder for each mentee.
    expect(ofCircle('MessagePosted')[0]!.data).toMatchObject({
      messageId: welcome.id,
      memberPersonIds: [mentor.personId, first.personId, second.personId],
    });
    expect(JSON.stringify(ofCircle('MessagePosted'))).not.toContain('Welcome');
  });

  it('refuses the program’s manager, an organization admin and a mentee of the program outside the circle', async () => {
    for (const outsider of [manager, orgAdmin, latecomer]) {
      expect(await refusal(outsider, CONVERSATION, { m: conversationId })).toEqual({
        code: 'FORBIDDEN',
        message: 'Only the people of this circle read and write its conversation.',
      });
      expect(await refusal(outsider, POST, { m: conversationId, b: 'let me in' })).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('takes a member’s report to the program’s manager as for a pair', async () => {
    const teaser = await post(first, 'Buy my course at example.org');
    await ok(second, REPORT, { m: conversationId, id: teaser.id });
    await waitUntil(async () => ofCircle('MessageReported').length === 1);
    type Queue = {
      reportedMessages: Array<{ messageId: string; mentorshipId: string; context: Array<{ body: string }> }>;
    };
    const queue = () => ok<Queue>(manager, REPORTED, { p: programId });
    await waitUntil(async () => (await queue()).reportedMessages.length > 0);
    expect((await queue()).reportedMessages).toEqual([
      {
        messageId: teaser.id,
        mentorshipId: conversationId,
        context: [{ body: 'Welcome to our circle, both of you!' }, { body: 'Buy my course at example.org' }],
      },
    ]);
  });

  it('lets a mentee who left read up to their leaving, nothing newer, and post nothing', async () => {
    await matching(feed.circleMemberLeft(circleId, first, 1));
    await waitUntil(async () => ofCircle('ConversationMemberLeft').length === 1);
    expect(ofCircle('ConversationMemberLeft')[0]!.data).toMatchObject({
      leftPersonId: first.personId,
      memberPersonIds: [mentor.personId, second.personId],
      upToSeq: 2,
    });
    await post(mentor, 'A plan for the two of us who stay');

    expect((await read(first)).messages.map((m) => m.body)).toEqual([
      'Welcome to our circle, both of you!',
      'Buy my course at example.org',
    ]);
    expect(await refusal(first, POST, { m: conversationId, b: 'still here?' })).toEqual({
      code: 'FORBIDDEN',
      message: 'You left this circle; its conversation is read-only for you.',
    });
    expect(await mine(first)).toEqual([]);
    expect((await read(second)).messages.map((m) => m.body)).toEqual([
      'Welcome to our circle, both of you!',
      'Buy my course at example.org',
      'A plan for the two of us who stay',
    ]);
  });

  it('shows a mentee who joins later the whole history, none of it unread', async () => {
    await matching(feed.circleMemberJoined(circleId, latecomer, 2));
    await waitUntil(async () => ofCircle('ConversationMemberJoined').length === 3);
    const conversation = await read(latecomer);
    expect(conversation.messages).toHaveLength(3);
    expect(conversation.unreadCount).toBe(0);
    await post(mentor, 'Welcome, newcomer');
    expect(await mine(latecomer)).toEqual([{ mentorshipId: conversationId, circleId, unreadCount: 1 }]);
  });

  it('adds nothing for redelivered circle events, and closes with the circle', async () => {
    const { commits } = sessions.app.get(EventStore);
    const streamId = conversationStreamId(conversationId);
    const before = await commits.countDocuments({ streamId });
    const counts = () =>
      ['ConversationOpened', 'ConversationMemberJoined', 'ConversationMemberLeft'].map((t) => ofCircle(t).length);
    expect(counts()).toEqual([1, 3, 1]);

    // Redelivered in their order, then the close on the same partition: once it is applied, so were they.
    await feed.publish(sessions.wiring.matchingTopic, ...delivered);
    await matching(feed.circleClosed(circleId, [second, latecomer]));
    await waitUntil(async () => ofCircle('ConversationClosed').length === 1);
    expect(await commits.countDocuments({ streamId })).toBe(before + 1);
    expect(counts()).toEqual([1, 3, 1]);
    const conversation = await read(second);
    expect(conversation).toMatchObject({
      status: 'CLOSED',
      memberPersonIds: [mentor.personId, second.personId, latecomer.personId],
    });
    expect(conversation.messages).toHaveLength(4);
    expect(await refusal(second, POST, { m: conversationId, b: 'one more' })).toMatchObject({ code: 'CONFLICT' });
  });
});
