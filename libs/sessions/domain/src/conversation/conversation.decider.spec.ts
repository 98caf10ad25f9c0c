import { given } from '@trellis/shared/kernel/testing';
import {
  conversationDecider,
  messagePage,
  moderationContext,
  readableUpToSeq,
  unreadCount,
  type ConversationCommand,
  type ConversationEvent,
} from './conversation.decider';
import { sealed } from '../testing/sealed.fixture';

const mentor = 'p-mentor';
const mentee = 'p-mentee';
const stranger = 'p-stranger';
const members = [mentor, mentee];
const now = '2026-03-02T09:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(now) + seconds * 1000).toISOString();
const ref = { mentorshipId: 'm-1', memberPersonIds: members };

const opened: ConversationEvent = {
  type: 'ConversationOpened',
  ...ref,
  programId: 'prog-1',
  openedAt: '2026-03-01T08:00:00.000Z',
};
const posted = (messageId: string, seq: number, author = mentee, postedAt = now): ConversationEvent => ({
  type: 'MessagePosted',
  ...ref,
  messageId,
  seq,
  authorPersonId: author,
  body: sealed(messageId),
  postedAt,
});
const post = (messageId: string, actor = mentee, when = now): ConversationCommand => ({
  type: 'PostMessage',
  messageId,
  body: sealed(messageId),
  actor,
  now: when,
});

describe('Conversation decider', () => {
  describe('retention', () => {
    const closedAt = '2026-04-01T12:00:00.000Z';
    const closed: ConversationEvent = { type: 'ConversationClosed', ...ref, closedAt };
    const shredded: ConversationEvent = {
      type: 'ConversationMessagesShredded',
      ...ref,
      programId: 'prog-1',
      retentionDays: 30,
      closedAt,
      shreddedAt: '2026-05-01T12:00:00.000Z',
    };
    const shred = (when: string, retentionDays = 30): ConversationCommand => ({
      type: 'ShredConversationMessages',
      retentionDays,
      now: when,
    });

    it('records the shredding once the retention period has passed since the mentorship ended', () => {
      given(conversationDecider, [opened, posted('msg-1', 1), closed])
        .when(shred('2026-05-01T12:00:00.000Z'))
        .then([shredded]);
    });

    it('keeps the messages until the period is over, and of a running mentorship always', () => {
      given(conversationDecider, [opened, posted('msg-1', 1), closed])
        .when(shred('2026-05-01T11:59:59.000Z'))
        .thenFails('CONFLICT', /kept until 2026-05-01T12:00:00/);
      given(conversationDecider, [opened, posted('msg-1', 1)])
        .when(shred('2027-01-01T00:00:00.000Z'))
        .thenFails('CONFLICT', /retention starts when it ends/);
      given(conversationDecider).when(shred(now)).thenFails('NOT_FOUND');
      given(conversationDecider, [opened, closed])
        .when(shred('2027-01-01T00:00:00.000Z', 0))
        .thenFails('BAD_USER_INPUT');
    });

    it('shreds once: a second run or a redelivered command records nothing', () => {
      given(conversationDecider, [opened, posted('msg-1', 1), closed, shredded])
        .when(shred('2026-06-01T00:00:00.000Z'))
        .then([]);
    });

    it('remembers when the mentorship ended and when its messages were shredded', () => {
      const state = [opened, posted('msg-1', 1), closed, shredded].reduce(
        conversationDecider.evolve,
        conversationDecider.initialState(),
      );
      expect(state).toMatchObject({ status: 'closed', closedAt, messagesShreddedAt: '2026-05-01T12:00:00.000Z' });
    });
  });

  describe('opening', () => {
    it('opens once for the members of the mentorship', () => {
      given(conversationDecider)
        .when({ type: 'OpenConversation', mentorshipId: 'm-1', programId: 'prog-1', memberPersonIds: members, now })
        .then([{ ...opened, openedAt: now }]);
      given(conversationDecider, [opened])
        .when({ type: 'OpenConversation', mentorshipId: 'm-1', programId: 'prog-1', memberPersonIds: members, now })
        .then([]);
      given(conversationDecider)
        .when({ type: 'OpenConversation', mentorshipId: 'm-1', programId: 'prog-1', memberPersonIds: [mentor], now })
        .thenFails('BAD_USER_INPUT', /at least two people/);
    });

    it('closes when the mentorship ends: read-only from then on', () => {
      const closed = given(conversationDecider, [opened, posted('msg-1', 1)])
        .when({ type: 'CloseConversation', now })
        .then([{ type: 'ConversationClosed', ...ref, closedAt: now }]);
      expect(closed.status).toBe('closed');
      const after: ConversationEvent[] = [
        opened,
        posted('msg-1', 1),
        { type: 'ConversationClosed', ...ref, closedAt: now },
      ];
      given(conversationDecider, after).when(post('msg-2')).thenFails('CONFLICT', /ended/);
      given(conversationDecider, after)
        .when({ type: 'MarkConversationRead', upToMessageId: 'msg-1', actor: mentor, now })
        .then([{ type: 'ConversationRead', ...ref, readerPersonId: mentor, readUpToSeq: 1, readAt: now }]);
    });
  });

  describe('posting', () => {
    it('numbers messages in order; only members post', () => {
      given(conversationDecider, [opened])
        .when(post('msg-1'))
        .then([posted('msg-1', 1)]);
      given(conversationDecider, [opened, posted('msg-1', 1)])
        .when(post('msg-2', mentor))
        .then([posted('msg-2', 2, mentor)]);
      given(conversationDecider, [opened])
        .when(post('msg-1', stranger))
        .thenFails('FORBIDDEN', /people of this mentorship/);
      given(conversationDecider).when(post('msg-1')).thenFails('NOT_FOUND');
      given(conversationDecider, [opened])
        .when({ type: 'PostMessage', messageId: 'msg-1', body: undefined as never, actor: mentee, now })
        .thenFails('BAD_USER_INPUT', /Message is required/);
    });

    it(`refuses the 31st message within a minute and accepts it once the oldest left the window`, () => {
      const burst = Array.from({ length: 30 }, (_, i) => posted(`msg-${i + 1}`, i + 1, mentee, at(i)));
      const refusal = given(conversationDecider, [opened, ...burst])
        .when(post('msg-31', mentee, at(30)))
        .thenFails('CONFLICT', /at most 30 messages a minute; try again in 30 seconds/);
      expect(refusal.details).toEqual({ retryInSeconds: 30 });
      given(conversationDecider, [opened, ...burst])
        .when(post('msg-31', mentor, at(30)))
        .then([posted('msg-31', 31, mentor, at(30))]);
      given(conversationDecider, [opened, ...burst])
        .when(post('msg-31', mentee, at(60)))
        .then([posted('msg-31', 31, mentee, at(60))]);
    });
  });

  describe('editing and deleting', () => {
    const history = [opened, posted('msg-1', 1)];

    it('lets the author edit within 15 minutes, and nobody else', () => {
      given(conversationDecider, history)
        .when({ type: 'EditMessage', messageId: 'msg-1', body: sealed('fixed'), actor: mentee, now: at(15 * 60) })
        .then([
          {
            type: 'MessageEdited',
            ...ref,
            messageId: 'msg-1',
            authorPersonId: mentee,
            body: sealed('fixed'),
            editedAt: at(15 * 60),
          },
        ]);
      const late = given(conversationDecider, history)
        .when({ type: 'EditMessage', messageId: 'msg-1', body: sealed('late'), actor: mentee, now: at(15 * 60 + 1) })
        .thenFails('CONFLICT', /edited for 15 minutes after they are sent/);
      expect(late.details).toEqual({ editableUntil: at(15 * 60) });
      given(conversationDecider, history)
        .when({ type: 'EditMessage', messageId: 'msg-1', body: sealed('mine'), actor: mentor, now })
        .thenFails('FORBIDDEN', /edit your own messages/);
      given(conversationDecider, history)
        .when({ type: 'EditMessage', messageId: 'msg-9', body: sealed('x'), actor: mentee, now })
        .thenFails('NOT_FOUND');
    });

    it('lets the author delete their message at any time, once; a deleted message is not edited', () => {
      const deleted: ConversationEvent = {
        type: 'MessageDeleted',
        ...ref,
        messageId: 'msg-1',
        authorPersonId: mentee,
        deletedAt: at(3600),
      };
      const state = given(conversationDecider, history)
        .when({ type: 'DeleteMessage', messageId: 'msg-1', actor: mentee, now: at(3600) })
        .then([deleted]);
      expect(state.messages['msg-1']!.deletedAt).toBe(at(3600));
      given(conversationDecider, [...history, deleted])
        .when({ type: 'DeleteMessage', messageId: 'msg-1', actor: mentee, now })
        .then([]);
      given(conversationDecider, [...history, deleted])
        .when({ type: 'EditMessage', messageId: 'msg-1', body: sealed('x'), actor: mentee, now })
        .thenFails('CONFLICT', /deleted/);
      given(conversationDecider, history)
        .when({ type: 'DeleteMessage', messageId: 'msg-1', actor: mentor, now })
        .thenFails('FORBIDDEN', /delete your own messages/);
    });
  });

  describe('read receipts and unread counts', () => {
    const history = [opened, posted('msg-1', 1), posted('msg-2', 2), posted('msg-3', 3, mentor)];

    it('moves a member’s receipt forward only', () => {
      // The mentee's own post (seq 2) already read the conversation up to it.
      const read: ConversationEvent = {
        type: 'ConversationRead',
        ...ref,
        readerPersonId: mentee,
        readUpToSeq: 3,
        readAt: now,
      };
      const state = given(conversationDecider, history)
        .when({ type: 'MarkConversationRead', upToMessageId: 'msg-3', actor: mentee, now })
        .then([read]);
      expect(state.readUpTo[mentee]).toBe(3);
      given(conversationDecider, history)
        .when({ type: 'MarkConversationRead', upToMessageId: 'msg-1', actor: mentee, now })
        .then([]);
      given(conversationDecider, history)
        .when({ type: 'MarkConversationRead', upToMessageId: 'msg-9', actor: mentee, now })
        .thenFails('NOT_FOUND');
      given(conversationDecider, history)
        .when({ type: 'MarkConversationRead', upToMessageId: 'msg-1', actor: stranger, now })
        .thenFails('FORBIDDEN');
    });

    it('counts the others’ messages after the receipt, not deleted ones; posting reads up to one’s own', () => {
      const state = given(conversationDecider, history).state;
      // The mentor's own post at seq 3 carried their receipt past the mentee's two messages.
      expect(unreadCount(state, mentor)).toBe(0);
      expect(unreadCount(state, mentee)).toBe(1);
      const withDeleted = given(conversationDecider, [
        ...history,
        { type: 'MessageDeleted', ...ref, messageId: 'msg-3', authorPersonId: mentor, deletedAt: now },
      ]).state;
      expect(unreadCount(withDeleted, mentee)).toBe(0);
    });

    it('pages messages newest last, older pages before a seq', () => {
      const state = given(conversationDecider, history).state;
      const last = messagePage(state, 2);
      expect(last.messages.map((m) => m.messageId)).toEqual(['msg-2', 'msg-3']);
      expect(last.hasOlder).toBe(true);
      const older = messagePage(state, 2, 2);
      expect(older.messages.map((m) => m.messageId)).toEqual(['msg-1']);
      expect(older.hasOlder).toBe(false);
    });
  });

  describe('reports', () => {
    const history = [opened, posted('msg-1', 1)];

    it('lets a member report someone else’s message once, with a reason from the list', () => {
      const reported: ConversationEvent = {
        type: 'MessageReported',
        mentorshipId: 'm-1',
        programId: 'prog-1',
        messageId: 'msg-1',
        reportedByPersonId: mentor,
        reason: 'harassment',
        reportedAt: now,
      };
      given(conversationDecider, history)
        .when({ type: 'ReportMessage', messageId: 'msg-1', reason: 'harassment', actor: mentor, now })
        .then([reported]);
      given(conversationDecider, [...history, reported])
        .when({ type: 'ReportMessage', messageId: 'msg-1', reason: 'spam', actor: mentor, now })
        .then([]);
      given(conversationDecider, history)
        .when({ type: 'ReportMessage', messageId: 'msg-1', reason: 'spam', actor: mentee, now })
        .thenFails('BAD_USER_INPUT', /your own message/);
      given(conversationDecider, history)
        .when({ type: 'ReportMessage', messageId: 'msg-1', reason: 'rude' as never, actor: mentor, now })
        .thenFails('BAD_USER_INPUT', /reason from the list/);
      given(conversationDecider, history)
        .when({ type: 'ReportMessage', messageId: 'msg-1', reason: 'spam', actor: stranger, now })
        .thenFails('FORBIDDEN');
    });
  });

  describe('moderation', () => {
    const manager = 'p-manager';
    const reported: ConversationEvent = {
      type: 'MessageReported',
      mentorshipId: 'm-1',
      programId: 'prog-1',
      messageId: 'msg-1',
      reportedByPersonId: mentor,
      reason: 'harassment',
      reportedAt: now,
    };
    const history = [opened, posted('msg-1', 1), reported];
    const on = { mentorshipId: 'm-1', programId: 'prog-1', messageId: 'msg-1' };
    const hidden: ConversationEvent = {
      type: 'MessageHidden',
      ...on,
      memberPersonIds: members,
      authorPersonId: mentee,
      hiddenByPersonId: manager,
      hiddenAt: at(60),
    };
    const dismissed: ConversationEvent = {
      type: 'MessageReportDismissed',
      ...on,
      dismissedByPersonId: manager,
      dismissedAt: at(60),
    };

    it('opens a case per reported message with who reported it, why and when', () => {
      const state = given(conversationDecider, history).state;
      expect(state.moderation['msg-1']).toEqual({
        messageId: 'msg-1',
        status: 'open',
        reports: [{ reportedByPersonId: mentor, reason: 'harassment', reportedAt: now }],
        actions: [],
      });
    });

    it('hides a reported message once; members then count it as neither unread nor editable', () => {
      const state = given(conversationDecider, history)
        .when({ type: 'HideReportedMessage', messageId: 'msg-1', moderator: manager, now: at(60) })
        .then([hidden]);
      expect(state.messages['msg-1']!.hiddenAt).toBe(at(60));
      expect(state.moderation['msg-1']!.status).toBe('hidden');
      expect(unreadCount(state, mentor)).toBe(0);
      given(conversationDecider, [...history, hidden])
        .when({ type: 'HideReportedMessage', messageId: 'msg-1', moderator: manager, now: at(90) })
        .then([]);
      given(conversationDecider, [...history, hidden])
        .when({ type: 'EditMessage', messageId: 'msg-1', body: sealed('sorry'), actor: mentee, now: at(90) })
        .thenFails('CONFLICT', /moderator hid/);
    });

    it('acts on reported messages only', () => {
      given(conversationDecider, [opened, posted('msg-1', 1)])
        .when({ type: 'HideReportedMessage', messageId: 'msg-1', moderator: manager, now })
        .thenFails('NOT_FOUND', /not been reported/);
      given(conversationDecider, history)
        .when({ type: 'WarnMessageAuthor', messageId: 'msg-9', moderator: manager, now })
        .thenFails('NOT_FOUND', /not been reported/);
    });

    it('dismisses an open report; a hidden message stays hidden; a new report opens a dismissed case again', () => {
      const state = given(conversationDecider, history)
        .when({ type: 'DismissMessageReport', messageId: 'msg-1', moderator: manager, now: at(60) })
        .then([dismissed]);
      expect(state.moderation['msg-1']!.status).toBe('dismissed');
      expect(state.messages['msg-1']!.hiddenAt).toBeUndefined();
      given(conversationDecider, [...history, dismissed])
        .when({ type: 'DismissMessageReport', messageId: 'msg-1', moderator: manager, now: at(90) })
        .then([]);
      given(conversationDecider, [...history, hidden])
        .when({ type: 'DismissMessageReport', messageId: 'msg-1', moderator: manager, now: at(90) })
        .thenFails('CONFLICT', /hidden already/);
      const reopened = given(conversationDecider, [
        ...history,
        dismissed,
        { ...reported, reportedByPersonId: 'p-third', reason: 'spam', reportedAt: at(120) },
      ]).state;
      expect(reopened.moderation['msg-1']!.status).toBe('open');
      expect(reopened.moderation['msg-1']!.reports).toHaveLength(2);
    });

    it('warns the author once per reported message', () => {
      const warned: ConversationEvent = {
        type: 'MessageAuthorWarned',
        ...on,
        authorPersonId: mentee,
        warnedByPersonId: manager,
        warnedAt: at(60),
      };
      const state = given(conversationDecider, history)
        .when({ type: 'WarnMessageAuthor', messageId: 'msg-1', moderator: manager, now: at(60) })
        .then([warned]);
      expect(state.moderation['msg-1']!.actions).toEqual([
        { kind: 'author-warned', byPersonId: manager, at: at(60), personId: mentee },
      ]);
      expect(state.moderation['msg-1']!.status).toBe('open');
      given(conversationDecider, [...history, warned])
        .when({ type: 'WarnMessageAuthor', messageId: 'msg-1', moderator: manager, now: at(90) })
        .then([]);
    });

    it('removes a member: they read what came before, nothing after, and can no longer write', () => {
      const removed: ConversationEvent = {
        type: 'ConversationMemberRemoved',
        ...on,
        memberPersonIds: [mentor],
        removedPersonId: mentee,
        removedByPersonId: manager,
        upToSeq: 1,
        removedAt: at(60),
      };
      const state = given(conversationDecider, history)
        .when({
          type: 'RemoveConversationMember',
          messageId: 'msg-1',
          personId: mentee,
          moderator: manager,
          now: at(60),
        })
        .then([removed]);
      expect(state.memberPersonIds).toEqual([mentor]);
      expect(readableUpToSeq(state, mentee)).toBe(1);
      expect(readableUpToSeq(state, mentor)).toBe(Number.POSITIVE_INFINITY);
      expect(() => readableUpToSeq(state, stranger)).toThrow(/Only the people/);
      const after = [...history, removed];
      given(conversationDecider, after)
        .when(post('msg-2', mentee, at(90)))
        .thenFails('FORBIDDEN', /removed you/);
      given(conversationDecider, after)
        .when({ type: 'RemoveConversationMember', messageId: 'msg-1', personId: mentee, moderator: manager, now })
        .then([]);
      given(conversationDecider, history)
        .when({ type: 'RemoveConversationMember', messageId: 'msg-1', personId: stranger, moderator: manager, now })
        .thenFails('BAD_USER_INPUT', /not a member/);
      const withNext = given(conversationDecider, [...after, posted('msg-2', 2, mentor, at(120))]).state;
      expect(messagePage(withNext, 50, readableUpToSeq(withNext, mentee) + 1).messages.map((m) => m.messageId)).toEqual(
        ['msg-1'],
      );
    });

    it('shows moderators the reported message with two messages either side, never the rest', () => {
      const many = [opened, ...Array.from({ length: 12 }, (_, i) => posted(`msg-${i + 1}`, i + 1))];
      const state = given(conversationDecider, many).state;
      expect(moderationContext(state, 'msg-6').map((m) => m.messageId)).toEqual([
        'msg-4',
        'msg-5',
        'msg-6',
        'msg-7',
        'msg-8',
      ]);
      expect(moderationContext(state, 'msg-1').map((m) => m.messageId)).toEqual(['msg-1', 'msg-2', 'msg-3']);
      expect(moderationContext(state, 'msg-99')).toEqual([]);
    });
  });

  describe('a circle', () => {
    const circleId = 'c-1';
    const conversationId = 'circle-c-1';
    const first = 'p-first';
    const second = 'p-second';
    const circleOpened: ConversationEvent = {
      type: 'ConversationOpened',
      mentorshipId: conversationId,
      memberPersonIds: [mentor],
      programId: 'prog-1',
      circleId,
      openedAt: now,
    };
    const on = { mentorshipId: conversationId, programId: 'prog-1', circleId };
    const joined = (personId: string, membersAfter: string[], when = now): ConversationEvent => ({
      type: 'ConversationMemberJoined',
      ...on,
      memberPersonIds: membersAfter,
      joinedPersonId: personId,
      joinedAt: when,
    });
    const left = (personId: string, membersAfter: string[], upToSeq: number): ConversationEvent => ({
      type: 'ConversationMemberLeft',
      ...on,
      memberPersonIds: membersAfter,
      leftPersonId: personId,
      upToSeq,
      leftAt: now,
    });
    const said = (messageId: string, seq: number, author: string, memberPersonIds: string[]): ConversationEvent => ({
      type: 'MessagePosted',
      mentorshipId: conversationId,
      memberPersonIds,
      messageId,
      seq,
      authorPersonId: author,
      body: sealed(messageId),
      postedAt: now,
    });
    const join = (personId: string): ConversationCommand => ({ type: 'JoinConversation', personId, now });
    const leave = (personId: string): ConversationCommand => ({ type: 'LeaveConversation', personId, now });

    it('opens with its mentor alone, once', () => {
      const open: ConversationCommand = {
        type: 'OpenConversation',
        mentorshipId: conversationId,
        programId: 'prog-1',
        circleId,
        memberPersonIds: [mentor],
        now,
      };
      const state = given(conversationDecider).when(open).then([circleOpened]);
      expect(state.circleId).toBe(circleId);
      given(conversationDecider, [circleOpened]).when(open).then([]);
    });

    it('adds a joining mentee once; they read the history, none of it counted unread', () => {
      const history = [circleOpened, said('msg-1', 1, mentor, [mentor]), joined(first, [mentor, first])];
      const state = given(conversationDecider, [circleOpened, said('msg-1', 1, mentor, [mentor])])
        .when(join(first))
        .then([joined(first, [mentor, first])]);
      expect(readableUpToSeq(state, first)).toBe(Number.POSITIVE_INFINITY);
      expect(messagePage(state, 10).messages.map((m) => m.messageId)).toEqual(['msg-1']);
      expect(unreadCount(state, first)).toBe(0);
      given(conversationDecider, history).when(join(first)).then([]);
      given(conversationDecider, history)
        .when(post('msg-2', first))
        .then([{ ...said('msg-2', 2, first, [mentor, first]) }]);
      given(conversationDecider, history)
        .when(join(second))
        .then([joined(second, [mentor, first, second])]);
    });

    it('lets a leaving mentee read up to their leaving and change nothing; a second leave adds nothing', () => {
      const history = [
        circleOpened,
        joined(first, [mentor, first]),
        joined(second, [mentor, first, second]),
        said('msg-1', 1, mentor, [mentor, first, second]),
      ];
      const state = given(conversationDecider, history)
        .when(leave(first))
        .then([left(first, [mentor, second], 1)]);
      expect(readableUpToSeq(state, first)).toBe(1);
      const after = [...history, left(first, [mentor, second], 1), said('msg-2', 2, mentor, [mentor, second])];
      given(conversationDecider, after).when(leave(first)).then([]);
      given(conversationDecider, after)
        .when(post('msg-3', first))
        .thenFails('FORBIDDEN', /left this circle/);
      given(conversationDecider, after)
        .when({ type: 'MarkConversationRead', upToMessageId: 'msg-2', actor: first, now })
        .thenFails('FORBIDDEN', /left this circle/);
      given(conversationDecider, after).when(leave(stranger)).then([]);
      given(conversationDecider, after)
        .when(post('msg-3', stranger))
        .thenFails('FORBIDDEN', /people of this circle/);
    });

    it('takes back a mentee who left, reading everything again; a removed member stays removed', () => {
      const history = [
        circleOpened,
        joined(first, [mentor, first]),
        said('msg-1', 1, mentor, [mentor, first]),
        left(first, [mentor], 1),
        said('msg-2', 2, mentor, [mentor]),
      ];
      const state = given(conversationDecider, history)
        .when(join(first))
        .then([joined(first, [mentor, first])]);
      expect(readableUpToSeq(state, first)).toBe(Number.POSITIVE_INFINITY);
      expect(state.leftMembers).toEqual({});
      const moderated = { mentorshipId: conversationId, programId: 'prog-1', messageId: 'msg-1' };
      const removed: ConversationEvent[] = [
        circleOpened,
        joined(first, [mentor, first]),
        said('msg-1', 1, first, [mentor, first]),
        { type: 'MessageReported', ...moderated, reportedByPersonId: mentor, reason: 'spam', reportedAt: now },
        {
          type: 'ConversationMemberRemoved',
          ...moderated,
          memberPersonIds: [mentor],
          removedPersonId: first,
          removedByPersonId: 'p-manager',
          upToSeq: 1,
          removedAt: now,
        },
      ];
      given(conversationDecider, removed).when(join(first)).then([]);
      given(conversationDecider, removed).when(leave(first)).then([]);
    });

    it('closes read-only for everyone; membership changes after the close add nothing', () => {
      const history = [circleOpened, joined(first, [mentor, first])];
      given(conversationDecider, history)
        .when({ type: 'CloseConversation', now })
        .then([
          { type: 'ConversationClosed', mentorshipId: conversationId, memberPersonIds: [mentor, first], closedAt: now },
        ]);
      const closed = [
        ...history,
        { type: 'ConversationClosed', mentorshipId: conversationId, memberPersonIds: [mentor, first], closedAt: now },
      ] satisfies ConversationEvent[];
      given(conversationDecider, closed).when(join(second)).then([]);
      given(conversationDecider, closed).when(leave(first)).then([]);
      given(conversationDecider, closed).when(post('msg-1', first)).thenFails('CONFLICT', /ended/);
    });

    it('refuses membership changes to a pair’s conversation or a circle that has none', () => {
      given(conversationDecider, [opened])
        .when(join(stranger))
        .thenFails('CONFLICT', /only circles/);
      given(conversationDecider).when(join(first)).thenFails('NOT_FOUND');
    });
  });
});
