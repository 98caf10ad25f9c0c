import { describe, expect, it } from 'vitest';
import {
  chartRows,
  csvFileName,
  insightsVariables,
  matchingFunnel,
  mentorLoadSeries,
  NO_INSIGHTS_FILTER,
  trendMoments,
} from './insights-figures';

describe('the filters a manager picks', () => {
  it('leaves out every filter not picked, and spans whole days for the period', () => {
    const now = new Date('2027-03-10T10:00:00Z');
    expect(insightsVariables('prog-1', NO_INSIGHTS_FILTER, 'UTC', now)).toEqual({ programId: 'prog-1' });
    expect(
      insightsVariables(
        'prog-1',
        { asOfDay: '2027-03-05', cohortId: 'c1', department: ' Physics ', fromDay: '2027-03-01', toDay: '2027-03-04' },
        'UTC',
        now,
      ),
    ).toEqual({
      programId: 'prog-1',
      asOf: '2027-03-05T23:59:59.999Z',
      cohortId: 'c1',
      department: 'Physics',
      from: '2027-03-01T00:00:00.000Z',
      to: '2027-03-04T23:59:59.999Z',
    });
  });
});

describe('the figures as chart series', () => {
  it('puts the enrollment trend a week apart, ending at the figures’ moment', () => {
    const moments = trendMoments('2027-03-01T12:00:00Z');
    expect(moments).toHaveLength(6);
    expect(moments[0]).toBe('2027-01-25T12:00:00.000Z');
    expect(moments[5]).toBe('2027-03-01T12:00:00.000Z');
  });

  it('orders the funnel from proposals to matched mentees', () => {
    const funnel = matchingFunnel({
      matchedMentees: 3,
      matchedPercent: 30,
      medianDaysToMatch: null,
      proposalsMade: 8,
      proposalsAccepted: 2,
      proposalsDeclined: 1,
      requestsMade: 4,
      requestsAccepted: 1,
      requestsDeclined: 2,
      requestsExpired: 0,
      declineReasons: [],
    });
    expect(funnel.map((r) => [r.key, r.value])).toEqual([
      ['proposalsMade', 8],
      ['proposalsAccepted', 2],
      ['proposalsDeclined', 1],
      ['requestsMade', 4],
      ['requestsAccepted', 1],
      ['requestsDeclined', 2],
      ['requestsExpired', 0],
      ['matchedMentees', 3],
    ]);
  });

  it('shows every mentor load up to the highest, a missing one as zero mentors', () => {
    expect(
      mentorLoadSeries({
        mentorsAtCapacity: 1,
        distribution: [
          { mentees: 3, mentors: 1 },
          { mentees: 0, mentors: 5 },
        ],
      }),
    ).toEqual([
      { mentees: 0, mentors: 5 },
      { mentees: 1, mentors: 0 },
      { mentees: 2, mentors: 0 },
      { mentees: 3, mentors: 1 },
    ]);
    expect(mentorLoadSeries({ mentorsAtCapacity: 0, distribution: [] })).toEqual([{ mentees: 0, mentors: 0 }]);
  });

  it('leaves a figure without a value out of the chart', () => {
    expect(
      chartRows(
        [
          { key: 'a', value: 2 },
          { key: 'b', value: null },
        ],
        (key) => key.toUpperCase(),
      ),
    ).toEqual([{ figure: 'A', value: 2 }]);
  });

  it('names a download after its table and day', () => {
    expect(csvFileName('MENTOR_LOAD', '2027-03-01')).toBe('insights-mentor-load-2027-03-01.csv');
  });
});
