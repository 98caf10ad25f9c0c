import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NudgeMentorshipMutationVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CONSOLE_ENGAGEMENT, NUDGE_MENTORSHIP } from '../api/engagement-queries';
import { EngagementPanel } from './engagement-panel';

const person = (id: string, displayName: string) => ({ __typename: 'Participant' as const, id, displayName });
const pair = (
  mentorshipId: string,
  status: string,
  reasons: string[],
  names: [string, string],
  lastNudgedAt: string | null = null,
) => ({
  __typename: 'AtRiskPair' as const,
  mentorshipId,
  status,
  reasons,
  since: '2027-02-03T09:00:00Z',
  lastNudgedAt,
  mentor: person(`pa-mentor-${mentorshipId}`, names[0]),
  mentee: person(`pa-mentee-${mentorshipId}`, names[1]),
});

const engagement: MockLink.MockedResponse = {
  request: { query: CONSOLE_ENGAGEMENT, variables: { programId: 'prog-1' } },
  result: {
    data: {
      programInsights: {
        __typename: 'ProgramInsights',
        asOf: '2027-02-10T00:00:00Z',
        engagement: {
          __typename: 'EngagementInsights',
          activeMentorships: 7,
          atRisk: 1,
          stalled: 1,
          atRiskPairs: [
            pair('m-stalled', 'stalled', ['no-session-for-long', 'goals-overdue'], ['Mara Mentor', 'Ben Mentee']),
            pair('m-risk', 'at-risk', ['behind-cadence'], ['Olu Mentor', 'Ida Mentee'], '2027-02-09T10:00:00Z'),
          ],
        },
        outcomes: {
          __typename: 'OutcomeInsights',
          closuresByReason: [{ __typename: 'InsightCount', key: 'goals-met', count: 2 }],
        },
      },
    },
  },
};

function nudging(
  sent: NudgeMentorshipMutationVariables[],
  mentorshipId: string,
  result: MockLink.MockedResponse['result'],
): MockLink.MockedResponse {
  return {
    request: {
      query: NUDGE_MENTORSHIP,
      variables: (variables: NudgeMentorshipMutationVariables) => {
        if (variables.mentorshipId !== mentorshipId) return false;
        sent.push(variables);
        return true;
      },
    },
    result,
  };
}

const renderPanel = (mocks: MockLink.MockedResponse[]) =>
  renderWithProviders(
    <MockedProvider mocks={mocks}>
      <EngagementPanel programId="prog-1" />
    </MockedProvider>,
  );

describe('engagement tab', () => {
  it('lists the pairs that need attention by name, with their reasons in words and since when', async () => {
    await renderPanel([engagement]);
    expect(await screen.findByText('Mentee: Ben Mentee')).toBeInTheDocument();
    expect(screen.getByText('7 active mentorships: 1 stalled, 1 at risk.')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const stalled = within(rows[0]!);
    expect(stalled.getByText('Mentor: Mara Mentor')).toBeInTheDocument();
    expect(stalled.getByText('Stalled')).toBeInTheDocument();
    expect(stalled.getByText('No session for a long time')).toBeInTheDocument();
    expect(stalled.getByText('Goals past their target date')).toBeInTheDocument();
    expect(stalled.getByText('Feb 3, 2027')).toBeInTheDocument();
    const atRisk = within(rows[1]!);
    expect(atRisk.getByText('At risk')).toBeInTheDocument();
    expect(atRisk.getByText('Meeting less often than the program expects')).toBeInTheDocument();
    // A nudge sent earlier (by anyone) shows in the row.
    expect(atRisk.getByText(/^Nudged Feb 9, 2027/)).toBeInTheDocument();
    expect(screen.getByText('We met our goals: 2 mentorships')).toBeInTheDocument();
  });

  it('nudges a pair with one click and shows when; a second nudge the same day answers with the first', async () => {
    const sent: NudgeMentorshipMutationVariables[] = [];
    await renderPanel([
      engagement,
      nudging(sent, 'm-stalled', {
        data: {
          nudgeMentorship: {
            __typename: 'MentorshipNudge',
            mentorshipId: 'm-stalled',
            nudgedAt: '2027-02-10T08:30:00Z',
            alreadyNudged: false,
          },
        },
      }),
      nudging(sent, 'm-risk', {
        data: {
          nudgeMentorship: {
            __typename: 'MentorshipNudge',
            mentorshipId: 'm-risk',
            nudgedAt: '2027-02-09T10:00:00Z',
            alreadyNudged: true,
          },
        },
      }),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Nudge Ben Mentee and their mentor' }));
    expect(await screen.findByText(/^Nudged Feb 10, 2027/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nudge Ben Mentee and their mentor' })).toBeDisabled();
    expect(sent.map((v) => v.mentorshipId)).toEqual(['m-stalled']);
    expect(sent[0]?.commandId).toMatch(/^[0-9a-f-]{36}$/);

    await userEvent.click(screen.getByRole('button', { name: 'Nudge Ida Mentee and their mentor' }));
    expect(await screen.findByText(/^Already nudged Feb 9, 2027.*one reminder a day is enough/)).toBeInTheDocument();
  });

  it('says why a nudge was refused', async () => {
    await renderPanel([
      engagement,
      nudging([], 'm-stalled', {
        errors: [
          { message: 'This mentorship has ended; there is no one left to remind.', extensions: { code: 'CONFLICT' } },
        ],
      }),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Nudge Ben Mentee and their mentor' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not nudged: This mentorship has ended; there is no one left to remind.',
    );
    expect(screen.getByRole('button', { name: 'Nudge Ben Mentee and their mentor' })).toBeEnabled();
  });
});
