import { MESSAGE_REPORT_REASONS, type MessageReportReason } from '@trellis/sessions/contracts';
import { DomainError, type Decider, type SealedText } from '@trellis/shared/kernel';
import { requireSealed } from '../sealed';
import { parseUtcInstant, toUtcIso } from '../time';
import { requireId } from '../validation';

/**
 * A conversation: one per mentorship (stream `conversation-<mentorshipId>`) and one per circle (its id is
 * `circle-<circleId>`, so its stream is `conversation-circle-<circleId>`), opened when the mentorship or circle
 * starts and closed when it ends. Only its members post and read; bodies arrive sealed with the author's key, so the
 * domain carries ciphertext and decides on ids, authors and times only. The id travels in the `mentorshipId` field
 * of every event, so consumers keyed on it (live feed, unread reminders, moderation) serve circles unchanged.
 */

/** Posting more than this many messages within `RATE_WINDOW_MS` is refused until the oldest leaves the window. */
export const MESSAGES_PER_MINUTE = 30;
export const RATE_WINDOW_MS = 60_000;
/** An author may correct a message for this long after posting it. */
export const EDIT_WINDOW_MS = 15 * 60_000;

export interface ConversationMessage {
  messageId: string;
  seq: number;
  authorPersonId: string;
  body: SealedText;
  postedAt: string;
  editedAt?: string;
  deletedAt?: string;
  /** A moderator hid it: members read "hidden by a moderator", the program's managers still see it in moderation. */
  hiddenAt?: string;
}

export interface MessageReportEntry {
  reportedByPersonId: string;
  reason: MessageReportReason;
  reportedAt: string;
}

export type ModerationActionKind = 'hidden' | 'dismissed' | 'author-warned' | 'member-removed';

export interface ModerationAction {
  kind: ModerationActionKind;
  byPersonId: string;
  at: string;
  /** The person warned or removed. */
  personId?: string;
}

/**
 * A reported message as its program's moderators handle it: open until hidden or dismissed (a new report of a
 * dismissed message opens it again). Warnings and removals are recorded on it without closing it.
 */
export interface ModerationCase {
  messageId: string;
  status: 'open' | 'hidden' | 'dismissed';
  reports: MessageReportEntry[];
  actions: ModerationAction[];
}

/** A member a moderator removed: they keep reading what was written up to their removal, nothing after. */
export interface RemovedMember {
  upToSeq: number;
  removedAt: string;
  byPersonId: string;
}

/** A circle member who left the circle: like a removed member, they keep reading up to their leaving. */
export interface LeftMember {
  upToSeq: number;
  leftAt: string;
}

export interface ConversationState {
  status: 'none' | 'open' | 'closed';
  /** The conversation's id: the mentorship's id, or `circle-<circleId>` for a circle. */
  mentorshipId: string;
  /** Set for a circle's conversation, whose members come and go with the circle's. */
  circleId: string | null;
  programId: string;
  memberPersonIds: string[];
  openedAt: string;
  /** By message id; `seq` orders them (1, 2, 3… in posting order). */
  messages: Record<string, ConversationMessage>;
  /** The last message seq, 0 before the first. */
  lastSeq: number;
  /** Per member, the seq of the last message they have read (0: none). */
  readUpTo: Record<string, number>;
  /** Per member, the times of their most recent posts within the rate window, oldest first. */
  recentPosts: Record<string, string[]>;
  /** `<messageId>|<personId>`: a member reports a message once. */
  reports: Record<string, MessageReportReason>;
  /** By message id: the reported messages and what moderators did about them. */
  moderation: Record<string, ModerationCase>;
  /** By person id: former members removed by a moderator (no longer in `memberPersonIds`). */
  removedMembers: Record<string, RemovedMember>;
  /** When the mentorship ended ('' while open). */
  closedAt: string;
  /** When the program's retention period shredded the messages: every body reads "message removed" from then on. */
  messagesShreddedAt?: string;
  /** By person id: former circle members who left the circle (no longer in `memberPersonIds`). */
  leftMembers: Record<string, LeftMember>;
}

export const initialConversationState = (): ConversationState => ({
  status: 'none',
  mentorshipId: '',
  circleId: null,
  programId: '',
  memberPersonIds: [],
  openedAt: '',
  messages: {},
  lastSeq: 0,
  readUpTo: {},
  recentPosts: {},
  reports: {},
  moderation: {},
  removedMembers: {},
  closedAt: '',
  leftMembers: {},
});

interface ByMember {
  /** The person acting (from the verified token). */
  actor: string;
  now: string;
}

/**
 * A moderation command: `moderator` is one of the program's managers or an org admin, which the service checks
 * against the memberships before it sends the command (the decider knows no roles).
 */
interface ByModerator {
  moderator: string;
  now: string;
}

export type ConversationCommand =
  | {
      type: 'OpenConversation';
      mentorshipId: string;
      programId: string;
      memberPersonIds: string[];
      /** A circle's conversation opens with its mentor alone; mentees join as they join the circle. */
      circleId?: string;
      now: string;
    }
  | { type: 'CloseConversation'; now: string }
  /** The program's retention period has passed since the mentorship ended (sent by the retention run). */
  | { type: 'ShredConversationMessages'; retentionDays: number; now: string }
  | { type: 'JoinConversation'; personId: string; now: string }
  | { type: 'LeaveConversation'; personId: string; now: string }
  | ({ type: 'PostMessage'; messageId: string; body: SealedText } & ByMember)
  | ({ type: 'EditMessage'; messageId: string; body: SealedText } & ByMember)
  | ({ type: 'DeleteMessage'; messageId: string } & ByMember)
  | ({ type: 'MarkConversationRead'; upToMessageId: string } & ByMember)
  | ({ type: 'ReportMessage'; messageId: string; reason: MessageReportReason } & ByMember)
  | ({ type: 'HideReportedMessage'; messageId: string } & ByModerator)
  | ({ type: 'DismissMessageReport'; messageId: string } & ByModerator)
  | ({ type: 'WarnMessageAuthor'; messageId: string } & ByModerator)
  | ({ type: 'RemoveConversationMember'; messageId: string; personId: string } & ByModerator);

interface OnConversation {
  mentorshipId: string;
  memberPersonIds: string[];
}

export type ConversationEvent =
  | ({ type: 'ConversationOpened'; programId: string; circleId?: string; openedAt: string } & OnConversation)
  | ({ type: 'ConversationClosed'; closedAt: string } & OnConversation)
  | ({
      type: 'ConversationMessagesShredded';
      programId: string;
      /** The program's retention period that applied, in days after `closedAt`. */
      retentionDays: number;
      closedAt: string;
      shreddedAt: string;
    } & OnConversation)
  | ({
      type: 'ConversationMemberJoined';
      programId: string;
      circleId: string;
      joinedPersonId: string;
      joinedAt: string;
    } & OnConversation)
  | ({
      type: 'ConversationMemberLeft';
      programId: string;
      circleId: string;
      leftPersonId: string;
      /** The last message the person who left may still read. */
      upToSeq: number;
      leftAt: string;
    } & OnConversation)
  | ({
      type: 'MessagePosted';
      messageId: string;
      seq: number;
      authorPersonId: string;
      body: SealedText;
      postedAt: string;
    } & OnConversation)
  | ({
      type: 'MessageEdited';
      messageId: string;
      authorPersonId: string;
      body: SealedText;
      editedAt: string;
    } & OnConversation)
  | ({ type: 'MessageDeleted'; messageId: string; authorPersonId: string; deletedAt: string } & OnConversation)
  | ({ type: 'ConversationRead'; readerPersonId: string; readUpToSeq: number; readAt: string } & OnConversation)
  | {
      type: 'MessageReported';
      mentorshipId: string;
      programId: string;
      messageId: string;
      reportedByPersonId: string;
      reason: MessageReportReason;
      reportedAt: string;
    }
  | ({
      type: 'MessageHidden';
      programId: string;
      messageId: string;
      authorPersonId: string;
      hiddenByPersonId: string;
      hiddenAt: string;
    } & OnConversation)
  | {
      type: 'MessageReportDismissed';
      mentorshipId: string;
      programId: string;
      messageId: string;
      dismissedByPersonId: string;
      dismissedAt: string;
    }
  | {
      type: 'MessageAuthorWarned';
      mentorshipId: string;
      programId: string;
      messageId: string;
      authorPersonId: string;
      warnedByPersonId: string;
      warnedAt: string;
    }
  | ({
      type: 'ConversationMemberRemoved';
      programId: string;
      messageId: string;
      removedPersonId: string;
      removedByPersonId: string;
      /** The last message the removed person may still read. */
      upToSeq: number;
      removedAt: string;
    } & OnConversation);

const instant = (value: string): string => toUtcIso(parseUtcInstant(value, 'now'));
const ms = (iso: string): number => Date.parse(iso);

export const isMember = (state: ConversationState, personId: string): boolean =>
  state.memberPersonIds.includes(personId);

/** Who may read the messages: the members only (not the program's managers, not organization admins). */
export function requireReader(state: ConversationState, personId: string): void {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no conversation for this mentorship.');
  if (!isMember(state, personId)) {
    if (state.removedMembers[personId]) {
      throw new DomainError('FORBIDDEN', 'A moderator of your program removed you from this conversation.');
    }
    if (state.leftMembers[personId]) {
      throw new DomainError('FORBIDDEN', 'You left this circle; its conversation is read-only for you.');
    }
    throw new DomainError(
      'FORBIDDEN',
      state.circleId
        ? 'Only the people of this circle read and write its conversation.'
        : 'Only the people of this mentorship read and write its conversation.',
    );
  }
}

/**
 * The last seq a person may read: every message for a member, those up to their removal for a person a moderator
 * removed or up to their leaving for a person who left the circle (they read nothing written after it). Anyone else
 * is refused like `requireReader`.
 */
export function readableUpToSeq(state: ConversationState, personId: string): number {
  const former = state.removedMembers[personId] ?? state.leftMembers[personId];
  if (state.status !== 'none' && former && !isMember(state, personId)) return former.upToSeq;
  requireReader(state, personId);
  return Number.POSITIVE_INFINITY;
}

function memberAction(state: ConversationState, command: ByMember): { actor: string; now: string } & OnConversation {
  requireReader(state, command.actor);
  return {
    actor: command.actor,
    now: instant(command.now),
    mentorshipId: state.mentorshipId,
    memberPersonIds: [...state.memberPersonIds],
  };
}

function requireOpen(state: ConversationState): void {
  if (state.status === 'closed') {
    throw new DomainError('CONFLICT', 'This mentorship has ended; its conversation can be read but not changed.');
  }
}

function ownMessage(state: ConversationState, messageId: string, actor: string, verb: string): ConversationMessage {
  const message = state.messages[requireId(messageId, 'messageId')];
  if (!message) throw new DomainError('NOT_FOUND', 'There is no such message in this conversation.');
  if (message.authorPersonId !== actor) throw new DomainError('FORBIDDEN', `You can only ${verb} your own messages.`);
  return message;
}

/** Posts of the actor still inside the rate window at `now`. */
export function postsInWindow(state: ConversationState, personId: string, now: string): string[] {
  const from = ms(now) - RATE_WINDOW_MS;
  return (state.recentPosts[personId] ?? []).filter((at) => ms(at) > from);
}

function decide(command: ConversationCommand, state: ConversationState): ConversationEvent[] {
  switch (command.type) {
    case 'OpenConversation': {
      if (state.status !== 'none') return [];
      const members = [...new Set(command.memberPersonIds.map((p) => requireId(p, 'memberPersonIds')))];
      if (members.length < (command.circleId === undefined ? 2 : 1)) {
        throw new DomainError('BAD_USER_INPUT', 'A conversation needs at least two people.', {
          field: 'memberPersonIds',
        });
      }
      return [
        {
          type: 'ConversationOpened',
          mentorshipId: requireId(command.mentorshipId, 'mentorshipId'),
          programId: requireId(command.programId, 'programId'),
          memberPersonIds: members,
          ...(command.circleId === undefined ? {} : { circleId: requireId(command.circleId, 'circleId') }),
          openedAt: instant(command.now),
        },
      ];
    }
    case 'JoinConversation':
    case 'LeaveConversation':
      return decideCircleMembership(command, state);
    case 'CloseConversation': {
      if (state.status !== 'open') return [];
      return [
        {
          type: 'ConversationClosed',
          mentorshipId: state.mentorshipId,
          memberPersonIds: [...state.memberPersonIds],
          closedAt: instant(command.now),
        },
      ];
    }
    case 'ShredConversationMessages':
      return decideShredding(command, state);
    case 'PostMessage': {
      const { actor, now, ...ref } = memberAction(state, command);
      requireOpen(state);
      const messageId = requireId(command.messageId, 'messageId');
      if (state.messages[messageId]) throw new DomainError('CONFLICT', 'A message with this id exists already.');
      const recent = postsInWindow(state, actor, now);
      if (recent.length >= MESSAGES_PER_MINUTE) {
        const retryInSeconds = Math.max(1, Math.ceil((ms(recent[0]!) + RATE_WINDOW_MS - ms(now)) / 1000));
        throw new DomainError(
          'CONFLICT',
          `You can send at most ${MESSAGES_PER_MINUTE} messages a minute; try again in ${retryInSeconds} seconds.`,
          { retryInSeconds },
        );
      }
      return [
        {
          type: 'MessagePosted',
          ...ref,
          messageId,
          seq: state.lastSeq + 1,
          authorPersonId: actor,
          body: requireSealed(command.body, 'Message'),
          postedAt: now,
        },
      ];
    }
    case 'EditMessage': {
      const { actor, now, ...ref } = memberAction(state, command);
      requireOpen(state);
      const message = ownMessage(state, command.messageId, actor, 'edit');
      if (message.deletedAt) throw new DomainError('CONFLICT', 'This message was deleted; it can no longer be edited.');
      if (message.hiddenAt) {
        throw new DomainError('CONFLICT', 'A moderator hid this message; it can no longer be edited.');
      }
      if (ms(now) - ms(message.postedAt) > EDIT_WINDOW_MS) {
        throw new DomainError(
          'CONFLICT',
          'Messages can be edited for 15 minutes after they are sent; this one can no longer be changed.',
          { editableUntil: toUtcIso(ms(message.postedAt) + EDIT_WINDOW_MS) },
        );
      }
      return [
        {
          type: 'MessageEdited',
          ...ref,
          messageId: message.messageId,
          authorPersonId: actor,
          body: requireSealed(command.body, 'Message'),
          editedAt: now,
        },
      ];
    }
    case 'DeleteMessage': {
      const { actor, now, ...ref } = memberAction(state, command);
      requireOpen(state);
      const message = ownMessage(state, command.messageId, actor, 'delete');
      if (message.deletedAt) return [];
      return [{ type: 'MessageDeleted', ...ref, messageId: message.messageId, authorPersonId: actor, deletedAt: now }];
    }
    case 'MarkConversationRead': {
      const { actor, now, ...ref } = memberAction(state, command);
      const message = state.messages[requireId(command.upToMessageId, 'upToMessageId')];
      if (!message) throw new DomainError('NOT_FOUND', 'There is no such message in this conversation.');
      // Receipts only move forward: a client marking an older message read (another tab) changes nothing.
      if (message.seq <= (state.readUpTo[actor] ?? 0)) return [];
      return [{ type: 'ConversationRead', ...ref, readerPersonId: actor, readUpToSeq: message.seq, readAt: now }];
    }
    case 'ReportMessage': {
      const { actor, now } = memberAction(state, command);
      const message = state.messages[requireId(command.messageId, 'messageId')];
      if (!message) throw new DomainError('NOT_FOUND', 'There is no such message in this conversation.');
      if (message.authorPersonId === actor) {
        throw new DomainError('BAD_USER_INPUT', 'You cannot report your own message; delete it instead.');
      }
      if (!(MESSAGE_REPORT_REASONS as readonly string[]).includes(command.reason)) {
        throw new DomainError('BAD_USER_INPUT', 'Choose a reason from the list.', { field: 'reason' });
      }
      if (state.reports[`${message.messageId}|${actor}`]) return [];
      return [
        {
          type: 'MessageReported',
          mentorshipId: state.mentorshipId,
          programId: state.programId,
          messageId: message.messageId,
          reportedByPersonId: actor,
          reason: command.reason,
          reportedAt: now,
        },
      ];
    }
    case 'HideReportedMessage':
    case 'DismissMessageReport':
    case 'WarnMessageAuthor':
    case 'RemoveConversationMember':
      return decideModeration(command, state);
  }
}

const DAY_MS = 86_400_000;

/** When a closed conversation's messages are due to be shredded under a retention period of `retentionDays`. */
export function shreddingDueAt(closedAt: string, retentionDays: number): string {
  return toUtcIso(ms(closedAt) + retentionDays * DAY_MS);
}

function decideShredding(
  command: Extract<ConversationCommand, { type: 'ShredConversationMessages' }>,
  state: ConversationState,
): ConversationEvent[] {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no conversation for this mentorship.');
  if (state.messagesShreddedAt) return [];
  if (state.status !== 'closed') {
    throw new DomainError('CONFLICT', 'The messages of a running mentorship are kept; retention starts when it ends.');
  }
  const { retentionDays } = command;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new DomainError('BAD_USER_INPUT', 'A retention period is a whole number of days, at least 1.', {
      field: 'retentionDays',
    });
  }
  const now = instant(command.now);
  const due = shreddingDueAt(state.closedAt, retentionDays);
  if (ms(now) < ms(due)) {
    throw new DomainError('CONFLICT', `These messages are kept until ${due}.`, { dueAt: due });
  }
  return [
    {
      type: 'ConversationMessagesShredded',
      mentorshipId: state.mentorshipId,
      programId: state.programId,
      memberPersonIds: [...state.memberPersonIds],
      retentionDays,
      closedAt: state.closedAt,
      shreddedAt: now,
    },
  ];
}

/**
 * A circle's membership, as matching announces it. A repeat (redelivery) or a change after the close adds nothing;
 * a person a moderator removed stays removed when they join again, since that was the program's decision about them.
 */
function decideCircleMembership(
  command: Extract<ConversationCommand, { type: 'JoinConversation' | 'LeaveConversation' }>,
  state: ConversationState,
): ConversationEvent[] {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no conversation for this circle.');
  if (!state.circleId) {
    throw new DomainError('CONFLICT', 'A mentorship’s conversation has its two people; only circles change members.');
  }
  const personId = requireId(command.personId, 'personId');
  const now = instant(command.now);
  if (state.status === 'closed' || state.removedMembers[personId]) return [];
  const on = { mentorshipId: state.mentorshipId, programId: state.programId, circleId: state.circleId };
  if (command.type === 'JoinConversation') {
    if (isMember(state, personId)) return [];
    return [
      {
        type: 'ConversationMemberJoined',
        ...on,
        memberPersonIds: [...state.memberPersonIds, personId],
        joinedPersonId: personId,
        joinedAt: now,
      },
    ];
  }
  if (!isMember(state, personId)) return [];
  return [
    {
      type: 'ConversationMemberLeft',
      ...on,
      memberPersonIds: state.memberPersonIds.filter((p) => p !== personId),
      leftPersonId: personId,
      upToSeq: state.lastSeq,
      leftAt: now,
    },
  ];
}

type ModerationCommand = Extract<
  ConversationCommand,
  { type: 'HideReportedMessage' | 'DismissMessageReport' | 'WarnMessageAuthor' | 'RemoveConversationMember' }
>;

/** The case of a reported message; moderators act on reports only, never on an arbitrary message. */
function reportedCase(
  state: ConversationState,
  messageId: string,
): { report: ModerationCase; message: ConversationMessage } {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no conversation for this mentorship.');
  const report = state.moderation[requireId(messageId, 'messageId')];
  const message = state.messages[messageId];
  if (!report || !message) throw new DomainError('NOT_FOUND', 'This message has not been reported.');
  return { report, message };
}

function decideModeration(command: ModerationCommand, state: ConversationState): ConversationEvent[] {
  const { report, message } = reportedCase(state, command.messageId);
  const moderator = requireId(command.moderator, 'moderator');
  const now = instant(command.now);
  const on = { mentorshipId: state.mentorshipId, programId: state.programId, messageId: message.messageId };
  switch (command.type) {
    case 'HideReportedMessage':
      if (message.hiddenAt) return [];
      return [
        {
          type: 'MessageHidden',
          ...on,
          memberPersonIds: [...state.memberPersonIds],
          authorPersonId: message.authorPersonId,
          hiddenByPersonId: moderator,
          hiddenAt: now,
        },
      ];
    case 'DismissMessageReport':
      if (report.status === 'dismissed') return [];
      if (report.status === 'hidden') {
        throw new DomainError('CONFLICT', 'This message is hidden already; its report cannot be dismissed any more.');
      }
      return [{ type: 'MessageReportDismissed', ...on, dismissedByPersonId: moderator, dismissedAt: now }];
    case 'WarnMessageAuthor':
      // One warning per reported message: a second click must not send the author a second notice.
      if (report.actions.some((a) => a.kind === 'author-warned')) return [];
      return [
        {
          type: 'MessageAuthorWarned',
          ...on,
          authorPersonId: message.authorPersonId,
          warnedByPersonId: moderator,
          warnedAt: now,
        },
      ];
    case 'RemoveConversationMember': {
      const personId = requireId(command.personId, 'personId');
      if (state.removedMembers[personId]) return [];
      if (!isMember(state, personId)) {
        throw new DomainError('BAD_USER_INPUT', 'This person is not a member of this conversation.', {
          field: 'personId',
        });
      }
      requireOpen(state);
      return [
        {
          type: 'ConversationMemberRemoved',
          ...on,
          memberPersonIds: state.memberPersonIds.filter((p) => p !== personId),
          removedPersonId: personId,
          removedByPersonId: moderator,
          upToSeq: state.lastSeq,
          removedAt: now,
        },
      ];
    }
  }
}

function withAction(
  state: ConversationState,
  messageId: string,
  action: ModerationAction,
  status?: ModerationCase['status'],
) {
  const report = state.moderation[messageId]!;
  return {
    ...state.moderation,
    [messageId]: { ...report, status: status ?? report.status, actions: [...report.actions, action] },
  };
}

function evolve(state: ConversationState, event: ConversationEvent): ConversationState {
  switch (event.type) {
    case 'ConversationOpened':
      return {
        ...state,
        status: 'open',
        mentorshipId: event.mentorshipId,
        circleId: event.circleId ?? null,
        programId: event.programId,
        memberPersonIds: [...event.memberPersonIds],
        openedAt: event.openedAt,
      };
    case 'ConversationClosed':
      return { ...state, status: 'closed', closedAt: event.closedAt };
    case 'ConversationMessagesShredded':
      return { ...state, messagesShreddedAt: event.shreddedAt };
    case 'ConversationMemberJoined': {
      const { [event.joinedPersonId]: _rejoined, ...leftMembers } = state.leftMembers;
      return {
        ...state,
        memberPersonIds: [...event.memberPersonIds],
        leftMembers,
        // The history is theirs to read, but what was written before they came is not news to them.
        readUpTo: {
          ...state.readUpTo,
          [event.joinedPersonId]: Math.max(state.readUpTo[event.joinedPersonId] ?? 0, state.lastSeq),
        },
      };
    }
    case 'ConversationMemberLeft':
      return {
        ...state,
        memberPersonIds: [...event.memberPersonIds],
        leftMembers: { ...state.leftMembers, [event.leftPersonId]: { upToSeq: event.upToSeq, leftAt: event.leftAt } },
      };
    case 'MessagePosted': {
      const from = ms(event.postedAt) - RATE_WINDOW_MS;
      const recent = (state.recentPosts[event.authorPersonId] ?? []).filter((at) => ms(at) > from);
      return {
        ...state,
        lastSeq: event.seq,
        messages: {
          ...state.messages,
          [event.messageId]: {
            messageId: event.messageId,
            seq: event.seq,
            authorPersonId: event.authorPersonId,
            body: event.body,
            postedAt: event.postedAt,
          },
        },
        recentPosts: { ...state.recentPosts, [event.authorPersonId]: [...recent, event.postedAt] },
        // Sending a message means having read the conversation up to it.
        readUpTo: { ...state.readUpTo, [event.authorPersonId]: event.seq },
      };
    }
    case 'MessageEdited': {
      const message = state.messages[event.messageId]!;
      return {
        ...state,
        messages: { ...state.messages, [event.messageId]: { ...message, body: event.body, editedAt: event.editedAt } },
      };
    }
    case 'MessageDeleted': {
      const message = state.messages[event.messageId]!;
      return {
        ...state,
        messages: { ...state.messages, [event.messageId]: { ...message, deletedAt: event.deletedAt } },
      };
    }
    case 'ConversationRead':
      return { ...state, readUpTo: { ...state.readUpTo, [event.readerPersonId]: event.readUpToSeq } };
    case 'MessageReported': {
      const entry = {
        reportedByPersonId: event.reportedByPersonId,
        reason: event.reason,
        reportedAt: event.reportedAt,
      };
      const report = state.moderation[event.messageId];
      return {
        ...state,
        reports: { ...state.reports, [`${event.messageId}|${event.reportedByPersonId}`]: event.reason },
        moderation: {
          ...state.moderation,
          [event.messageId]: report
            ? {
                ...report,
                status: report.status === 'dismissed' ? 'open' : report.status,
                reports: [...report.reports, entry],
              }
            : { messageId: event.messageId, status: 'open', reports: [entry], actions: [] },
        },
      };
    }
    case 'MessageHidden': {
      const message = state.messages[event.messageId]!;
      return {
        ...state,
        messages: { ...state.messages, [event.messageId]: { ...message, hiddenAt: event.hiddenAt } },
        moderation: withAction(
          state,
          event.messageId,
          { kind: 'hidden', byPersonId: event.hiddenByPersonId, at: event.hiddenAt },
          'hidden',
        ),
      };
    }
    case 'MessageReportDismissed':
      return {
        ...state,
        moderation: withAction(
          state,
          event.messageId,
          { kind: 'dismissed', byPersonId: event.dismissedByPersonId, at: event.dismissedAt },
          'dismissed',
        ),
      };
    case 'MessageAuthorWarned':
      return {
        ...state,
        moderation: withAction(state, event.messageId, {
          kind: 'author-warned',
          byPersonId: event.warnedByPersonId,
          at: event.warnedAt,
          personId: event.authorPersonId,
        }),
      };
    case 'ConversationMemberRemoved':
      return {
        ...state,
        memberPersonIds: state.memberPersonIds.filter((p) => p !== event.removedPersonId),
        removedMembers: {
          ...state.removedMembers,
          [event.removedPersonId]: {
            upToSeq: event.upToSeq,
            removedAt: event.removedAt,
            byPersonId: event.removedByPersonId,
          },
        },
        moderation: withAction(state, event.messageId, {
          kind: 'member-removed',
          byPersonId: event.removedByPersonId,
          at: event.removedAt,
          personId: event.removedPersonId,
        }),
      };
  }
}

/** How many messages before and after a reported one its moderators see: the immediate context, never the rest. */
export const MODERATION_CONTEXT = 2;

/** The reported message with up to `MODERATION_CONTEXT` messages on either side, in seq order. */
export function moderationContext(state: ConversationState, messageId: string): ConversationMessage[] {
  const reported = state.messages[messageId];
  if (!reported) return [];
  return Object.values(state.messages)
    .filter((m) => Math.abs(m.seq - reported.seq) <= MODERATION_CONTEXT)
    .sort((a, b) => a.seq - b.seq);
}

/** Messages of others after the member's read receipt, deleted ones not counted. */
export function unreadCount(state: ConversationState, personId: string): number {
  const readUpTo = state.readUpTo[personId] ?? 0;
  return Object.values(state.messages).filter(
    (m) => m.seq > readUpTo && m.authorPersonId !== personId && !m.deletedAt && !m.hiddenAt,
  ).length;
}

/** Messages in seq order, the newest `limit` before `beforeSeq` (exclusive), and whether older ones exist. */
export function messagePage(
  state: ConversationState,
  limit: number,
  beforeSeq?: number,
): { messages: ConversationMessage[]; hasOlder: boolean } {
  const sorted = Object.values(state.messages)
    .filter((m) => beforeSeq === undefined || m.seq < beforeSeq)
    .sort((a, b) => a.seq - b.seq);
  const messages = sorted.slice(Math.max(0, sorted.length - limit));
  return { messages, hasOlder: sorted.length > messages.length };
}

export const conversationDecider: Decider<ConversationCommand, ConversationEvent, ConversationState> = {
  initialState: initialConversationState,
  decide,
  evolve,
};
