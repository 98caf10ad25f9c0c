import { z } from 'zod';
import {
  ATTENDANCE_STATUSES,
  CANCELLATION_REASONS,
  COMMUNICATION_CHANNELS,
  ENGAGEMENT_CLOSE_REASONS,
  GOAL_ABANDON_REASONS,
  HEALTH_REASONS,
  HEALTH_STATUSES,
  INTRODUCTION_KINDS,
  MESSAGE_REPORT_REASONS,
  MEETING_CADENCES,
  RESOURCE_KINDS,
  RSVP_RESPONSES,
  SESSION_KINDS,
  SESSION_MODES,
} from './enums';
import { ianaTimeZoneSchema, idSchema, localDateSchema, utcInstantSchema } from './primitives';

/** The Kafka topic of every sessions integration event; key = the aggregate's stream id. */
export const SESSIONS_EVENTS_TOPIC = 'sessions.events.v1';

/** Stream ids on the topic (the message key), so consumers can tell the two aggregates apart. */
export const engagementStreamId = (mentorshipId: string): string => `engagement-${mentorshipId}`;
export const sessionStreamId = (sessionId: string): string => `session-${sessionId}`;
export const conversationStreamId = (mentorshipId: string): string => `conversation-${mentorshipId}`;
/**
 * A circle's conversation id: it stands where a mentorship's id stands in the conversation events and API, so its
 * stream is `conversation-circle-<circleId>`. Mentorship ids are matching's UUIDs and never start with `circle-`.
 */
export const circleConversationId = (circleId: string): string => `circle-${circleId}`;
export const ENGAGEMENT_STREAM_TYPE = 'engagement';
export const CONVERSATION_STREAM_TYPE = 'conversation';
export const SESSION_STREAM_TYPE = 'session';
/**
 * Program surveys: definitions and answers stay private to the service; an occurrence's opening is published, and of
 * an answer only that the person answered (so notifications stops reminding them).
 */
export const SURVEY_STREAM_TYPE = 'survey';
export const SURVEY_RESPONSE_STREAM_TYPE = 'survey-response';
export const SURVEY_OCCURRENCE_STREAM_TYPE = 'survey-occurrence';
export const surveyOccurrenceStreamId = (occurrenceId: string): string => `survey-occurrence-${occurrenceId}`;

/**
 * Strict objects: an unknown field (for instance a note someone added to an event by mistake) fails validation on
 * both the producing and the consuming side instead of leaking free text onto the topic.
 */
function contract<const Type extends string, Shape extends z.ZodRawShape>(type: Type, shape: Shape) {
  return { type, schemaVersion: 1, data: z.object(shape).strict() } as const;
}

const personIds = z.array(idSchema).max(1000);
const engagementRef = { mentorshipId: idSchema } as const;
const healthShape = {
  ...engagementRef,
  previousStatus: z.enum(HEALTH_STATUSES),
  status: z.enum(HEALTH_STATUSES),
  reasons: z.array(z.enum(HEALTH_REASONS)).max(HEALTH_REASONS.length),
  mentorPersonId: idSchema,
  menteePersonId: idSchema,
  evaluatedAt: utcInstantSchema,
} as const;
const agreementTerms = {
  cadence: z.enum(MEETING_CADENCES),
  sessionMinutes: z.number().int().min(15).max(480),
  durationMonths: z.number().int().min(1).max(60),
  channels: z.array(z.enum(COMMUNICATION_CHANNELS)).min(1).max(COMMUNICATION_CHANNELS.length),
} as const;

export const EngagementOpened = contract('EngagementOpened', {
  ...engagementRef,
  programId: idSchema,
  mentorPersonId: idSchema,
  menteePersonId: idSchema,
  mentorParticipantId: idSchema,
  menteeParticipantId: idSchema,
  format: idSchema,
  circleId: idSchema.optional(),
  openedAt: utcInstantSchema,
});

export const EngagementClosed = contract('EngagementClosed', {
  ...engagementRef,
  reason: z.enum(ENGAGEMENT_CLOSE_REASONS),
  closedAt: utcInstantSchema,
});

export const AgreementProposed = contract('AgreementProposed', {
  ...engagementRef,
  version: z.number().int().min(1),
  proposedByPersonId: idSchema,
  ...agreementTerms,
});

export const AgreementSigned = contract('AgreementSigned', {
  ...engagementRef,
  version: z.number().int().min(1),
  signedByPersonId: idSchema,
  /** True when this signature was the second one: the version is now in effect. */
  inEffect: z.boolean(),
});

export const AgreementAmended = contract('AgreementAmended', {
  ...engagementRef,
  version: z.number().int().min(2),
  amendsVersion: z.number().int().min(1),
  proposedByPersonId: idSchema,
  ...agreementTerms,
});

export const GoalSet = contract('GoalSet', {
  ...engagementRef,
  goalId: idSchema,
  setByPersonId: idSchema,
  ownerPersonId: idSchema,
  targetDate: localDateSchema,
  milestoneCount: z.number().int().min(0).max(50),
});

export const GoalProgressUpdated = contract('GoalProgressUpdated', {
  ...engagementRef,
  goalId: idSchema,
  updatedByPersonId: idSchema,
  progressPercent: z.number().int().min(0).max(100),
});

export const GoalAchieved = contract('GoalAchieved', {
  ...engagementRef,
  goalId: idSchema,
  achievedByPersonId: idSchema,
  achievedAt: utcInstantSchema,
});

export const GoalAbandoned = contract('GoalAbandoned', {
  ...engagementRef,
  goalId: idSchema,
  abandonedByPersonId: idSchema,
  reason: z.enum(GOAL_ABANDON_REASONS),
});

export const MilestoneReached = contract('MilestoneReached', {
  ...engagementRef,
  goalId: idSchema,
  milestoneId: idSchema,
  reachedByPersonId: idSchema,
  reachedAt: utcInstantSchema,
});

export const ActionItemAdded = contract('ActionItemAdded', {
  ...engagementRef,
  actionItemId: idSchema,
  addedByPersonId: idSchema,
  ownerPersonId: idSchema,
  dueDate: localDateSchema,
  goalId: idSchema.optional(),
  sessionId: idSchema.optional(),
});

export const ActionItemCompleted = contract('ActionItemCompleted', {
  ...engagementRef,
  actionItemId: idSchema,
  ownerPersonId: idSchema,
  completedByPersonId: idSchema,
  completedAt: utcInstantSchema,
});

export const ResourceRecommended = contract('ResourceRecommended', {
  ...engagementRef,
  resourceId: idSchema,
  kind: z.enum(RESOURCE_KINDS),
  recommendedByPersonId: idSchema,
  recommendedToPersonId: idSchema,
});

export const IntroductionMade = contract('IntroductionMade', {
  ...engagementRef,
  introductionId: idSchema,
  kind: z.enum(INTRODUCTION_KINDS),
  introducedByPersonId: idSchema,
  menteePersonId: idSchema,
  /** Only for introductions to another participant; an external contact's details stay encrypted in sessions. */
  introducedPersonId: idSchema.optional(),
});

const sessionTimes = {
  startsAt: utcInstantSchema,
  endsAt: utcInstantSchema,
  /** The organizer's IANA zone; clients show the times in each viewer's own zone. */
  timezone: ianaTimeZoneSchema,
  sequence: z.number().int().min(0),
} as const;

export const SessionScheduled = contract('SessionScheduled', {
  sessionId: idSchema,
  kind: z.enum(SESSION_KINDS),
  mentorshipId: idSchema.optional(),
  circleId: idSchema.optional(),
  hostPersonId: idSchema,
  attendeePersonIds: personIds.min(1),
  capacity: z.number().int().min(2).max(1000),
  mode: z.enum(SESSION_MODES),
  ...sessionTimes,
});

export const SessionRescheduled = contract('SessionRescheduled', {
  sessionId: idSchema,
  mentorshipId: idSchema.optional(),
  hostPersonId: idSchema,
  attendeePersonIds: personIds.min(1),
  previousStartsAt: utcInstantSchema,
  ...sessionTimes,
});

export const SessionCancelled = contract('SessionCancelled', {
  sessionId: idSchema,
  mentorshipId: idSchema.optional(),
  hostPersonId: idSchema,
  attendeePersonIds: personIds.min(1),
  cancelledByPersonId: idSchema,
  reason: z.enum(CANCELLATION_REASONS),
  startsAt: utcInstantSchema,
  sequence: z.number().int().min(1),
});

export const RsvpGiven = contract('RsvpGiven', {
  sessionId: idSchema,
  mentorshipId: idSchema.optional(),
  hostPersonId: idSchema,
  personId: idSchema,
  response: z.enum(RSVP_RESPONSES),
  sequence: z.number().int().min(0),
});

export const AttendanceRecorded = contract('AttendanceRecorded', {
  sessionId: idSchema,
  mentorshipId: idSchema.optional(),
  recordedByPersonId: idSchema,
  attendance: z
    .array(z.object({ personId: idSchema, status: z.enum(ATTENDANCE_STATUSES) }).strict())
    .min(1)
    .max(1000),
});

export const SessionCompleted = contract('SessionCompleted', {
  sessionId: idSchema,
  kind: z.enum(SESSION_KINDS),
  mentorshipId: idSchema.optional(),
  hostPersonId: idSchema,
  attendedPersonIds: personIds,
  startsAt: utcInstantSchema,
  endsAt: utcInstantSchema,
  completedAt: utcInstantSchema,
});

export const FeedbackSubmitted = contract('FeedbackSubmitted', {
  sessionId: idSchema,
  mentorshipId: idSchema.optional(),
  hostPersonId: idSchema,
  personId: idSchema,
  rating: z.number().int().min(1).max(5),
});

/**
 * Private changes still publish that *something* changed (never what, nor who for reflections), so every domain event
 * has an integration event and per-stream revisions on the topic stay contiguous for revision-guarded read models.
 */
export const MilestoneAdded = contract('MilestoneAdded', {
  ...engagementRef,
  goalId: idSchema,
  milestoneId: idSchema,
  addedByPersonId: idSchema,
});
export const EngagementPrivateEntryWritten = contract('EngagementPrivateEntryWritten', engagementRef);
export const SessionNotesWritten = contract('SessionNotesWritten', {
  sessionId: idSchema,
  mentorshipId: idSchema.optional(),
});
/** A status change that deserves no nudge (stalled → at risk), published so dashboards stay current. */
export const EngagementHealthChanged = contract('EngagementHealthChanged', healthShape);

export const EngagementAtRisk = contract('EngagementAtRisk', healthShape);
export const EngagementStalled = contract('EngagementStalled', healthShape);
export const EngagementRecovered = contract('EngagementRecovered', healthShape);
/** A program manager reminded both people of the pair to meet (at most once a day per pair). */
export const EngagementNudged = contract('EngagementNudged', {
  ...engagementRef,
  mentorPersonId: idSchema,
  menteePersonId: idSchema,
  nudgedByPersonId: idSchema,
  nudgedAt: utcInstantSchema,
});

/**
 * Conversations (one per mentorship, stream `conversation-<mentorshipId>`, and one per circle, whose id in
 * `mentorshipId` is `circleConversationId(circleId)`): ids, counters and times only. Message bodies never travel;
 * `memberPersonIds` names who the gateway's live subscription tells that something changed.
 */
const conversationRef = { mentorshipId: idSchema, memberPersonIds: personIds } as const;
export const ConversationOpened = contract('ConversationOpened', {
  ...conversationRef,
  programId: idSchema,
  /** Set when it is a circle's conversation. */
  circleId: idSchema.optional(),
  openedAt: utcInstantSchema,
});
/** A circle's mentee joined the circle and so its conversation (the names after joining, so they are told live). */
export const ConversationMemberJoined = contract('ConversationMemberJoined', {
  ...conversationRef,
  programId: idSchema,
  circleId: idSchema,
  joinedPersonId: idSchema,
  joinedAt: utcInstantSchema,
});
/** A circle's mentee left: they read up to `upToSeq` and nothing after; `memberPersonIds` no longer names them. */
export const ConversationMemberLeft = contract('ConversationMemberLeft', {
  ...conversationRef,
  programId: idSchema,
  circleId: idSchema,
  leftPersonId: idSchema,
  upToSeq: z.number().int().min(0),
  leftAt: utcInstantSchema,
});
export const ConversationClosed = contract('ConversationClosed', { ...conversationRef, closedAt: utcInstantSchema });
/** The program's retention period ran out after the mentorship ended: every message reads "message removed". */
export const ConversationMessagesShredded = contract('ConversationMessagesShredded', {
  ...conversationRef,
  programId: idSchema,
  retentionDays: z.number().int().min(1),
  closedAt: utcInstantSchema,
  shreddedAt: utcInstantSchema,
});
export const MessagePosted = contract('MessagePosted', {
  ...conversationRef,
  messageId: idSchema,
  authorPersonId: idSchema,
  seq: z.number().int().min(1),
  postedAt: utcInstantSchema,
});
export const MessageEdited = contract('MessageEdited', {
  ...conversationRef,
  messageId: idSchema,
  authorPersonId: idSchema,
  editedAt: utcInstantSchema,
});
export const MessageDeleted = contract('MessageDeleted', {
  ...conversationRef,
  messageId: idSchema,
  authorPersonId: idSchema,
  deletedAt: utcInstantSchema,
});
export const ConversationRead = contract('ConversationRead', {
  ...conversationRef,
  readerPersonId: idSchema,
  readUpToSeq: z.number().int().min(1),
  readAt: utcInstantSchema,
});
/** Who reported stays out of `memberPersonIds`-style fields: the author is not told live that they were reported. */
export const MessageReported = contract('MessageReported', {
  mentorshipId: idSchema,
  programId: idSchema,
  messageId: idSchema,
  reason: z.enum(MESSAGE_REPORT_REASONS),
  reportedAt: utcInstantSchema,
});
/**
 * Moderation by the program's managers, each the audit of one action on a reported message. Hiding and removing
 * name the members, so their live views refresh; a dismissal tells no member; a warning names the author, whom
 * notifications tells.
 */
const moderationRef = { mentorshipId: idSchema, programId: idSchema, messageId: idSchema } as const;
export const MessageHidden = contract('MessageHidden', {
  ...moderationRef,
  memberPersonIds: personIds,
  authorPersonId: idSchema,
  hiddenByPersonId: idSchema,
  hiddenAt: utcInstantSchema,
});
export const MessageReportDismissed = contract('MessageReportDismissed', {
  ...moderationRef,
  dismissedByPersonId: idSchema,
  dismissedAt: utcInstantSchema,
});
export const MessageAuthorWarned = contract('MessageAuthorWarned', {
  ...moderationRef,
  authorPersonId: idSchema,
  warnedByPersonId: idSchema,
  warnedAt: utcInstantSchema,
});
export const ConversationMemberRemoved = contract('ConversationMemberRemoved', {
  ...moderationRef,
  memberPersonIds: personIds,
  removedPersonId: idSchema,
  removedByPersonId: idSchema,
  upToSeq: z.number().int().min(0),
  removedAt: utcInstantSchema,
});

/**
 * An occurrence of a program survey was planned and takes answers from `opensAt` until just before `closesAt`
 * (stream `survey-occurrence-<occurrenceId>`): notifications invites `askedPersonIds` at `opensAt` and reminds those
 * who have not answered at `remindAt`. Ids and times only; the survey's wording stays in the service.
 */
export const SurveyOccurrenceOpened = contract('SurveyOccurrenceOpened', {
  occurrenceId: idSchema,
  surveyId: idSchema,
  programId: idSchema,
  cohortId: idSchema.optional(),
  mentorshipId: idSchema.optional(),
  askedPersonIds: personIds,
  opensAt: utcInstantSchema,
  closesAt: utcInstantSchema,
  remindAt: utcInstantSchema.optional(),
});

/**
 * A person answered an occurrence of a survey (stream `survey-response-<occurrenceId>/<personId>`): notifications no
 * longer reminds them. That they answered, never what — the answers stay in the service.
 */
export const SurveyAnswered = contract('SurveyAnswered', {
  occurrenceId: idSchema,
  surveyId: idSchema,
  programId: idSchema,
  respondentPersonId: idSchema,
  answeredAt: utcInstantSchema,
});

/** Every event published on `sessions.events.v1`; structurally a messaging `EventContract`. */
export const sessionsEventContracts = [
  EngagementOpened,
  EngagementClosed,
  AgreementProposed,
  AgreementSigned,
  AgreementAmended,
  GoalSet,
  GoalProgressUpdated,
  GoalAchieved,
  GoalAbandoned,
  MilestoneAdded,
  MilestoneReached,
  ActionItemAdded,
  ActionItemCompleted,
  ResourceRecommended,
  IntroductionMade,
  EngagementPrivateEntryWritten,
  SessionScheduled,
  SessionRescheduled,
  SessionCancelled,
  RsvpGiven,
  AttendanceRecorded,
  SessionCompleted,
  FeedbackSubmitted,
  SessionNotesWritten,
  EngagementAtRisk,
  EngagementStalled,
  EngagementRecovered,
  EngagementHealthChanged,
  EngagementNudged,
  ConversationOpened,
  ConversationClosed,
  ConversationMessagesShredded,
  ConversationMemberJoined,
  ConversationMemberLeft,
  MessagePosted,
  MessageEdited,
  MessageDeleted,
  ConversationRead,
  MessageReported,
  MessageHidden,
  MessageReportDismissed,
  MessageAuthorWarned,
  ConversationMemberRemoved,
  SurveyOccurrenceOpened,
  SurveyAnswered,
] as const;

type AnyContract = (typeof sessionsEventContracts)[number];

/** `{ type, ...data }` for each published event, the shape a consumer switches on. */
export type SessionsIntegrationEvent = {
  [C in AnyContract as C['type']]: { type: C['type'] } & z.infer<C['data']>;
}[AnyContract['type']];

export type SessionsEventType = AnyContract['type'];

export type SessionsEventData<T extends SessionsEventType> = z.infer<Extract<AnyContract, { type: T }>['data']>;

export const SESSIONS_EVENT_TYPES: readonly SessionsEventType[] = sessionsEventContracts.map((c) => c.type);

/** Each event's data schema by its type, as the producer projects its domain events onto them. */
export const sessionsEventSchemas = Object.fromEntries(sessionsEventContracts.map((c) => [c.type, c.data])) as {
  [C in AnyContract as C['type']]: C['data'];
};
