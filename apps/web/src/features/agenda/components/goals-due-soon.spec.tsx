import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { GOALS_DUE } from '../api/goals-due-query';
import { GOALS_WINDOW_DAYS, GoalsDueSoon } from './goals-due-soon';

const ZONE = 'Europe/Berlin';

const due = (id: string, daysLeft: number, over: { viewerRole?: string; targetDate?: string } = {}) => ({
  __typename: 'GoalDue' as const,
  mentorshipId: `m-${id}`,
  viewerRole: over.viewerRole ?? 'MENTEE',
  daysLeft,
  goal: { __typename: 'Goal' as const, id, title: `Goal ${id}`, targetDate: over.targetDate ?? '2027-03-10' },
});

const goals = (list: ReturnType<typeof due>[]): MockLink.MockedResponse => ({
  request: { query: GOALS_DUE, variables: { withinDays: GOALS_WINDOW_DAYS, viewerTimeZone: ZONE } },
  result: { data: { myGoalsDueSoon: list } },
});

const renderGoals = (mocks: MockLink.MockedResponse[], language: 'en' | 'de' = 'en') =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <GoalsDueSoon viewerTimeZone={ZONE} />
    </MockedProvider>,
    { language, texts: 'firstPage' },
  );

describe('goals due soon on the home page', () => {
  it('links each goal to its mentorship and says when it is due, overdue ones marked', async () => {
    await renderGoals([
      goals([
        due('g1', -2, { targetDate: '2027-03-08' }),
        due('g2', 0),
        due('g3', 1),
        due('g4', 9, { viewerRole: 'MENTOR' }),
      ]),
    ]);
    const region = await screen.findByRole('region', { name: 'Goals due soon' });
    const items = await within(region).findAllByRole('listitem');
    expect(items.map((i) => within(i).getByRole('link').getAttribute('href'))).toEqual([
      '/mentorships/m-g1',
      '/mentorships/m-g2',
      '/mentorships/m-g3',
      '/mentorships/m-g4',
    ]);
    expect(items[0]).toHaveTextContent('Goal g1');
    expect(items[0]).toHaveTextContent('Target date: Mar 8, 2027');
    expect(items[0]).toHaveTextContent('Overdue by 2 days');
    expect(items[0]).toHaveTextContent('Your goal');
    expect(items[1]).toHaveTextContent('Due today');
    expect(items[2]).toHaveTextContent('Due tomorrow');
    expect(items[3]).toHaveTextContent('Due in 9 days');
    expect(items[3]).toHaveTextContent('Your mentee’s goal');
  });

  it('shows the first five and the rest on request', async () => {
    await renderGoals([goals(['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => due(id, i + 2)))]);
    expect(await screen.findAllByRole('listitem')).toHaveLength(5);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 6 goals' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(6);
    expect(screen.queryByRole('button', { name: /Show all/ })).not.toBeInTheDocument();
  });

  it('says so when nothing is due within the window, in the viewer’s language', async () => {
    await renderGoals([goals([])]);
    expect(await screen.findByText('No goals due in the next 14 days.')).toBeInTheDocument();
  });

  it('words how soon a goal is due in German', async () => {
    await renderGoals([goals([due('g1', -1), due('g2', 3)])], 'de');
    const items = await screen.findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Seit 1 Tag überfällig');
    expect(items[1]).toHaveTextContent('In 3 Tagen fällig');
    expect(items[1]).toHaveTextContent('Zieldatum: 10.03.2027');
  });
});
