import type { NotificationCategory, NotificationPriority, TemplateId } from '@trellis/notifications/contracts';
import { conversationSubject } from './unread-message-reminders';

/** An integration event as the rules see it: type and data of any upstream topic, plus the envelope's facts. */
export interface SourceEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
  tenantId: string;
  programId?: string;
}

export type Audience = { kind: 'people'; personIds: string[] } | { kind: 'program-managers'; programId: string };

export interface CalendarAttachment {
  method: 'REQUEST' | 'CANCEL';
  sessionId: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  sequence: number;
}

/** What one rule decides for one event: who hears about it, how urgent, and which template says it. */
export interface NotificationIntent {
  templateId: TemplateId;
  category: NotificationCategory;
  priority: NotificationPriority;
  audience: Audience;
  /** The thing the notification is about; the in-app link and the webhook payload name it. */
  subject: { kind: string; id: string };
  /** Ids, enums, numbers and times for the template — never free text (docs/architecture.md §7). */
  params: Record<string, string | number>;
  calendar?: CalendarAttachment;
}

export interface RuleDefinition {
  source: string;
  templateId: TemplateId;
  category: NotificationCategory;
  priority: NotificationPriority;
  recipients: string;
}

/** The rules table (documentation and tests read it; `intentsFor` implements it). */
export const NOTIFICATION_RULES: readonly RuleDefinition[] = [
  {
    source: 'MatchProposed',
    templateId: 'match-proposed',
    category: 'match-proposals',
    priority: 'high',
    recipients: 'mentor and mentee',
  },
  {
    source: 'MentorshipRequested',
    templateId: 'mentor-requested',
    category: 'mentorship-requests',
    priority: 'high',
    recipients: 'mentor',
  },
  {
    source: 'MentorshipRequestAccepted',
    templateId: 'request-accepted',
    category: 'request-outcomes',
    priority: 'high',
    recipients: 'mentee',
  },
  {
    source: 'MentorshipRequestDeclined',
    templateId: 'request-declined',
    category: 'request-outcomes',
    priority: 'normal',
    recipients: 'mentee',
  },
  {
    source: 'MentorshipRequestExpired',
    templateId: 'request-expired',
    category: 'request-outcomes',
    priority: 'normal',
    recipients: 'mentee',
  },
  {
    source: 'MentorshipStarted',
    templateId: 'mentorship-started',
    category: 'mentorship-started',
    priority: 'high',
    recipients: 'mentor and mentee',
  },
  {
    source: 'SessionScheduled',
    templateId: 'session-scheduled',
    category: 'session-updates',
    priority: 'critical',
    recipients: 'attendees except host',
  },
  {
    source: 'SessionRescheduled',
    templateId: 'session-rescheduled',
    category: 'session-updates',
    priority: 'critical',
    recipients: 'attendees except host',
  },
  {
    source: 'SessionCancelled',
    templateId: 'session-cancelled',
    category: 'session-updates',
    priority: 'critical',
    recipients: 'attendees and host except who cancelled',
  },
  {
    source: 'SessionCompleted',
    templateId: 'feedback-requested',
    category: 'feedback-requests',
    priority: 'low',
    recipients: 'who attended',
  },
  {
    source: 'EngagementAtRisk',
    templateId: 'engagement-at-risk',
    category: 'engagement-health',
    priority: 'normal',
    recipients: 'mentor and mentee',
  },
  {
    source: 'EngagementStalled',
    templateId: 'engagement-stalled',
    category: 'engagement-health',
    priority: 'normal',
    recipients: 'program managers',
  },
  {
    source: 'EngagementNudged',
    templateId: 'engagement-nudge',
    category: 'engagement-health',
    priority: 'high',
    recipients: 'mentor and mentee',
  },
  {
    source: 'ParticipantEnrolled',
    templateId: 'enrollment-invitation',
    category: 'enrollment-invitations',
    priority: 'high',
    recipients: 'the invited person (invited: true only)',
  },
  {
    source: 'MatchingRoundPublished',
    templateId: 'matching-round-published',
    category: 'matching-rounds',
    priority: 'normal',
    recipients: 'program managers',
  },
  {
    source: 'MessageAuthorWarned',
    templateId: 'conversation-warning',
    category: 'conversations',
    priority: 'high',
    recipients: 'the author of the reported message',
  },
];

const str = (data: Record<string, unknown>, key: string): string => {
  const value = data[key];
  if (typeof value !== 'string' || !value) throw new Error(`event data lacks ${key}`);
  return value;
};
const num = (data: Record<string, unknown>, key: string): number => {
  const value = data[key];
  if (typeof value !== 'number') throw new Error(`event data lacks ${key}`);
  return value;
};
const people = (...ids: Array<string | undefined>): Audience => ({
  kind: 'people',
  personIds: [...new Set(ids.filter((id): id is string => !!id))],
});

function rule(source: string): RuleDefinition {
  const found = NOTIFICATION_RULES.find((r) => r.source === source);
  if (!found) throw new Error(`no rule for ${source}`);
  return found;
}

function intent(
  source: string,
  audience: Audience,
  subject: NotificationIntent['subject'],
  params: NotificationIntent['params'],
  calendar?: CalendarAttachment,
): NotificationIntent {
  const { templateId, category, priority } = rule(source);
  return { templateId, category, priority, audience, subject, params, ...(calendar ? { calendar } : {}) };
}

/** The notifications an upstream event causes; events no rule names cause none. */
export function intentsFor(event: SourceEvent): NotificationIntent[] {
  const d = event.data;
  switch (event.type) {
    case 'MatchProposed':
      return [
        intent(
          event.type,
          people(str(d, 'mentorPersonId'), str(d, 'menteePersonId')),
          { kind: 'proposal', id: str(d, 'proposalId') },
          {
            programId: str(d, 'programId'),
            respondBy: str(d, 'respondBy'),
          },
        ),
      ];
    case 'MentorshipRequested':
      return [
        intent(
          event.type,
          people(str(d, 'mentorPersonId')),
          { kind: 'request', id: str(d, 'requestId') },
          {
            programId: str(d, 'programId'),
            expiresAt: str(d, 'expiresAt'),
          },
        ),
      ];
    case 'MentorshipRequestAccepted':
    case 'MentorshipRequestDeclined':
    case 'MentorshipRequestExpired':
      return [
        intent(
          event.type,
          people(str(d, 'menteePersonId')),
          { kind: 'request', id: str(d, 'requestId') },
          {
            programId: str(d, 'programId'),
            ...(typeof d['reason'] === 'string' ? { reason: d['reason'] } : {}),
          },
        ),
      ];
    case 'MentorshipStarted':
      return [
        intent(
          event.type,
          people(str(d, 'mentorPersonId'), str(d, 'menteePersonId')),
          { kind: 'mentorship', id: str(d, 'mentorshipId') },
          {
            programId: str(d, 'programId'),
            format: str(d, 'format'),
          },
        ),
      ];
    case 'SessionScheduled':
    case 'SessionRescheduled': {
      const host = str(d, 'hostPersonId');
      const attendees = (d['attendeePersonIds'] as string[]).filter((p) => p !== host);
      const calendar: CalendarAttachment = {
        method: 'REQUEST',
        sessionId: str(d, 'sessionId'),
        startsAt: str(d, 'startsAt'),
        endsAt: str(d, 'endsAt'),
        timezone: str(d, 'timezone'),
        sequence: num(d, 'sequence'),
      };
      return [
        intent(
          event.type,
          people(...attendees),
          { kind: 'session', id: calendar.sessionId },
          {
            startsAt: calendar.startsAt,
            endsAt: calendar.endsAt,
            ...(event.type === 'SessionRescheduled' ? { previousStartsAt: str(d, 'previousStartsAt') } : {}),
          },
          calendar,
        ),
      ];
    }
    case 'SessionCancelled': {
      const by = str(d, 'cancelledByPersonId');
      const everyone = [str(d, 'hostPersonId'), ...(d['attendeePersonIds'] as string[])].filter((p) => p !== by);
      const startsAt = str(d, 'startsAt');
      return [
        intent(
          event.type,
          people(...everyone),
          { kind: 'session', id: str(d, 'sessionId') },
          { startsAt, reason: str(d, 'reason') },
          // A CANCEL needs the same UID and a higher SEQUENCE; the end is not on the event, so it repeats the start.
          {
            method: 'CANCEL',
            sessionId: str(d, 'sessionId'),
            startsAt,
            endsAt: startsAt,
            timezone: 'UTC',
            sequence: num(d, 'sequence'),
          },
        ),
      ];
    }
    case 'SessionCompleted':
      return [
        intent(
          event.type,
          people(...(d['attendedPersonIds'] as string[])),
          { kind: 'session', id: str(d, 'sessionId') },
          {
            endsAt: str(d, 'endsAt'),
          },
        ),
      ];
    case 'EngagementAtRisk':
      return [
        intent(
          event.type,
          people(str(d, 'mentorPersonId'), str(d, 'menteePersonId')),
          { kind: 'mentorship', id: str(d, 'mentorshipId') },
          {
            reasons: (d['reasons'] as string[]).join(','),
          },
        ),
      ];
    case 'EngagementStalled':
      if (!event.programId) return [];
      return [
        intent(
          event.type,
          { kind: 'program-managers', programId: event.programId },
          { kind: 'mentorship', id: str(d, 'mentorshipId') },
          {
            reasons: (d['reasons'] as string[]).join(','),
          },
        ),
      ];
    case 'EngagementNudged':
      return [
        intent(
          event.type,
          people(str(d, 'mentorPersonId'), str(d, 'menteePersonId')),
          { kind: 'mentorship', id: str(d, 'mentorshipId') },
          {
            nudgedAt: str(d, 'nudgedAt'),
          },
        ),
      ];
    case 'MessageAuthorWarned':
      return [
        intent(event.type, people(str(d, 'authorPersonId')), conversationSubject(str(d, 'mentorshipId')), {
          warnedAt: str(d, 'warnedAt'),
        }),
      ];
    case 'ParticipantEnrolled':
      if (d['invited'] !== true) return [];
      return [
        intent(
          event.type,
          people(str(d, 'personId')),
          { kind: 'program', id: str(d, 'programId') },
          { programId: str(d, 'programId') },
        ),
      ];
    case 'MatchingRoundPublished':
      return [
        intent(
          event.type,
          { kind: 'program-managers', programId: str(d, 'programId') },
          { kind: 'round', id: str(d, 'roundId') },
          {
            proposals: num(d, 'proposals'),
          },
        ),
      ];
    default:
      return [];
  }
}

/**
 * Stable id of one notification to one recipient on one channel: the uniqueness key that makes a redelivered or
 * replayed event produce nothing new.
 */
export function deliveryKey(eventId: string, recipient: string, channel: string, templateId?: string): string {
  return [eventId, templateId ?? '', recipient, channel].join('|');
}
