import { randomUUID } from 'node:crypto';
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
interface Reported {
  id: string;
  messageId: string;
  status: string;
  author: { personId: string };
  reports: Array<{ reportedBy: { personId: string }; reason: string; reportedAt: string }>;
  context: Array<{ id: string; seq: number; body: string; status: string; reported: boolean }>;
  actions: Array<{ kind: string; byPersonId: string; personId: string | null }>;
  members: Array<{ personId: string }>;
}
interface ConversationAnswer {
  conversation: {
    memberPersonIds: string[];
    messages: Array<{ id: string; seq: number; body: string; status: string }>;
  };
}

const REPORTED = `id messageId status author { personId } reports { reportedBy { personId } reason reportedAt }
  context { id seq body status reported } actions { kind byPersonId personId } members { personId }`;
const LIST = `query($p: ID!, $s: MessageReportStatus) { reportedMessages(programId: $p, status: $s) { ${REPORTED} } }`;
const act = (field: string, extra = '') =>
  `mutation($m: ID!, $id: ID!, $c: ID${extra ? ', $person: ID!' : ''}) { ${field}(mentorshipId: $m, messageId: $id, commandId: $c${
    extra ? ', personId: $person' : ''
  }) { ${REPORTED} } }`;
const HIDE = act('hideReportedMessage');
const WARN = act('warnMessageAuthor');
const DISMISS = act('dismissMessageReport');
const REMOVE = act('removeConversationMember', 'person');
const CONVERSATION = `query($m: ID!) { conversation(mentorshipId: $m, last: 50) { memberPersonIds messages { id seq body status } } }`;
const POST = `mutation($m: ID!, $b: String!) { postMessage(mentorshipId: $m, body: $b) { id seq } }`;
const REPORT = `mutation($m: ID!, $id: ID!) { reportMessage(mentorshipId: $m, messageId: $id, reason: HARASSMENT) { messageId } }`;

/**
 * Moderation on the real broker and FerretDB: a member reports a message; the program's manager sees it with two
 * messages either side and nothing more, hides it (the members read "hidden by a moderator"), warns its author and
 * removes them (they read nothing new). Members, strangers and another organization's admin are refused.
 */
describe('moderation of reported messages (sessions service, real FerretDB and Kafka)', () => {
  const sessions = new SessionsHarness('sessions_moderation', { memberships: true });
  const { ok } = sessions;
  const reader = new SessionsTopicReader();
  const published = reader.events;
  let feed: UpstreamFeed;
  const tenantId = uniqueName('org');
  const programId = randomUUID();
  const mentorshipId = randomUUID();
  const person = (role: string): Who => ({ tenantId, personId: `${role}-${randomUUID()}` });
  const mentor = person('mentor');
  const mentee = person('mentee');
  const manager = person('manager');
  const outsider = person('outsider');
  const otherOrgAdmin: Who = { tenantId: uniqueName('org-elsewhere'), personId: manager.personId, orgAdmin: true };
  const messageIds: string[] = [];

  const refusal = async (as: Who, query: string, variables: Record<string, unknown>) =>
    (await sessions.refused(as, query, variables)).code;
  const list = async (as: Who, status = 'OPEN') =>
    (await ok<{ reportedMessages: Reported[] }>(as, LIST, { p: programId, s: status })).reportedMessages;
  const read = async (as: Who) => (await ok<ConversationAnswer>(as, CONVERSATION, { m: mentorshipId })).conversation;

  beforeAll(async () => {
    await sessions.start();
    await reader.start(sessions.kafka, sessions.wiring.sessionsTopic, 'moderation_topic_reader');
    feed = new UpstreamFeed(sessions.kafka, tenantId, programId);
    await startProgram(sessions, feed, {
      manager,
      participants: [
        [mentor, 'mentor'],
        [mentee, 'mentee'],
        [outsider, 'mentee'],
      ],
      mentorships: [{ mentorshipId, mentor, mentee }],
    });
    await waitUntil(async () => published.some((e) => e.type === 'ConversationOpened'));
    for (let i = 1; i <= 14; i += 1) {
      const author = i % 2 === 0 ? mentor : mentee;
      const posted = await ok<{ postMessage: { id: string; seq: number } }>(author, POST, {
        m: mentorshipId,
        b: `message number ${i}`,
      });
      expect(posted.postMessage.seq).toBe(i);
      messageIds.push(posted.postMessage.id);
    }
  }, 120_000);

  afterAll(async () => {
    await reader.stop();
    await feed?.disconnect();
    await sessions.close();
  });

  it('shows the manager a reported message with two messages either side, and nothing earlier', async () => {
    const reportedId = messageIds[10]!; // seq 11, by the mentee
    await ok(mentor, REPORT, { m: mentorshipId, id: reportedId });
    const [report, ...others] = await list(manager);
    expect(others).toEqual([]);
    expect(report).toMatchObject({
      messageId: reportedId,
      status: 'OPEN',
      author: { personId: mentee.personId },
      reports: [{ reportedBy: { personId: mentor.personId }, reason: 'HARASSMENT' }],
      actions: [],
    });
    expect(report!.context.map((m) => [m.seq, m.body, m.reported])).toEqual([
      [9, 'message number 9', false],
      [10, 'message number 10', false],
      [11, 'message number 11', true],
      [12, 'message number 12', false],
      [13, 'message number 13', false],
    ]);
    // A message ten positions earlier is not in the answer, in any field.
    expect(JSON.stringify(report)).not.toContain('message number 1"');
    expect(JSON.stringify(report)).not.toContain(messageIds[0]);
    // The manager still cannot read the conversation itself.
    expect(await refusal(manager, CONVERSATION, { m: mentorshipId })).toBe('FORBIDDEN');
  });

  it('refuses members and strangers (FORBIDDEN or NOT_FOUND) and another organization’s admin (NOT_FOUND)', async () => {
    const target = { m: mentorshipId, id: messageIds[10] };
    expect(await refusal(mentor, LIST, { p: programId })).toBe('FORBIDDEN');
    expect(await refusal(mentor, HIDE, target)).toBe('FORBIDDEN');
    expect(await refusal(mentee, DISMISS, target)).toBe('FORBIDDEN');
    expect(await refusal(outsider, WARN, target)).toBe('FORBIDDEN');
    expect(await refusal(otherOrgAdmin, LIST, { p: programId })).toBe('NOT_FOUND');
    expect(await refusal(otherOrgAdmin, HIDE, target)).toBe('NOT_FOUND');
    expect(await refusal(manager, HIDE, { m: mentorshipId, id: messageIds[3] })).toBe('NOT_FOUND');
    expect((await list(manager))[0]!.actions).toEqual([]);
  });

  it('hides the message: both members read "hidden by a moderator", the manager still sees what it said', async () => {
    const reportedId = messageIds[10]!;
    const commandId = randomUUID();
    const hidden = await ok<{ hideReportedMessage: Reported }>(manager, HIDE, {
      m: mentorshipId,
      id: reportedId,
      c: commandId,
    });
    expect(hidden.hideReportedMessage).toMatchObject({
      status: 'HIDDEN',
      actions: [{ kind: 'HIDDEN', byPersonId: manager.personId, personId: null }],
    });
    const retried = await ok<{ hideReportedMessage: Reported }>(manager, HIDE, {
      m: mentorshipId,
      id: reportedId,
      c: commandId,
    });
    expect(retried.hideReportedMessage.actions).toHaveLength(1);
    for (const member of [mentor, mentee]) {
      const message = (await read(member)).messages.find((m) => m.id === reportedId)!;
      expect(message).toMatchObject({ body: 'hidden by a moderator', status: 'HIDDEN' });
    }
    expect(await list(manager)).toEqual([]);
    const [closed] = await list(manager, 'HIDDEN');
    expect(closed!.context.find((m) => m.reported)).toMatchObject({ body: 'message number 11', status: 'HIDDEN' });
    expect(await refusal(manager, DISMISS, { m: mentorshipId, id: reportedId })).toBe('CONFLICT');
  });

  it('warns the author once: the warning goes onto the topic for the notifications rules', async () => {
    const target = { m: mentorshipId, id: messageIds[10] };
    await ok(manager, WARN, target);
    await ok(manager, WARN, target);
    await waitUntil(async () => published.some((e) => e.type === 'MessageAuthorWarned'));
    const warnings = published.filter((e) => e.type === 'MessageAuthorWarned');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.data).toMatchObject({
      mentorshipId,
      programId,
      messageId: messageIds[10],
      authorPersonId: mentee.personId,
      warnedByPersonId: manager.personId,
    });
  });

  it('removes the author: they keep what was written before, read nothing new and can no longer write', async () => {
    const removed = await ok<{ removeConversationMember: Reported }>(manager, REMOVE, {
      m: mentorshipId,
      id: messageIds[10],
      person: mentee.personId,
    });
    expect(removed.removeConversationMember.members).toEqual([{ personId: mentor.personId }]);
    await ok(mentor, POST, { m: mentorshipId, b: 'written after the removal' });
    const seen = await read(mentee);
    expect(seen.messages.map((m) => m.seq).at(-1)).toBe(14);
    expect(JSON.stringify(seen)).not.toContain('written after the removal');
    expect((await read(mentor)).messages.at(-1)).toMatchObject({ seq: 15, body: 'written after the removal' });
    expect(await refusal(mentee, POST, { m: mentorshipId, b: 'let me back' })).toBe('FORBIDDEN');
    const mine = await ok<{ myConversations: unknown[] }>(mentee, `query { myConversations { mentorshipId } }`);
    expect(mine.myConversations).toEqual([]);
  });

  it('keeps every moderation action as a typed event of the conversation’s stream, in order', async () => {
    await waitUntil(async () => published.some((e) => e.type === 'ConversationMemberRemoved'));
    const moderation = published
      .filter((e) => e.streamId === `conversation-${mentorshipId}`)
      .map((e) => e.type)
      .filter((t) => (t.startsWith('Message') && t !== 'MessagePosted') || t === 'ConversationMemberRemoved');
    expect(moderation).toEqual([
      'MessageReported',
      'MessageHidden',
      'MessageAuthorWarned',
      'ConversationMemberRemoved',
    ]);
  });
});
