import { reminderCommandApplies, reminderCommandsFor, type ReminderCommand, type StoredReminder } from './reminders';
import type { SourceEvent } from './rules';
import { unreadMessageReminderId } from './unread-message-reminders';

const MINUTE = 60_000;
const members = ['mentor', 'mentee'];

const event = (type: string, data: Record<string, unknown>): SourceEvent => ({
  id: `${type}-${JSON.stringify(data)}`,
  type,
  occurredAt: '2026-03-01T10:00:00.000Z',
  tenantId: 'org',
  data: { mentorshipId: 'm1', memberPersonIds: members, ...data },
});
const posted = (seq: number, authorPersonId = 'mentee', postedAt = '2026-03-01T10:00:00.000Z') =>
  event('MessagePosted', { messageId: `msg-${seq}`, authorPersonId, seq, postedAt });
const read = (readerPersonId: string, readUpToSeq: number) =>
  event('ConversationRead', { readerPersonId, readUpToSeq, readAt: '2026-03-01T10:01:00.000Z' });

/** The stored reminder after each command, as the reactor keeps it. */
function replay(commands: ReminderCommand[]): StoredReminder | null {
  let stored: StoredReminder | null = null;
  for (const command of commands) {
    if (!reminderCommandApplies(stored, command)) continue;
    stored =
      command.kind === 'schedule'
        ? { sequence: command.plan.sequence, state: 'scheduled' }
        : { sequence: command.sequence, state: 'cancelled' };
  }
  return stored;
}

describe('unread message reminders', () => {
  it('given a message, then every member but its author is to be told after the delay, without the text', () => {
    const commands = reminderCommandsFor(posted(3), 15 * MINUTE);
    expect(commands).toHaveLength(1);
    const [command] = commands;
    expect(command).toMatchObject({
      kind: 'schedule',
      plan: {
        reminderId: unreadMessageReminderId('m1', 'mentor'),
        recipients: ['mentor'],
        dueAt: '2026-03-01T10:15:00.000Z',
        sequence: 3,
        templateId: 'conversation-unread',
        category: 'conversations',
        subject: { kind: 'mentorship', id: 'm1' },
        keepEarlierDue: true,
      },
    });
    expect(JSON.stringify(command)).not.toContain('body');
  });

  it('given the member read up to the message, then the reminder is disarmed; a later message arms it again', () => {
    const mentor = (commands: ReminderCommand[]) =>
      commands.filter((c) => (c.kind === 'schedule' ? c.plan.reminderId : c.reminderId).includes(':mentor:'));
    const after = (...events: SourceEvent[]) => replay(mentor(events.flatMap((e) => reminderCommandsFor(e, MINUTE))));
    expect(after(posted(3), read('mentor', 3))).toEqual({ sequence: 3, state: 'cancelled' });
    expect(after(posted(3), read('mentor', 3), posted(4))).toEqual({ sequence: 4, state: 'scheduled' });
    // A read that reached only an earlier message leaves the newer one's reminder armed.
    expect(after(posted(3), posted(4), read('mentor', 3))).toEqual({ sequence: 4, state: 'scheduled' });
    // The reader's own read says nothing about the other member's reminder.
    expect(after(posted(3, 'mentor'), read('mentor', 3))).toBeNull();
  });

  it('given a closed conversation or a removed member, then no later message is ever told', () => {
    const close = event('ConversationClosed', { closedAt: '2026-03-01T11:00:00.000Z' });
    const closing = reminderCommandsFor(close, MINUTE);
    expect(closing.map((c) => c.kind === 'cancel' && c.reminderId)).toEqual(
      members.map((m) => unreadMessageReminderId('m1', m)),
    );
    const mentorOnly = (commands: ReminderCommand[]) =>
      commands.filter((c) => c.kind === 'cancel' || c.plan.recipients[0] === 'mentor');
    expect(
      replay(
        mentorOnly([
          ...reminderCommandsFor(posted(3), MINUTE),
          ...closing.slice(0, 1),
          ...reminderCommandsFor(posted(9), MINUTE),
        ]),
      ),
    ).toMatchObject({
      state: 'cancelled',
    });
    const removed = event('ConversationMemberRemoved', { removedPersonId: 'mentee', removedByPersonId: 'manager' });
    expect(reminderCommandsFor(removed, MINUTE)).toEqual([
      { kind: 'cancel', reminderId: unreadMessageReminderId('m1', 'mentee'), sequence: Number.MAX_SAFE_INTEGER },
    ]);
  });

  it('given a circle member who left, then what they may still read is not told; a message after they rejoin is', () => {
    const circle = (type: string, data: Record<string, unknown>) =>
      event(type, { mentorshipId: 'circle-c1', circleId: 'c1', programId: 'prog', ...data });
    const postedInCircle = (seq: number, memberPersonIds: string[]) =>
      circle('MessagePosted', {
        messageId: `msg-${seq}`,
        authorPersonId: 'mentor',
        seq,
        postedAt: '2026-03-01T10:00:00.000Z',
        memberPersonIds,
      });
    const left = circle('ConversationMemberLeft', {
      memberPersonIds: ['mentor'],
      leftPersonId: 'mentee',
      upToSeq: 3,
      leftAt: '2026-03-01T10:05:00.000Z',
    });
    const mentee = (events: SourceEvent[]) =>
      replay(
        events
          .flatMap((e) => reminderCommandsFor(e, MINUTE))
          .filter((c) => (c.kind === 'schedule' ? c.plan.reminderId : c.reminderId).includes(':mentee:')),
      );
    expect(mentee([postedInCircle(3, members), left])).toEqual({ sequence: 3, state: 'cancelled' });
    // Not a member any more: a message while away names them nowhere.
    expect(mentee([postedInCircle(3, members), left, postedInCircle(4, ['mentor'])])).toEqual({
      sequence: 3,
      state: 'cancelled',
    });
    expect(mentee([postedInCircle(3, members), left, postedInCircle(5, members)])).toEqual({
      sequence: 5,
      state: 'scheduled',
    });
  });

  it('given a message in a circle, then its reminder leads to the circle, not to a mentorship', () => {
    const [command] = reminderCommandsFor(
      event('MessagePosted', {
        mentorshipId: 'circle-c1',
        messageId: 'msg-1',
        authorPersonId: 'mentee',
        seq: 1,
        postedAt: '2026-03-01T10:00:00.000Z',
      }),
      MINUTE,
    );
    expect(command).toMatchObject({ kind: 'schedule', plan: { subject: { kind: 'circle', id: 'c1' } } });
  });
});
