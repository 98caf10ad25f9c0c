import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../../gql';
import type { AddActionItemMutationVariables } from '../../../gql/graphql';
import { calendarDayIn } from '../../../lib/time-zones';
import { renderWithProviders } from '../../../test/render';
import { ADD_ACTION_ITEM } from '../api/action-item-mutations';
import { ActionItemsPanel, ActionItemsPanelEngagement } from './action-items-panel';

const ZONE = 'Europe/Berlin';
const day = (offsetDays: number) => calendarDayIn(new Date(Date.now() + offsetDays * 86_400_000), ZONE);
const names: Record<string, string> = { 'p-mentee': 'you', 'p-mentor': 'Freya Varga' };

const item = (id: string, title: string, dueDate: string, owner: string, completedAt: string | null = null) => ({
  __typename: 'ActionItem' as const,
  id,
  title,
  dueDate,
  ownerPersonId: owner,
  done: completedAt !== null,
  completedAt,
  goalId: null,
});

const engagement = (actionItems: ReturnType<typeof item>[]) =>
  makeFragmentData(
    {
      mentorshipId: 'm-1',
      status: 'OPEN',
      viewerRole: 'MENTEE',
      mentorPersonId: 'p-mentor',
      menteePersonId: 'p-mentee',
      goals: [{ id: 'g-1', title: 'Lead a retrospective', status: 'ACTIVE' }],
      actionItems,
    },
    ActionItemsPanelEngagement,
  );

const renderPanel = (actionItems: ReturnType<typeof item>[], mocks: MockLink.MockedResponse[] = []) =>
  renderWithProviders(
    <MockedProvider mocks={mocks}>
      <ActionItemsPanel
        engagement={engagement(actionItems)}
        viewerPersonId="p-mentee"
        viewerTimeZone={ZONE}
        nameOf={(id) => names[id] ?? '?'}
      />
    </MockedProvider>,
  );

describe('action items', () => {
  it('lists open items soonest due first, marks the overdue one, and shows done ones ticked and locked', async () => {
    await renderPanel([
      item('a-1', 'Read the book', day(5), 'p-mentee'),
      item('a-2', 'Send the agenda', day(-3), 'p-mentor'),
      item('a-3', 'Book a room', day(-10), 'p-mentee', new Date(Date.now() - 86_400_000).toISOString()),
      item('a-4', 'Call Sam', day(0), 'p-mentee'),
    ]);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Send the agenda.*For Freya Varga · due.*Overdue$/),
      expect.stringMatching(/^Call Sam.*For you · due/),
      expect.stringMatching(/^Read the book/),
      expect.stringMatching(/^Book a room.*done on/),
    ]);
    // Due today is not overdue yet.
    expect(within(rows[1] as HTMLElement).queryByText('Overdue')).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Book a room' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Book a room' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Call Sam' })).toBeEnabled();
  });

  it('puts the API’s refusal of a due date on that field, for an item given to the other side', async () => {
    const sent: AddActionItemMutationVariables[] = [];
    await renderPanel(
      [],
      [
        {
          request: {
            query: ADD_ACTION_ITEM,
            variables: (variables: AddActionItemMutationVariables) => {
              sent.push(variables);
              return true;
            },
          },
          result: {
            errors: [
              {
                message: 'The due date cannot be before today.',
                extensions: { code: 'BAD_USER_INPUT', field: 'dueDate' },
              },
            ],
          },
        },
      ],
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add an action item' }));
    await userEvent.type(screen.getByLabelText(/What is to be done/), 'Send the agenda');
    await userEvent.click(screen.getByRole('radio', { name: 'Freya Varga' }));
    const dueDate = screen.getByLabelText(/Due date/);
    expect(dueDate).toHaveAttribute('min', day(0));
    await userEvent.type(dueDate, day(-1));
    await userEvent.selectOptions(screen.getByLabelText('For the goal (optional)'), 'Lead a retrospective');
    await userEvent.click(screen.getByRole('button', { name: 'Save action item' }));
    await waitFor(() => expect(dueDate).toHaveAccessibleDescription('The due date cannot be before today.'));
    expect(dueDate).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    expect(sent.map(({ commandId: _commandId, ...rest }) => rest)).toEqual([
      {
        mentorshipId: 'm-1',
        title: 'Send the agenda',
        ownerPersonId: 'p-mentor',
        dueDate: day(-1),
        timezone: ZONE,
        goalId: 'g-1',
      },
    ]);
  });
});
