import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { type ConsolePair, PairsTable } from './pairs-table';

const pair = (i: number): ConsolePair => ({
  id: `round:mentee-${i}`,
  menteePersonId: `mentee-${i}`,
  mentorPersonId: `mentor-${i % 1000}`,
  score: 0.5,
  locked: false,
  manual: false,
  factors: [],
  notFirstChoice: null,
  mentee: { id: `mentee-${i}`, displayName: `Mentee ${String(i).padStart(4, '0')}` },
  mentor: { id: `mentor-${i % 1000}`, displayName: `Mentor ${i % 1000}` },
  menteeName: `Mentee ${String(i).padStart(4, '0')}`,
  mentorName: `Mentor ${i % 1000}`,
});

const pairs = Array.from({ length: 5000 }, (_, i) => pair(i));

async function renderTable() {
  const onAction = vi.fn();
  await renderWithProviders(
    <PairsTable pairs={pairs} editable swapSelection={[]} onToggleSwap={() => undefined} onAction={onAction} />,
  );
  return { onAction, table: screen.getByRole('table', { name: '5,000 pairs' }) };
}

describe('the pairs table of a large round', () => {
  it('puts a screenful of the 5,000 rows in the page, each numbered within the whole table', async () => {
    const { table } = await renderTable();
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(50);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '1');
    expect(rows[1]).toHaveAttribute('aria-rowindex', '2');
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Mentee 0000');
    // The frame that scrolls is a named region the keyboard can reach.
    expect(screen.getByRole('region', { name: '5,000 pairs' })).toHaveAttribute('tabindex', '0');
  });

  it('finds a pair far down the list by name and acts on it', async () => {
    const { onAction } = await renderTable();
    await userEvent.type(screen.getByLabelText('Find a mentee or mentor'), 'Mentee 4321');
    const table = await screen.findByRole('table', { name: '1 pair' });
    expect(table).toHaveAttribute('aria-rowcount', '2');
    await userEvent.click(within(table).getByRole('button', { name: 'Lock the pair of Mentee 4321' }));
    expect(onAction).toHaveBeenCalledWith({ kind: 'lock', pair: pairs[4321] });
  });
});
