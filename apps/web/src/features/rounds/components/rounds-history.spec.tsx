import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { ROUNDS_HISTORY } from '../api/round-queries';
import { RoundsHistory } from './rounds-history';

const round = (id: string, status: string, objective: string, createdAt: string, coverage: number | null) => ({
  __typename: 'MatchingRoundSummary' as const,
  id,
  status,
  objective,
  createdAt,
  pairCount: coverage === null ? 0 : 12,
  unmatchedCount: coverage === null ? 0 : 3,
  coverage,
});

const page = (
  after: string | null,
  nodes: ReturnType<typeof round>[],
  endCursor: string,
  hasNextPage: boolean,
): MockLink.MockedResponse => ({
  request: { query: ROUNDS_HISTORY, variables: { programId: 'prog-1', ...(after === null ? {} : { after }) } },
  result: {
    data: { matchingRounds: { __typename: 'MatchingRoundPage', nodes, endCursor, hasNextPage } },
  },
});

describe("a program's earlier rounds", () => {
  it('lists the rounds newest first with their status, objective and outcome, each linking to its page', async () => {
    await renderInRouter(
      <MockedProvider
        mocks={[
          page(
            null,
            [
              round('r-3', 'COMPUTED', 'FAIREST', '2027-03-02T10:00:00Z', 0.8),
              round('r-2', 'DISCARDED', 'BEST_TOTAL', '2027-03-01T10:00:00Z', null),
            ],
            'cursor-2',
            true,
          ),
          page(
            'cursor-2',
            [round('r-1', 'PUBLISHED', 'MOST_MATCHED', '2027-02-01T10:00:00Z', 0.75)],
            'cursor-1',
            false,
          ),
        ]}
      >
        <RoundsHistory programId="prog-1" />
      </MockedProvider>,
    );
    const newest = await screen.findByRole('link', { name: /Mar 2, 2027/ });
    expect(newest).toHaveAttribute('href', '/manage/programs/prog-1/rounds/r-3');
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('Draft')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Fairest')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('12 pairs, 3 unmatched')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('80%')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Discarded')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Show older rounds' }));
    const oldest = await screen.findByRole('link', { name: /Feb 1, 2027/ });
    expect(oldest).toHaveAttribute('href', '/manage/programs/prog-1/rounds/r-1');
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Show older rounds' })).not.toBeInTheDocument();
  });

  it('says when the program has no round yet', async () => {
    await renderInRouter(
      <MockedProvider mocks={[page(null, [], '', false)]}>
        <RoundsHistory programId="prog-1" />
      </MockedProvider>,
    );
    expect(await screen.findByText('This program has no matching round yet.')).toBeInTheDocument();
  });
});
