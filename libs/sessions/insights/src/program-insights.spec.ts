import { insightsCsv } from './insights-csv';
import { computeProgramInsights, type InsightEvent } from './program-insights';

const P = 'program-1';
let sequence = 0;
const ev = (type: string, at: string, data: Record<string, unknown>): InsightEvent => ({
  id: `e${String(++sequence).padStart(3, '0')}`,
  type,
  occurredAt: `2027-${at}Z`,
  programId: P,
  data,
});
const enrolled = (personId: string, at: string, roles: string[], department: string, capacity = 0) =>
  ev('ParticipantEnrolled', at, {
    personId,
    participantId: `pa-${personId}`,
    roles,
    mentorCapacity: capacity,
    cohortId: null,
    profile: { department },
  });
const started = (mentorshipId: string, at: string, mentor: string, mentee: string, origin: string, originId: string) =>
  ev('MentorshipStarted', at, { mentorshipId, mentorPersonId: mentor, menteePersonId: mentee, origin, originId });

/** A scripted program history; the expected figures below are worked out by hand from it. */
const history: InsightEvent[] = [
  ev('ProgramCreated', '01-01T09:00:00', { settings: { meetingCadenceDays: 14 } }),
  enrolled('M1', '01-02T09:00:00', ['mentor'], 'engineering', 2),
  enrolled('M2', '01-02T10:00:00', ['mentor'], 'sales', 1),
  enrolled('A', '01-03T09:00:00', ['mentee'], 'engineering'),
  enrolled('B', '01-03T09:00:00', ['mentee'], 'engineering'),
  enrolled('C', '01-03T09:00:00', ['mentee'], 'sales'),
  enrolled('D', '01-03T09:00:00', ['mentee'], 'engineering'),
  ev('MatchProposed', '01-05T09:00:00', { proposalId: 'P1', mentorPersonId: 'M1', menteePersonId: 'A' }),
  ev('MatchProposed', '01-05T09:00:00', { proposalId: 'P2', mentorPersonId: 'M2', menteePersonId: 'C' }),
  started('m1', '01-06T09:00:00', 'M1', 'A', 'proposal', 'P1'),
  ev('ProposalDeclined', '01-07T09:00:00', { proposalId: 'P2', side: 'mentor', personId: 'M2', reason: 'no-time' }),
  ev('MentorshipRequested', '01-08T09:00:00', { requestId: 'r1', mentorPersonId: 'M1', menteePersonId: 'B' }),
  ev('MentorshipRequestAccepted', '01-09T09:00:00', { requestId: 'r1', mentorshipId: 'm2' }),
  started('m2', '01-09T09:00:00', 'M1', 'B', 'request', 'r1'),
  ev('MentorshipRequested', '01-10T12:00:00', { requestId: 'r2', mentorPersonId: 'M2', menteePersonId: 'C' }),
  ev('MentorshipRequestExpired', '01-17T12:00:00', { requestId: 'r2' }),
  ev('SessionCompleted', '01-20T10:00:00', { sessionId: 's1', mentorshipId: 'm1' }),
  ev('FeedbackSubmitted', '01-20T11:00:00', {
    sessionId: 's1',
    mentorshipId: 'm1',
    personId: 'A',
    hostPersonId: 'M1',
    rating: 5,
  }),
  ev('FeedbackSubmitted', '01-20T11:00:00', {
    sessionId: 's1',
    mentorshipId: 'm1',
    personId: 'M1',
    hostPersonId: 'M1',
    rating: 4,
  }),
  ev('SessionCompleted', '01-25T10:00:00', { sessionId: 's2', mentorshipId: 'm2' }),
  ev('FeedbackSubmitted', '01-25T11:00:00', {
    sessionId: 's2',
    mentorshipId: 'm2',
    personId: 'B',
    hostPersonId: 'M1',
    rating: 3,
  }),
  ev('GoalSet', '01-26T09:00:00', { goalId: 'g1', mentorshipId: 'm1' }),
  ev('ActionItemAdded', '01-26T09:00:00', { actionItemId: 'a1', mentorshipId: 'm2', dueDate: '2027-02-01' }),
  ev('GoalAchieved', '02-03T09:00:00', { goalId: 'g1', mentorshipId: 'm1' }),
  ev('EngagementAtRisk', '02-03T09:00:00', {
    mentorshipId: 'm2',
    status: 'at-risk',
    reasons: ['overdue-action-items'],
  }),
  ev('MentorshipEnded', '02-05T09:00:00', { mentorshipId: 'm1', reason: 'goals-met' }),
  // Another program's events never count.
  { ...enrolled('X', '01-03T09:00:00', ['mentee'], 'engineering'), programId: 'program-2' },
];

describe('program insights', () => {
  const asOf = '2027-02-10T00:00:00Z';

  it('computes every figure of a scripted history as worked out by hand', () => {
    const insights = computeProgramInsights(P, history, { asOf });
    expect(insights.enrollment).toEqual({
      mentors: 2,
      mentees: 4,
      pausedParticipants: 0,
      capacityOffered: 3,
      demand: 4,
      waitlist: 3,
    });
    expect(insights.matching).toEqual({
      matchedMentees: 2,
      matchedPercent: 50,
      medianDaysToMatch: 4.5,
      proposalsMade: 2,
      proposalsAccepted: 1,
      proposalsDeclined: 1,
      declineReasons: [{ key: 'no-time', count: 1 }],
      requestsMade: 2,
      requestsAccepted: 1,
      requestsDeclined: 0,
      requestsExpired: 1,
    });
    expect(insights.engagement).toEqual({
      activeMentorships: 1,
      pausedMentorships: 0,
      sessionsHeld: 2,
      // 2 sessions over 30 days (m1) + 32 days (m2) = 2.0667 mentorship-months.
      sessionsPerMentorshipPerMonth: 0.97,
      expectedSessionsPerMonth: 2.14,
      healthy: 0,
      atRisk: 1,
      stalled: 0,
      atRiskPairs: [
        {
          mentorshipId: 'm2',
          mentorPersonId: 'M1',
          menteePersonId: 'B',
          status: 'at-risk',
          reasons: ['overdue-action-items'],
          since: '2027-02-03T09:00:00Z',
        },
      ],
      actionItemsOverdue: 1,
    });
    expect(insights.outcomes).toEqual({
      goalsSet: 1,
      goalsAchieved: 1,
      averageSessionRating: 4,
      ratingsCount: 3,
      closuresByReason: [{ key: 'goals-met', count: 1 }],
      averageRelationshipDays: 30,
      surveyInvitations: 0,
      surveyAnswers: 0,
      surveyResponsePercent: null,
    });
    expect(insights.mentorLoad).toEqual({
      distribution: [
        { mentees: 0, mentors: 1 },
        { mentees: 1, mentors: 1 },
      ],
      mentorsAtCapacity: 0,
    });
  });

  it('gives "as of" a past date exactly the live figures recorded on that date', () => {
    const pastDate = '2027-01-10T00:00:00Z';
    const liveThen = computeProgramInsights(
      P,
      history.filter((e) => e.occurredAt <= pastDate),
      { asOf: pastDate },
    );
    const asOfThen = computeProgramInsights(P, history, { asOf: pastDate });
    expect(asOfThen).toEqual(liveThen);
    // And it is not today's picture: on 10 January both mentees were still with M1, who was at capacity.
    expect(asOfThen.engagement.activeMentorships).toBe(2);
    expect(asOfThen.mentorLoad.mentorsAtCapacity).toBe(1);
    expect(asOfThen.enrollment.waitlist).toBe(2);
    expect(asOfThen.matching.requestsMade).toBe(1);
  });

  it('states no sessions-per-month rate until the pairs have mentored for about a week in the window', () => {
    const young = [
      ev('ProgramCreated', '03-01T09:00:00', { settings: { meetingCadenceDays: 14 } }),
      enrolled('N1', '03-01T09:00:00', ['mentor'], 'engineering', 1),
      enrolled('C', '03-01T09:05:00', ['mentee'], 'engineering'),
      started('m9', '03-01T10:00:00', 'N1', 'C', 'request', 'r9'),
      ev('SessionCompleted', '03-01T10:30:00', { sessionId: 's9', mentorshipId: 'm9' }),
    ];
    const rate = (asOf: string) => computeProgramInsights(P, young, { asOf }).engagement.sessionsPerMentorshipPerMonth;
    expect(rate('2027-03-01T11:00:00Z')).toBeNull();
    expect(rate('2027-03-07T10:00:00Z')).toBeNull();
    expect(rate('2027-03-31T10:00:00Z')).toBe(1);
  });

  it('gives the same numbers whatever order the events arrive in (replay)', () => {
    const shuffled = [...history].reverse();
    expect(computeProgramInsights(P, shuffled, { asOf })).toEqual(computeProgramInsights(P, history, { asOf }));
  });

  it('filters by department and by date range', () => {
    const sales = computeProgramInsights(P, history, { asOf, department: 'Sales' });
    expect(sales.enrollment).toMatchObject({ mentors: 1, mentees: 1, waitlist: 1 });
    expect(sales.matching.matchedMentees).toBe(0);
    const february = computeProgramInsights(P, history, { asOf, from: '2027-02-01T00:00:00Z', to: asOf });
    expect(february.engagement.sessionsHeld).toBe(0);
    expect(february.outcomes).toMatchObject({
      goalsSet: 0,
      goalsAchieved: 1,
      closuresByReason: [{ key: 'goals-met', count: 1 }],
    });
  });

  it('shows when a manager last nudged an at-risk pair, as of the cut-off', () => {
    const nudged = (at: string) =>
      ev('EngagementNudged', at, {
        mentorshipId: 'm2',
        mentorPersonId: 'M1',
        menteePersonId: 'B',
        nudgedByPersonId: 'MGR',
        nudgedAt: `2027-${at}Z`,
      });
    const withNudges = [...history, nudged('02-06T10:00:00'), nudged('02-08T10:00:00')];
    const [pair] = computeProgramInsights(P, withNudges, { asOf }).engagement.atRiskPairs;
    expect(pair).toMatchObject({ mentorshipId: 'm2', lastNudgedAt: '2027-02-08T10:00:00Z' });
    const before = computeProgramInsights(P, withNudges, { asOf: '2027-02-07T00:00:00Z' }).engagement.atRiskPairs;
    expect(before[0]?.lastNudgedAt).toBe('2027-02-06T10:00:00Z');
    expect(computeProgramInsights(P, history, { asOf }).engagement.atRiskPairs[0]).not.toHaveProperty('lastNudgedAt');
  });

  it('counts survey invitations by their opening and the share answered by the cut-off, in scope', () => {
    const opened = (occurrenceId: string, at: string, opensAt: string, asked: string[]) =>
      ev('SurveyOccurrenceOpened', at, {
        occurrenceId,
        surveyId: 'sv',
        askedPersonIds: asked,
        opensAt: `2027-${opensAt}Z`,
      });
    const answered = (occurrenceId: string, at: string, personId: string) =>
      ev('SurveyAnswered', at, {
        occurrenceId,
        surveyId: 'sv',
        respondentPersonId: personId,
        answeredAt: `2027-${at}Z`,
      });
    const withSurveys = [
      ...history,
      opened('o1', '02-01T09:00:00', '02-01T09:00:00', ['A', 'M1', 'C']),
      // Planned on 2 February, opening after the cut-off: nobody has been asked yet.
      opened('o2', '02-02T09:00:00', '02-20T09:00:00', ['B']),
      // A redelivery asks nobody twice.
      opened('o1', '02-01T09:00:00', '02-01T09:00:00', ['A', 'M1', 'C']),
      answered('o1', '02-02T10:00:00', 'A'),
      answered('o1', '02-12T10:00:00', 'M1'),
    ];
    expect(computeProgramInsights(P, withSurveys, { asOf }).outcomes).toMatchObject({
      surveyInvitations: 3,
      surveyAnswers: 1,
      surveyResponsePercent: 33.3,
    });
    expect(computeProgramInsights(P, withSurveys, { asOf: '2027-02-15T00:00:00Z' }).outcomes).toMatchObject({
      surveyInvitations: 3,
      surveyAnswers: 2,
      surveyResponsePercent: 66.7,
    });
    expect(computeProgramInsights(P, withSurveys, { asOf, department: 'sales' }).outcomes).toMatchObject({
      surveyInvitations: 1,
      surveyAnswers: 0,
      surveyResponsePercent: 0,
    });
    expect(computeProgramInsights(P, withSurveys, { asOf: '2027-01-31T00:00:00Z' }).outcomes).toMatchObject({
      surveyInvitations: 0,
      surveyResponsePercent: null,
    });
  });

  it('exports each table as CSV with the same numbers as the API', () => {
    const insights = computeProgramInsights(P, history, { asOf });
    const enrollment = insightsCsv(insights, 'enrollment');
    expect(enrollment.split('\r\n')).toEqual(expect.arrayContaining(['figure,value', 'mentors,2', 'waitlist,3']));
    expect(insightsCsv(insights, 'matching')).toContain('declineReasons:no-time,1');
    expect(insightsCsv(insights, 'at-risk-pairs')).toContain(
      'm2,M1,B,at-risk,overdue-action-items,2027-02-03T09:00:00Z',
    );
  });

  it('quotes cells that hold a comma, quote or line break and defuses formulas but not negative numbers', () => {
    const insights = computeProgramInsights(P, history, { asOf });
    const [pair] = insights.engagement.atRiskPairs;
    if (!pair) throw new Error('expected an at-risk pair');
    const rows = insightsCsv(
      {
        ...insights,
        engagement: {
          ...insights.engagement,
          atRiskPairs: [
            { ...pair, mentorshipId: '=SUM(A1)', mentorPersonId: 'a,b', menteePersonId: 'say "hi"', since: 'x\ny' },
            { ...pair, mentorshipId: '-3', mentorPersonId: '@me', menteePersonId: '+49 30, Berlin', since: 'a\rb' },
          ],
        },
      },
      'at-risk-pairs',
    );
    expect(rows.split('\r\n').slice(1)).toEqual([
      `'=SUM(A1),"a,b","say ""hi""",at-risk,overdue-action-items,"x\ny"`,
      `-3,'@me,"'+49 30, Berlin",at-risk,overdue-action-items,"a\rb"`,
      '',
    ]);
  });
});
