import {
  SESSIONS_EVENT_TYPES,
  SESSIONS_EVENTS_TOPIC,
  SessionScheduled,
  sessionsEventContracts,
  type SessionsEventData,
  type SessionsEventType,
} from './events';
import { ianaTimeZoneSchema, isRealDate } from './primitives';

const at = '2026-03-30T16:00:00Z';
const health: SessionsEventData<'EngagementAtRisk'> = {
  mentorshipId: 'm-1',
  previousStatus: 'healthy',
  status: 'at-risk',
  reasons: ['behind-cadence', 'overdue-action-items'],
  mentorPersonId: 'p-mentor',
  menteePersonId: 'p-mentee',
  evaluatedAt: at,
};
const terms = {
  cadence: 'fortnightly' as const,
  sessionMinutes: 60,
  durationMonths: 6,
  channels: ['video' as const, 'chat' as const],
};

// Typed by event type: adding a contract without a sample here fails the typecheck.
const samples: { [T in SessionsEventType]: SessionsEventData<T> } = {
  EngagementOpened: {
    mentorshipId: 'm-1',
    programId: 'prog-1',
    mentorPersonId: 'p-mentor',
    menteePersonId: 'p-mentee',
    mentorParticipantId: 'pa-1',
    menteeParticipantId: 'pa-2',
    format: 'one-on-one',
    openedAt: at,
  },
  EngagementClosed: { mentorshipId: 'm-1', reason: 'mentorship-ended', closedAt: at },
  AgreementProposed: { mentorshipId: 'm-1', version: 1, proposedByPersonId: 'p-mentor', ...terms },
  AgreementSigned: { mentorshipId: 'm-1', version: 1, signedByPersonId: 'p-mentee', inEffect: true },
  AgreementAmended: { mentorshipId: 'm-1', version: 2, amendsVersion: 1, proposedByPersonId: 'p-mentee', ...terms },
  GoalSet: {
    mentorshipId: 'm-1',
    goalId: 'g-1',
    setByPersonId: 'p-mentee',
    ownerPersonId: 'p-mentee',
    targetDate: '2026-09-30',
    milestoneCount: 2,
  },
  GoalProgressUpdated: { mentorshipId: 'm-1', goalId: 'g-1', updatedByPersonId: 'p-mentee', progressPercent: 40 },
  GoalAchieved: { mentorshipId: 'm-1', goalId: 'g-1', achievedByPersonId: 'p-mentee', achievedAt: at },
  GoalAbandoned: { mentorshipId: 'm-1', goalId: 'g-1', abandonedByPersonId: 'p-mentee', reason: 'out-of-reach' },
  MilestoneReached: {
    mentorshipId: 'm-1',
    goalId: 'g-1',
    milestoneId: 'ms-1',
    reachedByPersonId: 'p-mentee',
    reachedAt: at,
  },
  ActionItemAdded: {
    mentorshipId: 'm-1',
    actionItemId: 'a-1',
    addedByPersonId: 'p-mentor',
    ownerPersonId: 'p-mentee',
    dueDate: '2026-04-10',
    goalId: 'g-1',
  },
  ActionItemCompleted: {
    mentorshipId: 'm-1',
    actionItemId: 'a-1',
    ownerPersonId: 'p-mentee',
    completedByPersonId: 'p-mentee',
    completedAt: at,
  },
  ResourceRecommended: {
    mentorshipId: 'm-1',
    resourceId: 'r-1',
    kind: 'course',
    recommendedByPersonId: 'p-mentor',
    recommendedToPersonId: 'p-mentee',
  },
  IntroductionMade: {
    mentorshipId: 'm-1',
    introductionId: 'i-1',
    kind: 'participant',
    introducedByPersonId: 'p-mentor',
    menteePersonId: 'p-mentee',
    introducedPersonId: 'p-other',
  },
  SessionScheduled: {
    sessionId: 's-1',
    kind: 'one-on-one',
    mentorshipId: 'm-1',
    hostPersonId: 'p-mentor',
    attendeePersonIds: ['p-mentor', 'p-mentee'],
    capacity: 2,
    mode: 'virtual',
    startsAt: at,
    endsAt: '2026-03-30T17:00:00Z',
    timezone: 'Europe/Berlin',
    sequence: 0,
  },
  SessionRescheduled: {
    sessionId: 's-1',
    mentorshipId: 'm-1',
    hostPersonId: 'p-mentor',
    attendeePersonIds: ['p-mentor', 'p-mentee'],
    previousStartsAt: at,
    startsAt: '2026-04-06T16:00:00Z',
    endsAt: '2026-04-06T17:00:00Z',
    timezone: 'Europe/Berlin',
    sequence: 1,
  },
  SessionCancelled: {
    sessionId: 's-1',
    hostPersonId: 'p-mentor',
    attendeePersonIds: ['p-mentor', 'p-mentee'],
    cancelledByPersonId: 'p-mentor',
    reason: 'illness',
    startsAt: at,
    sequence: 2,
  },
  RsvpGiven: { sessionId: 's-1', hostPersonId: 'p-mentor', personId: 'p-mentee', response: 'accepted', sequence: 0 },
  AttendanceRecorded: {
    sessionId: 's-1',
    recordedByPersonId: 'p-mentor',
    attendance: [
      { personId: 'p-mentor', status: 'attended' },
      { personId: 'p-mentee', status: 'late' },
    ],
  },
  SessionCompleted: {
    sessionId: 's-1',
    kind: 'one-on-one',
    mentorshipId: 'm-1',
    hostPersonId: 'p-mentor',
    attendedPersonIds: ['p-mentor', 'p-mentee'],
    startsAt: at,
    endsAt: '2026-03-30T17:00:00Z',
    completedAt: '2026-03-30T17:05:00Z',
  },
  FeedbackSubmitted: { sessionId: 's-1', hostPersonId: 'p-mentor', personId: 'p-mentee', rating: 5 },
  EngagementAtRisk: health,
  EngagementStalled: { ...health, previousStatus: 'at-risk', status: 'stalled', reasons: ['no-session-for-long'] },
  EngagementRecovered: { ...health, previousStatus: 'stalled', status: 'healthy', reasons: [] },
  EngagementHealthChanged: { ...health, previousStatus: 'stalled', status: 'at-risk', reasons: ['behind-cadence'] },
  EngagementNudged: {
    mentorshipId: 'm-1',
    mentorPersonId: 'p-mentor',
    menteePersonId: 'p-mentee',
    nudgedByPersonId: 'p-manager',
    nudgedAt: at,
  },
  MilestoneAdded: { mentorshipId: 'm-1', goalId: 'g-1', milestoneId: 'ms-2', addedByPersonId: 'p-mentor' },
  EngagementPrivateEntryWritten: { mentorshipId: 'm-1' },
  ConversationOpened: {
    mentorshipId: 'm-1',
    memberPersonIds: ['p-mentor', 'p-mentee'],
    programId: 'prog-1',
    openedAt: at,
  },
  ConversationClosed: { mentorshipId: 'm-1', memberPersonIds: ['p-mentor', 'p-mentee'], closedAt: at },
  ConversationMessagesShredded: {
    mentorshipId: 'm-1',
    memberPersonIds: ['p-mentor', 'p-mentee'],
    programId: 'prog-1',
    retentionDays: 90,
    closedAt: at,
    shreddedAt: at,
  },
  ConversationMemberJoined: {
    mentorshipId: 'circle-c-1',
    memberPersonIds: ['p-mentor', 'p-mentee'],
    programId: 'prog-1',
    circleId: 'c-1',
    joinedPersonId: 'p-mentee',
    joinedAt: at,
  },
  ConversationMemberLeft: {
    mentorshipId: 'circle-c-1',
    memberPersonIds: ['p-mentor'],
    programId: 'prog-1',
    circleId: 'c-1',
    leftPersonId: 'p-mentee',
    upToSeq: 2,
    leftAt: at,
  },
  MessagePosted: {
    mentorshipId: 'm-1',
    memberPersonIds: ['p-mentor', 'p-mentee'],
    messageId: 'msg-1',
    authorPersonId: 'p-mentee',
    seq: 1,
    postedAt: at,
  },
  MessageEdited: {
    mentorshipId: 'm-1',
    memberPersonIds: ['p-mentor', 'p-mentee'],
    messageId: 'msg-1',
    authorPersonId: 'p-mentee',
    editedAt: at,
  },
  MessageDeleted: {
    mentorshipId: 'm-1',
    memberPersonIds: ['p-mentor', 'p-mentee'],
    messageId: 'msg-1',
    authorPersonId: 'p-mentee',
    deletedAt: at,
  },
  ConversationRead: {
    mentorshipId: 'm-1',
    memberPersonIds: ['p-mentor', 'p-mentee'],
    readerPersonId: 'p-mentor',
    readUpToSeq: 1,
    readAt: at,
  },
  MessageReported: { mentorshipId: 'm-1', programId: 'prog-1', messageId: 'msg-1', reason: 'spam', reportedAt: at },
  MessageHidden: {
    mentorshipId: 'm-1',
    programId: 'prog-1',
    messageId: 'msg-1',
    memberPersonIds: ['p-mentor', 'p-mentee'],
    authorPersonId: 'p-mentee',
    hiddenByPersonId: 'p-manager',
    hiddenAt: at,
  },
  MessageReportDismissed: {
    mentorshipId: 'm-1',
    programId: 'prog-1',
    messageId: 'msg-1',
    dismissedByPersonId: 'p-manager',
    dismissedAt: at,
  },
  MessageAuthorWarned: {
    mentorshipId: 'm-1',
    programId: 'prog-1',
    messageId: 'msg-1',
    authorPersonId: 'p-mentee',
    warnedByPersonId: 'p-manager',
    warnedAt: at,
  },
  ConversationMemberRemoved: {
    mentorshipId: 'm-1',
    programId: 'prog-1',
    messageId: 'msg-1',
    memberPersonIds: ['p-mentor'],
    removedPersonId: 'p-mentee',
    removedByPersonId: 'p-manager',
    upToSeq: 3,
    removedAt: at,
  },
  SessionNotesWritten: { sessionId: 's-1', mentorshipId: 'm-1' },
  SurveyOccurrenceOpened: {
    occurrenceId: 'sv-1:start:m-1',
    surveyId: 'sv-1',
    programId: 'prog-1',
    mentorshipId: 'm-1',
    askedPersonIds: ['p-mentee', 'p-mentor'],
    opensAt: at,
    closesAt: '2026-04-13T16:00:00Z',
    remindAt: '2026-04-10T16:00:00Z',
  },
  SurveyAnswered: {
    occurrenceId: 'sv-1:start:m-1',
    surveyId: 'sv-1',
    programId: 'prog-1',
    respondentPersonId: 'p-mentee',
    answeredAt: at,
  },
};

describe('sessions contracts', () => {
  it('publish on sessions.events.v1, one contract per type, all at schema version 1', () => {
    expect(SESSIONS_EVENTS_TOPIC).toBe('sessions.events.v1');
    expect(new Set(SESSIONS_EVENT_TYPES).size).toBe(sessionsEventContracts.length);
    expect(sessionsEventContracts.every((c) => c.schemaVersion === 1)).toBe(true);
  });

  it.each(sessionsEventContracts.map((c) => [c.type, c] as const))('%s accepts its sample', (type, c) => {
    const result = c.data.safeParse(samples[type]);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it.each(sessionsEventContracts.map((c) => [c.type, c] as const))(
    '%s refuses an unknown free-text field',
    (type, c) => {
      const result = c.data.safeParse({ ...samples[type], note: 'Anna said she is burnt out' });
      expect(result.success).toBe(false);
    },
  );

  it('refuses ids that look like names or sentences', () => {
    const result = SessionScheduled.data.safeParse({ ...samples.SessionScheduled, hostPersonId: 'Anna Schmidt' });
    expect(result.success).toBe(false);
  });

  it('requires UTC instants with Z and an IANA zone', () => {
    const base = samples.SessionScheduled;
    expect(SessionScheduled.data.safeParse({ ...base, startsAt: '2026-03-30T18:00:00+02:00' }).success).toBe(false);
    expect(SessionScheduled.data.safeParse({ ...base, startsAt: '2026-03-30 16:00' }).success).toBe(false);
    expect(SessionScheduled.data.safeParse({ ...base, timezone: 'Mars/Olympus' }).success).toBe(false);
    expect(SessionScheduled.data.safeParse({ ...base, timezone: '+02:00' }).success).toBe(false);
    expect(SessionScheduled.data.safeParse({ ...base, timezone: 'America/Argentina/Buenos_Aires' }).success).toBe(true);
  });

  it('bounds ratings, progress and enums', () => {
    const feedback = sessionsEventContracts.find((c) => c.type === 'FeedbackSubmitted')!;
    expect(feedback.data.safeParse({ ...samples.FeedbackSubmitted, rating: 6 }).success).toBe(false);
    expect(feedback.data.safeParse({ ...samples.FeedbackSubmitted, rating: 0 }).success).toBe(false);
    expect(feedback.data.safeParse({ ...samples.FeedbackSubmitted, rating: 4.5 }).success).toBe(false);
    const progress = sessionsEventContracts.find((c) => c.type === 'GoalProgressUpdated')!;
    expect(progress.data.safeParse({ ...samples.GoalProgressUpdated, progressPercent: 101 }).success).toBe(false);
    const cancelled = sessionsEventContracts.find((c) => c.type === 'SessionCancelled')!;
    expect(cancelled.data.safeParse({ ...samples.SessionCancelled, reason: 'because I said so' }).success).toBe(false);
  });

  it('validates calendar dates and time zone names', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(ianaTimeZoneSchema.safeParse('Europe/Berlin').success).toBe(true);
    expect(ianaTimeZoneSchema.safeParse('UTC').success).toBe(true);
    expect(ianaTimeZoneSchema.safeParse('Europe/Berlinn').success).toBe(false);
    expect(ianaTimeZoneSchema.safeParse('').success).toBe(false);
  });
});
