import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgramInsightsCsvQueryVariables, ProgramInsightsQueryVariables } from '../../../gql/graphql';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { calendarDayIn } from '../../../lib/time-zones';
import { renderWithProviders } from '../../../test/render';
import { ENROLLMENT_TREND, PROGRAM_INSIGHTS, PROGRAM_INSIGHTS_CSV } from '../api/insights-queries';
import { endOfDay } from '../../../lib/day-bounds';
import { InsightsPanel } from './insights-panel';

// Answers as the API sends them, __typename included, which the query's own type leaves out.
function insights(asOf: string, proposalsMade: number) {
  return {
    __typename: 'ProgramInsights',
    programId: 'prog-1',
    asOf,
    enrollment: {
      __typename: 'EnrollmentInsights',
      mentors: 4,
      mentees: 10,
      pausedParticipants: 1,
      capacityOffered: 8,
      demand: 10,
      waitlist: 6,
    },
    matching: {
      __typename: 'MatchingInsights',
      matchedMentees: 4,
      matchedPercent: 40,
      medianDaysToMatch: 2.5,
      proposalsMade,
      proposalsAccepted: 3,
      proposalsDeclined: 1,
      requestsMade: 2,
      requestsAccepted: 1,
      requestsDeclined: 0,
      requestsExpired: 0,
      declineReasons: [{ __typename: 'InsightCount', key: 'no_time', count: 1 }],
    },
    engagement: {
      __typename: 'EngagementInsights',
      activeMentorships: 4,
      pausedMentorships: 0,
      sessionsHeld: 6,
      sessionsPerMentorshipPerMonth: 1.5,
      expectedSessionsPerMonth: 2,
      healthy: 3,
      atRisk: 1,
      stalled: 0,
      actionItemsOverdue: 2,
      atRiskPairs: [],
    },
    outcomes: {
      __typename: 'OutcomeInsights',
      goalsSet: 5,
      goalsAchieved: 2,
      averageSessionRating: 4.5,
      ratingsCount: 4,
      averageRelationshipDays: null,
      closuresByReason: [],
    },
    mentorLoad: {
      __typename: 'MentorLoadInsights',
      mentorsAtCapacity: 1,
      distribution: [
        { __typename: 'LoadBucket', mentees: 0, mentors: 1 },
        { __typename: 'LoadBucket', mentees: 1, mentors: 3 },
      ],
    },
  };
}

const trendPoint = (asOf: string) => ({
  __typename: 'ProgramInsights' as const,
  asOf,
  enrollment: { __typename: 'EnrollmentInsights' as const, mentors: 4, mentees: 10, waitlist: 6 },
});

const trend: MockLink.MockedResponse = {
  request: { query: ENROLLMENT_TREND, variables: () => true },
  result: {
    data: Object.fromEntries(
      ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((alias, i) => [alias, trendPoint(`2027-0${i + 1}-01T00:00:00Z`)]),
    ),
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function figures(
  sent: ProgramInsightsQueryVariables[],
  answer: (variables: ProgramInsightsQueryVariables) => ReturnType<typeof insights>,
): MockLink.MockedResponse {
  return {
    request: {
      query: PROGRAM_INSIGHTS,
      variables: (variables: ProgramInsightsQueryVariables) => {
        sent.push(variables);
        return true;
      },
    },
    result: (variables: ProgramInsightsQueryVariables) => ({ data: { programInsights: answer(variables) } }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

const renderPanel = (mocks: MockLink.MockedResponse[]) =>
  renderWithProviders(
    <MockedProvider mocks={mocks}>
      <InsightsPanel programId="prog-1" cohorts={[{ cohortId: 'c1', name: 'Spring' }]} />
    </MockedProvider>,
  );

const figureValue = (table: string, figure: string): string => {
  const row = within(screen.getByRole('table', { name: `Figures: ${table}` }))
    .getByRole('rowheader', { name: new RegExp(`^${figure}`) })
    .closest('tr');
  return within(row as HTMLElement).getAllByRole('cell')[0]?.textContent ?? '';
};

const { createObjectURL, revokeObjectURL } = URL;

afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

describe('the Insights tab', () => {
  it('shows the matching funnel, as a chart and as numbers, with each figure’s definition', async () => {
    await renderPanel([figures([], () => insights('2027-03-10T12:00:00Z', 8)), trend]);
    await screen.findByRole('table', { name: 'Figures: Matching' });
    expect(figureValue('Matching', 'Proposals made')).toBe('8');
    expect(figureValue('Matching', 'Proposals accepted')).toBe('3');
    const funnel = screen.getByRole('region', { name: 'Matching funnel' });
    const numbers = within(funnel).getByRole('table', { name: 'Matching funnel' });
    expect(within(numbers).getByRole('rowheader', { name: 'Proposals made' }).closest('tr')).toHaveTextContent('8');

    await userEvent.click(within(funnel).getByRole('button', { name: 'Show the numbers' }));
    expect(within(funnel).getByRole('button', { name: 'Show the chart' })).toHaveAttribute('aria-expanded', 'true');

    await userEvent.click(screen.getAllByRole('button', { name: 'What “Proposals made” means' })[0] as HTMLElement);
    expect(await screen.findByText('Proposals published by matching rounds in the period.')).toBeInTheDocument();
  });

  it('names the pairs at risk and says why, and counts decline and closure reasons in words, not codes', async () => {
    const answer = insights('2027-03-10T12:00:00Z', 8);
    answer.matching.declineReasons = [{ __typename: 'InsightCount', key: 'no-capacity', count: 2 }];
    answer.outcomes.closuresByReason = [{ __typename: 'InsightCount', key: 'goals-met', count: 1 }] as never;
    answer.engagement.atRiskPairs = [
      {
        __typename: 'AtRiskPair',
        mentorshipId: 'ms-7f3a',
        mentorPersonId: 'p-mentor',
        menteePersonId: 'p-mentee',
        mentor: { __typename: 'Person', displayName: 'Grace Hopper' },
        mentee: { __typename: 'Person', displayName: 'Ada Lovelace' },
        status: 'at-risk',
        reasons: ['no-agreement', 'goals-overdue'],
        since: '2027-03-01T09:00:00Z',
      },
    ] as never;
    await renderPanel([figures([], () => answer), trend]);

    const atRisk = await screen.findByRole('table', { name: 'Mentorships at risk' });
    const row = within(atRisk).getByRole('rowheader', { name: 'Grace Hopper with Ada Lovelace' }).closest('tr');
    expect(row).toHaveTextContent('No mentoring agreement signed yet, Goals past their target date');
    expect(atRisk).not.toHaveTextContent('ms-7f3a');
    expect(atRisk).not.toHaveTextContent('no-agreement');

    const matching = screen.getByRole('table', { name: 'Figures: Matching' });
    expect(
      within(matching).getByRole('rowheader', { name: /^Declined because: I have no free seat/ }),
    ).toBeInTheDocument();
    const outcomes = screen.getByRole('table', { name: 'Figures: Goals and feedback' });
    expect(within(outcomes).getByRole('rowheader', { name: /^Ended because: We met our goals/ })).toBeInTheDocument();
  });

  it('asks again for the end of a picked day where the viewer is, and shows those figures', async () => {
    const sent: ProgramInsightsQueryVariables[] = [];
    const yesterday = calendarDayIn(new Date(Date.now() - 86_400_000), detectedTimeZone());
    const endOfYesterday = endOfDay(yesterday, detectedTimeZone()) ?? '';
    await renderPanel([
      figures(sent, (v) => (v.asOf ? insights(String(v.asOf), 5) : insights('2027-03-10T12:00:00Z', 8))),
      trend,
    ]);
    await screen.findByRole('table', { name: 'Figures: Matching' });
    expect(sent.at(-1)).toEqual({ programId: 'prog-1' });

    fireEvent.change(screen.getByLabelText('As of', { exact: false }), { target: { value: yesterday } });
    await waitFor(() => expect(figureValue('Matching', 'Proposals made')).toBe('5'));
    expect(sent.at(-1)).toEqual({ programId: 'prog-1', asOf: endOfYesterday });
  });

  it('downloads a table as the CSV the API wrote, with the same filters', async () => {
    const csv = 'figure,value\r\nproposalsMade,8\r\n';
    const asked: ProgramInsightsCsvQueryVariables[] = [];
    const saved: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      saved.push(blob as Blob);
      return 'blob:insights';
    };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await renderPanel([
      figures([], () => insights('2027-03-10T12:00:00Z', 8)),
      trend,
      {
        request: {
          query: PROGRAM_INSIGHTS_CSV,
          variables: (variables: ProgramInsightsCsvQueryVariables) => {
            asked.push(variables);
            return true;
          },
        },
        result: { data: { programInsightsCsv: csv } },
      },
    ]);
    await screen.findByRole('table', { name: 'Figures: Matching' });
    await userEvent.selectOptions(screen.getByLabelText('Cohort'), 'c1');
    await screen.findByRole('table', { name: 'Figures: Matching' });

    await userEvent.click(screen.getByRole('button', { name: 'Download “Matching” as CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0]?.text()).toBe(csv);
    expect(names).toEqual(['insights-matching-2027-03-10.csv']);
    expect(asked).toEqual([{ programId: 'prog-1', cohortId: 'c1', table: 'MATCHING' }]);
  });
});
