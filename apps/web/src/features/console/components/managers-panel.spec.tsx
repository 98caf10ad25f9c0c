import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AssignProgramManagerMutationVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { ASSIGN_MANAGER } from '../api/console-mutations';
import { ORGANIZATION_PEOPLE } from '../api/organization-queries';
import { ManagersPanel } from './managers-panel';

const NO_PROFILE = '7afc69af-265c-5a1f-b5b0-eca8100fe1dc';
const PRIYA = 'e6665df6-d9b7-55f3-905d-e86b178a885f';
const managers = [
  { personId: NO_PROFILE, displayName: null },
  { personId: 'a1b2c3d4-0000-4000-8000-000000000001', displayName: 'Hana Okafor' },
];
const named = (personId: string, displayName: string | null) => ({ __typename: 'PersonName', personId, displayName });

describe('the managers panel', () => {
  it('names managers; one without a profile by the start of their id; a manager sees no way to change them', async () => {
    await renderWithProviders(
      <MockedProvider mocks={[]}>
        <ManagersPanel programId="p1" managers={managers} orgAdmin={false} />
      </MockedProvider>,
    );
    const items = within(screen.getByRole('list', { name: 'Managers' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['7afc69af… (no profile yet)', 'Hana Okafor']);
    expect(within(items[0]!).getByTitle(NO_PROFILE)).toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('lets an org admin find a person by name and assign them', async () => {
    const sent: AssignProgramManagerMutationVariables[] = [];
    await renderWithProviders(
      <MockedProvider
        mocks={[
          {
            request: { query: ORGANIZATION_PEOPLE, variables: { search: 'priya' } },
            result: {
              data: { organizationPeople: [named(PRIYA, 'Priya Sharma'), named(managers[1]!.personId, 'Hana Okafor')] },
            },
          },
          {
            request: {
              query: ASSIGN_MANAGER,
              variables: (variables: AssignProgramManagerMutationVariables) => {
                sent.push(variables);
                return true;
              },
            },
            result: {
              data: {
                assignProgramManager: {
                  __typename: 'Program',
                  id: 'p1',
                  managers: [...managers.map((m) => named(m.personId, m.displayName)), named(PRIYA, 'Priya Sharma')],
                },
              },
            },
          },
        ]}
      >
        <ManagersPanel programId="p1" managers={managers} orgAdmin />
      </MockedProvider>,
    );
    await userEvent.type(screen.getByRole('searchbox', { name: /^Find a person by name/ }), 'priya');
    const found = await screen.findByRole('list', { name: 'People found' });
    // Someone who already manages the program cannot be assigned twice.
    expect(within(found).getByRole('button', { name: 'Hana Okafor is already a manager' })).toBeDisabled();
    await userEvent.click(within(found).getByRole('button', { name: 'Assign Priya Sharma as manager' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ programId: 'p1', personId: PRIYA });
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    // Pasting an id stays possible, for someone without a profile.
    expect(screen.getByRole('textbox', { name: /^Person id of the new manager/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Unassign manager ${NO_PROFILE}` })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unassign manager Hana Okafor' })).toBeInTheDocument();
  });
});
