/** Closed vocabularies shared by the sessions contracts and domain; free text never travels in their place. */
export const MEETING_CADENCES = ['weekly', 'fortnightly', 'monthly'] as const;
export type MeetingCadence = (typeof MEETING_CADENCES)[number];

export const COMMUNICATION_CHANNELS = ['video', 'phone', 'in-person', 'chat', 'email'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export const GOAL_ABANDON_REASONS = [
  'no-longer-relevant',
  'replaced-by-another-goal',
  'out-of-reach',
  'mentorship-ended',
  'other',
] as const;
export type GoalAbandonReason = (typeof GOAL_ABANDON_REASONS)[number];

export const RESOURCE_KINDS = ['workshop', 'course', 'article', 'event', 'book', 'video', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const INTRODUCTION_KINDS = ['participant', 'external-contact'] as const;
export type IntroductionKind = (typeof INTRODUCTION_KINDS)[number];

export const SESSION_KINDS = ['one-on-one', 'group'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_MODES = ['virtual', 'in-person'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const CANCELLATION_REASONS = [
  'schedule-conflict',
  'illness',
  'emergency',
  'no-longer-needed',
  'host-unavailable',
  'mentorship-ended',
  'other',
] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

export const RSVP_RESPONSES = ['accepted', 'tentative', 'declined'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

export const ATTENDANCE_STATUSES = ['attended', 'late', 'left-early', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const HEALTH_STATUSES = ['healthy', 'at-risk', 'stalled'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export const HEALTH_REASONS = [
  'no-agreement',
  'no-goals',
  'no-first-session',
  'no-upcoming-session',
  'behind-cadence',
  'no-session-for-long',
  'repeated-cancellations',
  'overdue-action-items',
  'low-feedback',
  'goals-overdue',
] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];

export const ENGAGEMENT_CLOSE_REASONS = ['mentorship-ended'] as const;
export type EngagementCloseReason = (typeof ENGAGEMENT_CLOSE_REASONS)[number];

/** Why a member reports a message in their conversation; the reporter picks one, never free text. */
export const MESSAGE_REPORT_REASONS = ['spam', 'harassment', 'hate', 'self-harm', 'inappropriate', 'other'] as const;
export type MessageReportReason = (typeof MESSAGE_REPORT_REASONS)[number];
