import {
  planSurveyOccurrence,
  planSurveyOccurrences,
  surveyOccurrenceId,
  surveyOccurrenceStage,
  surveyReminderRecipients,
  type SchedulableSurvey,
  type SurveyFact,
  type SurveyOccurrence,
} from './survey-occurrences';
import type { SurveySchedule } from './survey.decider';

const startedAt = '2026-03-02T09:00:00.000Z';
const day = (n: number, from = startedAt) => new Date(Date.parse(from) + n * 86_400_000).toISOString();

const survey = (schedule: SurveySchedule, surveyId = 'sv-1'): SchedulableSurvey => ({
  status: 'published',
  surveyId,
  programId: 'prog-1',
  schedule,
});
const fourWeeksIn = survey({
  trigger: { kind: 'after-mentorship-start', weeks: 4 },
  audience: 'both',
  openDays: 14,
  reminderDaysBeforeClose: 3,
});
const atEnd = survey({ trigger: { kind: 'at-mentorship-end' }, audience: 'mentees', openDays: 7 }, 'sv-end');
const midProgram = survey(
  {
    trigger: { kind: 'on-date', opensAt: '2026-06-01T08:00:00.000Z', cohortId: 'spring' },
    audience: 'mentors',
    openDays: 10,
    reminderDaysBeforeClose: 2,
  },
  'sv-mid',
);

const mentorship = {
  programId: 'prog-1',
  mentorshipId: 'm-1',
  mentorPersonId: 'p-mentor',
  menteePersonId: 'p-mentee',
  cohortId: 'spring',
};
const started: SurveyFact = { kind: 'mentorship-started', ...mentorship, at: startedAt };
const ended: SurveyFact = { kind: 'mentorship-ended', ...mentorship, at: day(120) };
const programDateReached = {
  kind: 'survey-date-reached',
  programId: 'prog-1',
  surveyId: 'sv-all',
  mentorPersonIds: ['p-mentor'],
  menteePersonIds: ['p-mentee'],
  at: '2026-06-01T08:00:05.000Z',
} as const satisfies SurveyFact;
const dateReached = {
  ...programDateReached,
  surveyId: 'sv-mid',
  cohortId: 'spring',
  mentorPersonIds: ['p-mentor-2', 'p-mentor', 'p-mentor'],
  menteePersonIds: ['p-mentee'],
} satisfies SurveyFact;

describe('survey occurrences', () => {
  it('plans "4 weeks after the start" for both people of the mentorship, with its close and reminder', () => {
    expect(planSurveyOccurrence(fourWeeksIn, started, startedAt)).toEqual({
      outcome: 'open',
      occurrence: {
        occurrenceId: 'sv-1:start:m-1',
        surveyId: 'sv-1',
        programId: 'prog-1',
        cohortId: 'spring',
        mentorshipId: 'm-1',
        askedPersonIds: ['p-mentee', 'p-mentor'],
        opensAt: day(28),
        closesAt: day(42),
        remindAt: day(39),
      },
    });
  });

  it('plans "at the end" from the end for the audience only, without a reminder when none is set', () => {
    const plan = planSurveyOccurrence(atEnd, ended, day(120));
    expect(plan?.occurrence).toEqual({
      occurrenceId: 'sv-end:end:m-1',
      surveyId: 'sv-end',
      programId: 'prog-1',
      cohortId: 'spring',
      mentorshipId: 'm-1',
      askedPersonIds: ['p-mentee'],
      opensAt: day(120),
      closesAt: day(127),
    });
    expect(planSurveyOccurrence(atEnd, started, startedAt)).toBeNull();
    expect(planSurveyOccurrence(fourWeeksIn, ended, day(120))).toBeNull();
  });

  it('plans a dated survey for its cohort from the schedule’s date, asking each person once', () => {
    const plan = planSurveyOccurrence(midProgram, dateReached, dateReached.at);
    expect(plan).toEqual({
      outcome: 'open',
      occurrence: {
        occurrenceId: 'sv-mid:date:spring',
        surveyId: 'sv-mid',
        programId: 'prog-1',
        cohortId: 'spring',
        askedPersonIds: ['p-mentor', 'p-mentor-2'],
        opensAt: '2026-06-01T08:00:00.000Z',
        closesAt: '2026-06-11T08:00:00.000Z',
        remindAt: '2026-06-09T08:00:00.000Z',
      },
    });
    expect(planSurveyOccurrence(midProgram, { ...dateReached, cohortId: 'autumn' }, dateReached.at)).toBeNull();
    expect(planSurveyOccurrence(midProgram, { ...dateReached, surveyId: 'sv-other' }, dateReached.at)).toBeNull();
    const wholeProgram = survey(
      { trigger: { kind: 'on-date', opensAt: '2026-06-01T08:00:00.000Z' }, audience: 'both', openDays: 10 },
      'sv-all',
    );
    expect(planSurveyOccurrence(wholeProgram, programDateReached, dateReached.at)?.occurrence).toMatchObject({
      occurrenceId: 'sv-all:date:program',
      askedPersonIds: ['p-mentee', 'p-mentor'],
    });
    // A whole-program survey is not sent to one cohort only.
    expect(
      planSurveyOccurrence(wholeProgram, { ...programDateReached, cohortId: 'spring' }, dateReached.at),
    ).toBeNull();
  });

  it('plans the same occurrence id for a replayed fact or a restarted scheduler firing later', () => {
    const first = planSurveyOccurrence(fourWeeksIn, started, startedAt);
    const replay = planSurveyOccurrence(fourWeeksIn, started, day(3));
    expect(replay?.occurrence.occurrenceId).toBe(first?.occurrence.occurrenceId);
    expect(replay?.occurrence.opensAt).toBe(first?.occurrence.opensAt);
    const late = planSurveyOccurrence(
      midProgram,
      { ...dateReached, at: '2026-06-02T10:00:00.000Z' },
      day(1, dateReached.at),
    );
    expect(late?.occurrence).toEqual(planSurveyOccurrence(midProgram, dateReached, dateReached.at)?.occurrence);
    const other = planSurveyOccurrence(fourWeeksIn, { ...started, mentorshipId: 'm-2' }, startedAt);
    expect(other?.occurrence.occurrenceId).not.toBe(first?.occurrence.occurrenceId);
  });

  it('keeps very long ids deterministic and within the identifier limit', () => {
    const long = 'x'.repeat(100);
    const id = surveyOccurrenceId(long, `start:${long}`);
    expect(id).toMatch(/^occ-[0-9a-f]{64}$/);
    expect(surveyOccurrenceId(long, `start:${long}`)).toBe(id);
    expect(surveyOccurrenceId(long, `end:${long}`)).not.toBe(id);
  });

  it('does not open an occurrence whose close has already passed when it is planned', () => {
    // Published, or the start replayed, eight weeks after the mentorship began: the 4-week survey closed at day 42.
    expect(planSurveyOccurrence(fourWeeksIn, started, day(56))?.outcome).toBe('past-due');
    expect(planSurveyOccurrence(fourWeeksIn, started, day(42))?.outcome).toBe('past-due');
    const stillOpen = planSurveyOccurrence(fourWeeksIn, started, day(41));
    expect(stillOpen?.outcome).toBe('open');
    // Invited on day 41, the day-39 reminder would only repeat the invitation.
    expect(stillOpen?.occurrence.remindAt).toBeUndefined();
    expect(planSurveyOccurrences([fourWeeksIn, atEnd], started, day(56))).toEqual({
      open: [],
      pastDue: [planSurveyOccurrence(fourWeeksIn, started, day(56))!.occurrence],
    });
  });

  it('plans nothing for a survey that is not published, of another program, or asking nobody', () => {
    for (const status of ['draft', 'closed', 'archived'] as const) {
      expect(planSurveyOccurrence({ ...fourWeeksIn, status }, started, startedAt)).toBeNull();
    }
    expect(planSurveyOccurrence({ ...fourWeeksIn, programId: 'prog-2' }, started, startedAt)).toBeNull();
    expect(
      planSurveyOccurrence(midProgram, { ...dateReached, mentorPersonIds: [], menteePersonIds: ['p-x'] }, startedAt),
    ).toBeNull();
  });

  describe('while an occurrence runs', () => {
    const occurrence: SurveyOccurrence = planSurveyOccurrence(fourWeeksIn, started, startedAt)!.occurrence;

    it('is upcoming before it opens, open until just before its close, then closed', () => {
      expect(surveyOccurrenceStage(occurrence, day(27))).toBe('upcoming');
      expect(surveyOccurrenceStage(occurrence, day(28))).toBe('open');
      expect(surveyOccurrenceStage(occurrence, new Date(Date.parse(day(42)) - 1).toISOString())).toBe('open');
      expect(surveyOccurrenceStage(occurrence, day(42))).toBe('closed');
    });

    it('reminds those who have not answered, from the reminder date until the close', () => {
      expect(surveyReminderRecipients(occurrence, new Set(['p-mentor']), day(39))).toEqual(['p-mentee']);
      expect(surveyReminderRecipients(occurrence, new Set(), day(38))).toEqual([]);
      expect(surveyReminderRecipients(occurrence, new Set(), day(42))).toEqual([]);
      expect(surveyReminderRecipients(occurrence, new Set(['p-mentor', 'p-mentee']), day(40))).toEqual([]);
    });
  });
});
