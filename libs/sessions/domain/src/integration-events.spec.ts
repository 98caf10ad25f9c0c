import { SESSIONS_EVENT_TYPES, sessionsEventContracts } from '@trellis/sessions/contracts';
import {
  conversationDecider,
  type ConversationCommand,
  type ConversationEvent,
  type ConversationState,
} from './conversation/conversation.decider';
import { engagementDecider, type EngagementCommand, type EngagementEvent } from './engagement.decider';
import { toIntegrationEvent } from './integration-events';
import { sessionDecider, type SessionCommand, type SessionEvent } from './session.decider';
import {
  surveyOccurrenceDecider,
  type SurveyOccurrenceCommand,
  type SurveyOccurrenceEvent,
  type SurveyOccurrenceState,
} from './survey/survey-occurrence.decider';
import {
  surveyResponseDecider,
  type SurveyResponseCommand,
  type SurveyResponseEvent,
  type SurveyResponseState,
} from './survey/survey-response.decider';
import { sealed } from './testing/sealed.fixture';
import { surveyQuestions } from './testing/survey.fixture';

const mentor = 'p-mentor';
const mentee = 'p-mentee';
const now = '2026-03-02T09:00:00Z';
const free = { busy: [], availability: [], overrideAvailability: false };

function play<C, E, S>(
  decider: { initialState: () => S; decide: (c: C, s: S) => E[]; evolve: (s: S, e: E) => S },
  commands: C[],
): E[] {
  const all: E[] = [];
  let state = decider.initialState();
  for (const command of commands) {
    for (const event of decider.decide(command, state)) {
      all.push(event);
      state = decider.evolve(state, event);
    }
  }
  return all;
}

const terms = {
  cadence: 'weekly',
  sessionMinutes: 45,
  durationMonths: 3,
  channels: ['video'],
  expectations: sealed('e'),
} as const;
const engagementEvents = play<EngagementCommand, EngagementEvent, ReturnType<typeof engagementDecider.initialState>>(
  engagementDecider,
  [
    {
      type: 'OpenEngagement',
      mentorshipId: 'm-1',
      programId: 'prog-1',
      mentorPersonId: mentor,
      menteePersonId: mentee,
      mentorParticipantId: 'pa-1',
      menteeParticipantId: 'pa-2',
      format: 'one-on-one',
      circleId: 'c-1',
      now,
    },
    { type: 'ProposeAgreement', actor: mentor, now, terms: { ...terms, channels: [...terms.channels] } },
    { type: 'SignAgreement', actor: mentor, now, version: 1 },
    { type: 'SignAgreement', actor: mentee, now, version: 1 },
    { type: 'AmendAgreement', actor: mentee, now, terms: { ...terms, channels: ['phone'], cadence: 'monthly' } },
    {
      type: 'SetGoal',
      actor: mentee,
      now,
      actorTimeZone: 'UTC',
      goal: {
        goalId: 'g-1',
        title: sealed('t'),
        targetDate: '2026-12-01',
        milestones: [{ milestoneId: 'ms-1', title: sealed('m') }],
      },
    },
    {
      type: 'SetGoal',
      actor: mentee,
      now,
      actorTimeZone: 'UTC',
      goal: { goalId: 'g-2', title: sealed('t2'), targetDate: '2026-12-01' },
    },
    { type: 'UpdateGoalProgress', actor: mentee, now, goalId: 'g-1', progressPercent: 30, note: sealed('secret note') },
    {
      type: 'AddMilestone',
      actor: mentor,
      now,
      goalId: 'g-1',
      milestoneId: 'ms-2',
      title: sealed('m2'),
      actorTimeZone: 'UTC',
    },
    { type: 'ReachMilestone', actor: mentee, now, goalId: 'g-1', milestoneId: 'ms-1' },
    { type: 'AchieveGoal', actor: mentee, now, goalId: 'g-1' },
    { type: 'AbandonGoal', actor: mentee, now, goalId: 'g-2', reason: 'no-longer-relevant', note: sealed('why') },
    {
      type: 'AddActionItem',
      actor: mentor,
      now,
      actionItemId: 'a-1',
      title: sealed('a'),
      ownerPersonId: mentee,
      dueDate: '2026-03-09',
      actorTimeZone: 'UTC',
    },
    { type: 'CompleteActionItem', actor: mentee, now, actionItemId: 'a-1' },
    {
      type: 'RecommendResource',
      actor: mentor,
      now,
      resourceId: 'r-1',
      kind: 'article',
      title: sealed('r'),
      link: sealed('l'),
    },
    {
      type: 'MakeIntroduction',
      actor: mentor,
      now,
      introductionId: 'i-1',
      target: { kind: 'participant', personId: 'p-cto' },
    },
    {
      type: 'MakeIntroduction',
      actor: mentor,
      now,
      introductionId: 'i-2',
      target: { kind: 'external-contact', contact: sealed('c') },
    },
    { type: 'WriteReflection', actor: mentee, now, reflectionId: 'rf-1', text: sealed('private') },
    { type: 'RecordHealth', status: 'at-risk', reasons: ['behind-cadence'], now },
    { type: 'RecordHealth', status: 'stalled', reasons: ['no-session-for-long'], now },
    { type: 'RecordHealth', status: 'at-risk', reasons: ['behind-cadence'], now },
    { type: 'RecordHealth', status: 'healthy', reasons: [], now },
    { type: 'NudgePair', byPersonId: 'p-manager', now },
    { type: 'CloseEngagement', now },
  ],
);

const schedule: SessionCommand = {
  type: 'ScheduleSession',
  actor: mentor,
  now,
  sessionId: 's-1',
  programId: 'prog-1',
  kind: 'one-on-one',
  mentorshipId: 'm-1',
  pair: { mentorPersonId: mentor, menteePersonId: mentee },
  inviteePersonIds: [mentee],
  mode: 'virtual',
  meetingLink: sealed('link'),
  title: sealed('title'),
  startsAt: '2026-03-10T16:00:00Z',
  endsAt: '2026-03-10T17:00:00Z',
  timezone: 'Europe/Berlin',
  scheduling: free,
};
const after = '2026-03-12T18:00:00Z';
const sessionEvents = [
  ...play<SessionCommand, SessionEvent, ReturnType<typeof sessionDecider.initialState>>(sessionDecider, [
    schedule,
    { type: 'RespondToInvitation', actor: mentee, now, response: 'accepted' },
    {
      type: 'RescheduleSession',
      actor: mentor,
      now,
      startsAt: '2026-03-12T16:00:00Z',
      endsAt: '2026-03-12T17:00:00Z',
      scheduling: free,
    },
    { type: 'WritePrivateNote', actor: mentee, now, noteId: 'n-1', text: sealed('private') },
    { type: 'RecordAttendance', actor: mentor, now: after, attendance: [{ personId: mentee, status: 'late' }] },
    { type: 'CompleteSession', actor: mentor, now: after, sharedNotes: sealed('shared') },
    { type: 'WriteSharedNotes', actor: mentor, now: after, text: sealed('shared v2') },
    { type: 'SubmitFeedback', actor: mentee, now: after, rating: 4, comment: sealed('comment'), wentWell: sealed('w') },
  ]),
  ...play<SessionCommand, SessionEvent, ReturnType<typeof sessionDecider.initialState>>(sessionDecider, [
    { ...schedule, sessionId: 's-2' },
    { type: 'CancelSession', actor: mentor, now, reason: 'schedule-conflict' },
  ]),
];

const conversationEvents = play<ConversationCommand, ConversationEvent, ConversationState>(conversationDecider, [
  { type: 'OpenConversation', mentorshipId: 'm-1', programId: 'prog-1', memberPersonIds: [mentor, mentee], now },
  { type: 'PostMessage', actor: mentee, now, messageId: 'msg-1', body: sealed('hello') },
  { type: 'EditMessage', actor: mentee, now, messageId: 'msg-1', body: sealed('hello!') },
  { type: 'MarkConversationRead', actor: mentor, now, upToMessageId: 'msg-1' },
  { type: 'ReportMessage', actor: mentor, now, messageId: 'msg-1', reason: 'spam' },
  { type: 'PostMessage', actor: mentee, now, messageId: 'msg-2', body: sealed('again') },
  { type: 'ReportMessage', actor: mentor, now, messageId: 'msg-2', reason: 'other' },
  { type: 'DismissMessageReport', moderator: 'p-manager', now, messageId: 'msg-2' },
  { type: 'HideReportedMessage', moderator: 'p-manager', now, messageId: 'msg-1' },
  { type: 'WarnMessageAuthor', moderator: 'p-manager', now, messageId: 'msg-1' },
  { type: 'DeleteMessage', actor: mentee, now, messageId: 'msg-1' },
  { type: 'RemoveConversationMember', moderator: 'p-manager', now, messageId: 'msg-1', personId: mentee },
  { type: 'CloseConversation', now },
  {
    type: 'ShredConversationMessages',
    retentionDays: 30,
    now: new Date(Date.parse(now) + 30 * 86_400_000).toISOString(),
  },
]);

const circleConversationEvents = play<ConversationCommand, ConversationEvent, ConversationState>(conversationDecider, [
  {
    type: 'OpenConversation',
    mentorshipId: 'circle-c-1',
    programId: 'prog-1',
    memberPersonIds: [mentor],
    circleId: 'c-1',
    now,
  },
  { type: 'JoinConversation', personId: mentee, now },
  { type: 'LeaveConversation', personId: mentee, now: after },
]);

const surveyOccurrenceEvents = play<SurveyOccurrenceCommand, SurveyOccurrenceEvent, SurveyOccurrenceState>(
  surveyOccurrenceDecider,
  [
    {
      type: 'OpenSurveyOccurrence',
      occurrence: {
        occurrenceId: 'sv-1:start:m-1',
        surveyId: 'sv-1',
        programId: 'prog-1',
        mentorshipId: 'm-1',
        askedPersonIds: [mentee, mentor],
        opensAt: now,
        closesAt: after,
      },
    },
  ],
);

const surveyResponseEvents = play<SurveyResponseCommand, SurveyResponseEvent, SurveyResponseState>(
  surveyResponseDecider,
  [
    {
      type: 'SubmitSurveyResponse',
      occurrence: surveyOccurrenceEvents[0]!,
      questions: surveyQuestions,
      answers: [
        { questionId: 'q-useful', value: 4 },
        { questionId: 'q-nps', value: 9 },
        { questionId: 'q-why', text: sealed('because') },
      ],
      actor: mentee,
      now,
    },
  ],
);

describe('integration events', () => {
  const domainEvents = [
    ...engagementEvents,
    ...sessionEvents,
    ...conversationEvents,
    ...circleConversationEvents,
    ...surveyOccurrenceEvents,
    ...surveyResponseEvents,
  ];
  const published = domainEvents.map(toIntegrationEvent);

  it('every published event satisfies its contract', () => {
    for (const event of published) {
      const contract = sessionsEventContracts.find((c) => c.type === event.type);
      expect(contract).toBeDefined();
      const { type: _type, ...data } = event;
      const result = contract!.data.safeParse(data);
      expect(result.success ? event.type : result.error.issues).toBe(event.type);
    }
  });

  it('covers every contract type', () => {
    expect(new Set(published.map((e) => e.type))).toEqual(new Set(SESSIONS_EVENT_TYPES));
  });

  it('publishes private changes without their content or author, so revisions stay contiguous', () => {
    expect(published).toHaveLength(domainEvents.length);
    const privateOnes = domainEvents
      .map((e) => [e.type, toIntegrationEvent(e)] as const)
      .filter(([type]) => ['ReflectionWritten', 'PrivateNoteWritten', 'SharedNotesWritten'].includes(type));
    expect(privateOnes.map(([, e]) => e)).toEqual([
      { type: 'EngagementPrivateEntryWritten', mentorshipId: 'm-1' },
      { type: 'SessionNotesWritten', sessionId: 's-1', mentorshipId: 'm-1' },
      { type: 'SessionNotesWritten', sessionId: 's-1', mentorshipId: 'm-1' },
    ]);
  });

  it('never carries a sealed (encrypted free-text) value', () => {
    expect(domainEvents.some((e) => JSON.stringify(e).includes('"enc":"test"'))).toBe(true);
    for (const event of published) expect(JSON.stringify(event)).not.toContain('"enc"');
  });

  it('leaves a field its contract does not name at home, even a sealed text added to a domain event later', () => {
    const achieved = engagementEvents.find((e) => e.type === 'GoalAchieved')!;
    const withNote = { ...achieved, note: sealed('proud of this') } as EngagementEvent;
    expect(toIntegrationEvent(withNote)).toStrictEqual(toIntegrationEvent(achieved));
    expect(JSON.stringify(toIntegrationEvent(withNote))).not.toContain('proud of this');
  });

  it('refuses a domain event that breaks its contract, naming the event and the field', () => {
    const posted = conversationEvents.find((e) => e.type === 'MessagePosted')!;
    expect(() => toIntegrationEvent({ ...posted, seq: 0 } as ConversationEvent)).toThrow(
      'MessagePosted does not satisfy its contract: seq: Number must be greater than or equal to 1',
    );
    expect(() =>
      toIntegrationEvent({ ...posted, authorPersonId: sealed('a name') } as unknown as ConversationEvent),
    ).toThrow('MessagePosted does not satisfy its contract: authorPersonId: Expected string, received object');
  });

  it('tells that a person answered a survey, never what they answered', () => {
    expect(published.find((e) => e.type === 'SurveyAnswered')).toStrictEqual({
      type: 'SurveyAnswered',
      occurrenceId: 'sv-1:start:m-1',
      surveyId: 'sv-1',
      programId: 'prog-1',
      respondentPersonId: mentee,
      answeredAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('tells the members that a message arrived, and never who reported one', () => {
    const posted = published.find((e) => e.type === 'MessagePosted');
    expect(posted).toMatchObject({ memberPersonIds: [mentor, mentee], authorPersonId: mentee, seq: 1 });
    const reported = published.find((e) => e.type === 'MessageReported');
    expect(JSON.stringify(reported)).not.toContain(mentor);
  });
});
