import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { RoundMetricsTable } from './round-metrics-table';

const load = { mentors: 2, fewest: 1, most: 1, spread: 0 };
const columns = [
  {
    objective: 'BEST_TOTAL' as const,
    coverage: 1,
    meanScore: 0.575,
    minScore: 0.5643,
    matched: 2,
    blockingPairs: 1,
    current: true,
  },
  {
    objective: 'STABLE' as const,
    coverage: 1,
    meanScore: 0.5321,
    minScore: 0.3929,
    matched: 2,
    blockingPairs: 0,
    current: false,
  },
];

describe("the round's outcome beside the other objectives", () => {
  it('shows the stable objective with its blocking pairs beside the round', async () => {
    await renderWithProviders(<RoundMetricsTable columns={columns} load={load} />);
    expect(screen.getByRole('columnheader', { name: 'Best overall fit (this round)' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Stable' })).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /blocking pairs/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '0']);
  });

  it('shows a dash where the count is not known, and German texts', async () => {
    await renderWithProviders(
      <RoundMetricsTable columns={[{ ...columns[0]!, blockingPairs: null }]} load={load} />,
      'de',
    );
    const row = screen.getByRole('row', { name: /blockierende Paare/ });
    expect(within(row).getByRole('cell')).toHaveTextContent('–');
  });
});
