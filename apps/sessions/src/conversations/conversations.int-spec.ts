import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { conversationStreamId } from '@trellis/sessions/contracts';
import { DomainError, EventStore } from '@trellis/shared/event-store';
import { uniqueName, waitUntil } from '@trellis/shared/testing';
import { SessionsReadModels } from '../core/read-models';
import { clockedUseCases } from '../testing/clocked-use-cases';
import { SessionsHarness } from '../testing/sessions-harness';
import { SessionsTopicReader } from '../testing/sessions-topic-reader';
import { UpstreamFeed } from '../testing/upstream-feed';
import type { ConversationsService } from './conversations.service';

interface Person {
  tenantId: string;
  personId: string;
  orgAdmin?: boolean;
}
interface MessageFields {
  id: string;
  seq: number;
  authorPersonId: string;
  body: string;
  status: string;
  mine: boolean;
  editableUntil: string | null;
}
interface ConversationFields {
  status: string;
  memberPersonIds: string[];
  messages: MessageFields[];
  olderBeforeSeq: number | null;
  readReceipts: Array<{ personId: string; readUpToSeq: number }>;
  unreadCount: number;
}

const MESSAGE = 'id seq authorPersonId body status mine editableUntil';
const CONVERSATION = `query($m: ID!, $last: Int, $before: Int) { conversation(mentorshipId: $m, last: $last, beforeSeq: $before) {
  status memberPersonIds olderBeforeSeq unreadCount readReceipts { personId readUpToSeq } messages { ${MESSAGE} } } }`;
const POST = `mutation($m: ID!, $b: String!, $c: ID) { postMessage(mentorshipId: $m, body: $b, commandId: $c) { ${MESSAGE} } }`;

/**
 * A mentorship's conversation on the real broker and FerretDB: opened by MentorshipStarted, written and read by its
 * two members only, sealed at rest, live on the sessions topic, and "message removed" after the author's erasure.
 */
describe('conversations (sessions service, real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions_conversations');
  const { wiring, gql, ok } = sessions;
  const reader = new SessionsTopicReader();
  const published = reader.events;
  let app: INestApplication;
  let feed: UpstreamFeed;
  const tenantId = uniqueName('org');
  const programId = `prog-${tenantId}`;
  const mentorshipId = randomUUID();
  const mentor: Person = { tenantId, personId: `mentor-${tenantId}` };
  const mentee: Person = { tenantId, personId: `mentee-${tenantId}` };
  const stranger: Person = { tenantId, personId: `stranger-${tenantId}` };
  const orgAdmin: Person = { tenantId, personId: `admin-${tenantId}`, orgAdmin: true };
  const otherTenant: Person = { tenantId: uniqueName('org'), personId: mentor.personId };
  let clockMs = Date.now();
  let service: ConversationsService;

  const read = async (as: Person, variables: Record<string, unknown> = {}) =>
    (await ok<{ conversation: ConversationFields }>(as, CONVERSATION, { m: mentorshipId, ...variables })).conversation;
  const post = async (as: Person, body: string, commandId?: string) =>
    (await ok<{ postMessage: MessageFields }>(as, POST, { m: mentorshipId, b: body, c: commandId })).postMessage;
  const refusal = async (as: Person, query: string, variables: Record<string, unknown>) => {
    const { code, message } = await sessions.refused(as, query, variables);
    return { code, message };
  };

  beforeAll(async () => {
    app = await sessions.start();
    await reader.start(sessions.kafka, wiring.sessionsTopic, 'conversations_topic_reader');
    feed = new UpstreamFeed(sessions.kafka, tenantId, programId);
    service = clockedUseCases(app, () => new Date(clockMs)).conversations;
  });

  afterAll(async () => {
    await reader.stop();
    await feed?.disconnect();
    await sessions.close();
  });

  it('opens the conversation when the mentorship starts', async () => {
    await feed.publish(wiring.matchingTopic, feed.mentorshipStarted(mentorshipId, mentor, mentee));
    await waitUntil(async () => published.some((e) => e.type === 'ConversationOpened'));
    const opened = published.find((e) => e.type === 'ConversationOpened')!;
    expect(opened).toMatchObject({
      streamId: conversationStreamId(mentorshipId),
      data: { mentorshipId, programId, memberPersonIds: [mentor.personId, mentee.personId] },
    });
    const conversation = await read(mentee);
    expect(conversation).toMatchObject({ status: 'OPEN', messages: [], unreadCount: 0, olderBeforeSeq: null });
  });

  it('lets the two members write and read, tells them live by ids only, and counts unread messages', async () => {
    const first = await post(mentee, 'Hi! Here is the article: <a href="https://example.org">link</a>');
    expect(first).toMatchObject({ seq: 1, authorPersonId: mentee.personId, status: 'POSTED', mine: true });
    expect(first.editableUntil).not.toBeNull();
    await post(mentor, 'Thanks, reading it now.');
    await post(mentee, 'Great.');

    const forMentor = await read(mentor);
    // Links stay text: the body comes back exactly as written, for the client to show as text.
    expect(forMentor.messages.map((m) => m.body)).toEqual([
      'Hi! Here is the article: <a href="https://example.org">link</a>',
      'Thanks, reading it now.',
      'Great.',
    ]);
    expect(forMentor.messages.map((m) => m.mine)).toEqual([false, true, false]);
    expect(forMentor.unreadCount).toBe(1);

    const page = await read(mentor, { last: 2 });
    expect(page.messages.map((m) => m.seq)).toEqual([2, 3]);
    expect(page.olderBeforeSeq).toBe(2);
    expect((await read(mentor, { last: 2, before: 2 })).messages.map((m) => m.seq)).toEqual([1]);

    const marked = await gql<{ markConversationRead: { unreadCount: number } }>(
      mentor,
      `mutation($m: ID!, $u: ID!) { markConversationRead(mentorshipId: $m, upToMessageId: $u) { unreadCount } }`,
      { m: mentorshipId, u: forMentor.messages[2]!.id },
    );
    expect(marked.data?.markConversationRead.unreadCount).toBe(0);
    const mine = await gql<{ myConversations: Array<{ mentorshipId: string; unreadCount: number }> }>(
      mentee,
      `query { myConversations { mentorshipId unreadCount } }`,
    );
    expect(mine.data?.myConversations).toEqual([{ mentorshipId, unreadCount: 0 }]);
    expect((await read(mentee)).readReceipts).toEqual([
      { personId: mentor.personId, readUpToSeq: 3 },
      { personId: mentee.personId, readUpToSeq: 3 },
    ]);

    await waitUntil(async () => published.filter((e) => e.type === 'MessagePosted').length === 3);
    const posted = published.filter((e) => e.type === 'MessagePosted');
    const { postedAt, ...ids } = posted[0]!.data;
    expect(ids).toEqual({
      mentorshipId,
      memberPersonIds: [mentor.personId, mentee.personId],
      messageId: first.id,
      authorPersonId: mentee.personId,
      seq: 1,
    });
    expect(typeof postedAt).toBe('string');
    for (const event of published) expect(JSON.stringify(event)).not.toContain('reading it now');
  });

  it('refuses everyone else: a third person, an organization admin, another organization', async () => {
    for (const outsider of [stranger, orgAdmin]) {
      expect(await refusal(outsider, CONVERSATION, { m: mentorshipId })).toEqual({
        code: 'FORBIDDEN',
        message: 'Only the people of this mentorship read and write its conversation.',
      });
      expect(await refusal(outsider, POST, { m: mentorshipId, b: 'let me in' })).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await refusal(otherTenant, CONVERSATION, { m: mentorshipId })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(mentee, POST, { m: mentorshipId, b: 'x'.repeat(4001) })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'A message must be at most 4000 characters.',
    });
  });

  it('stores a retried post once and answers the retry with the first message', async () => {
    const commandId = randomUUID();
    const first = await post(mentor, 'Shall we meet Thursday?', commandId);
    const retry = await post(mentor, 'Shall we meet Thursday?', commandId);
    expect(retry).toEqual(first);
    const commits = await app.get(EventStore).commits.find({ _id: commandId }).toArray();
    expect(commits).toHaveLength(1);
    const bodies = (await read(mentee)).messages.map((m) => m.body);
    expect(bodies.filter((b) => b === 'Shall we meet Thursday?')).toHaveLength(1);
  });

  it('lets the author edit within 15 minutes only, and delete', async () => {
    clockMs = Date.now();
    const actor = { tenantId, personId: mentee.personId };
    const message = await service.postMessage(actor, mentorshipId, 'See you at 5');
    clockMs += 14 * 60_000;
    expect((await service.editMessage(actor, mentorshipId, message.id, 'See you at 6')).status).toBe('edited');
    clockMs += 2 * 60_000;
    const late = await service.editMessage(actor, mentorshipId, message.id, 'See you at 7').catch((e: unknown) => e);
    expect(late).toBeInstanceOf(DomainError);
    expect(late).toMatchObject({
      code: 'CONFLICT',
      message: 'Messages can be edited for 15 minutes after they are sent; this one can no longer be changed.',
    });
    const other = await service
      .editMessage({ tenantId, personId: mentor.personId }, mentorshipId, message.id, 'mine now')
      .catch((e: unknown) => e);
    expect(other).toMatchObject({ code: 'FORBIDDEN' });
    const deleted = await gql<{ deleteMessage: MessageFields }>(
      mentee,
      `mutation($m: ID!, $id: ID!) { deleteMessage(mentorshipId: $m, messageId: $id) { ${MESSAGE} } }`,
      { m: mentorshipId, id: message.id },
    );
    expect(deleted.data?.deleteMessage).toMatchObject({ status: 'DELETED', body: 'message deleted' });
    const seen = (await read(mentor)).messages.find((m) => m.id === message.id);
    expect(seen).toMatchObject({ status: 'DELETED', body: 'message deleted' });
  });

  it('takes a report with a reason from the list, never from the author', async () => {
    const target = (await read(mentor)).messages.find((m) => m.authorPersonId === mentee.personId)!;
    const REPORT = `mutation($m: ID!, $id: ID!, $r: MessageReportReason!) {
      reportMessage(mentorshipId: $m, messageId: $id, reason: $r) { messageId reason reportedAt } }`;
    const reported = await gql<{ reportMessage: { messageId: string; reason: string } }>(mentor, REPORT, {
      m: mentorshipId,
      id: target.id,
      r: 'HARASSMENT',
    });
    expect(reported.data?.reportMessage).toMatchObject({ messageId: target.id, reason: 'HARASSMENT' });
    expect(await refusal(mentee, REPORT, { m: mentorshipId, id: target.id, r: 'SPAM' })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await waitUntil(async () => published.some((e) => e.type === 'MessageReported'));
    const event = published.find((e) => e.type === 'MessageReported')!;
    const { reportedAt, ...rest } = event.data;
    expect(rest).toEqual({ mentorshipId, programId, messageId: target.id, reason: 'harassment' });
    expect(typeof reportedAt).toBe('string');
  });

  it('keeps no message text in clear in the database', async () => {
    const commits = await app
      .get(EventStore)
      .commits.find({ streamId: conversationStreamId(mentorshipId) })
      .toArray();
    expect(commits.length).toBeGreaterThan(5);
    const raw = JSON.stringify(commits);
    for (const text of ['Thanks, reading it now.', 'Great.', 'See you at', 'example.org']) {
      expect(raw).not.toContain(text);
    }
    const rows = JSON.stringify(await app.get(SessionsReadModels).conversationMembers.find({}).toArray());
    expect(rows).not.toContain('reading it now');
  });

  it('shows an erased person’s messages as "message removed" and leaves the rest', async () => {
    await feed.publish(wiring.profilesTopic, feed.participantEvent(mentee, 'ParticipantDataErased'));
    // The reactor shreds the key first, then drops the person's conversation rows.
    const rows = app.get(SessionsReadModels).conversationMembers;
    await waitUntil(async () => (await rows.countDocuments({ tenantId, personId: mentee.personId })) === 0);
    const messages = (await read(mentor)).messages;
    for (const m of messages.filter((x) => x.authorPersonId === mentee.personId && x.status !== 'DELETED')) {
      expect(m).toMatchObject({ status: 'REMOVED', body: 'message removed' });
    }
    expect(messages.filter((m) => m.authorPersonId === mentor.personId).map((m) => m.body)).toEqual([
      'Thanks, reading it now.',
      'Shall we meet Thursday?',
    ]);
    expect((await rows.find({ tenantId }).toArray()).map((r) => r.personId)).toEqual([mentor.personId]);
  });
});
