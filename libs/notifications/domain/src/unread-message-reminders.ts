import type { ReminderCommand, ReminderPlan } from './reminders';
import type { SourceEvent } from './rules';

/** How long a conversation message may stay unread before its recipient is told (the default; deployments set it). */
export const DEFAULT_UNREAD_MESSAGE_AFTER_MS = 15 * 60_000;

export const unreadMessageReminderId = (mentorshipId: string, personId: string): string =>
  `conversation:${mentorshipId}:${personId}:unread`;

/**
 * What a reminder links to: the circle's page for a circle's conversation, whose id sessions makes
 * `circle-<circleId>` (mentorship ids are UUIDs and never start so), the mentorship's otherwise.
 */
export function conversationSubject(mentorshipId: string): ReminderPlan['subject'] {
  const circleId = /^circle-(.+)$/.exec(mentorshipId)?.[1];
  return circleId ? { kind: 'circle', id: circleId } : { kind: 'mentorship', id: mentorshipId };
}

/** A closed conversation or a removed member is never told of a message again, whatever sequence comes later. */
const FOREVER = Number.MAX_SAFE_INTEGER;

/**
 * One reminder per conversation and member, keyed by the conversation's message sequence: a message arms it for every
 * member but its author (a later message does not postpone it), reading up to that message disarms it, and a message
 * after the read arms it again — so a member who does not read is told once per unread burst, never once per message.
 * The reminder says only that a message waits: the text is sealed and never reaches notifications.
 */
export function unreadMessageCommandsFor(event: SourceEvent, unreadAfterMs: number): ReminderCommand[] {
  const d = event.data;
  const mentorshipId = String(d['mentorshipId']);
  const members = (d['memberPersonIds'] as string[] | undefined) ?? [];
  switch (event.type) {
    case 'MessagePosted': {
      const author = String(d['authorPersonId']);
      const dueAt = new Date(Date.parse(String(d['postedAt'])) + unreadAfterMs).toISOString();
      return members
        .filter((personId) => personId !== author)
        .map((personId) => ({
          kind: 'schedule',
          plan: {
            reminderId: unreadMessageReminderId(mentorshipId, personId),
            subject: conversationSubject(mentorshipId),
            offset: 'unread',
            dueAt,
            sequence: Number(d['seq']),
            keepEarlierDue: true,
            templateId: 'conversation-unread',
            category: 'conversations',
            priority: 'normal',
            recipients: [personId],
            params: { mentorshipId },
          },
        }));
    }
    case 'ConversationRead':
      return [
        {
          kind: 'cancel',
          reminderId: unreadMessageReminderId(mentorshipId, String(d['readerPersonId'])),
          sequence: Number(d['readUpToSeq']),
        },
      ];
    case 'ConversationMemberLeft':
      // Like reading up to the leaving: nothing they may still read reminds them, and should they join the circle
      // again, a later message arms the reminder as for any member.
      return [
        {
          kind: 'cancel',
          reminderId: unreadMessageReminderId(mentorshipId, String(d['leftPersonId'])),
          sequence: Number(d['upToSeq']),
        },
      ];
    case 'ConversationMemberRemoved':
      return [
        {
          kind: 'cancel',
          reminderId: unreadMessageReminderId(mentorshipId, String(d['removedPersonId'])),
          sequence: FOREVER,
        },
      ];
    case 'ConversationClosed':
      return members.map((personId) => ({
        kind: 'cancel',
        reminderId: unreadMessageReminderId(mentorshipId, personId),
        sequence: FOREVER,
      }));
    default:
      return [];
  }
}
