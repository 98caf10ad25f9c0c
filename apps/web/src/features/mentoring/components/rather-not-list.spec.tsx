import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeclineRequestMutationVariables, SetRatherNotMenteesMutationVariables } from '../../../gql/graphql';
import { PersonSummaryParticipant } from '../../../components/person-summary';
import { makeFragmentData } from '../../../gql';
import { renderWithProviders } from '../../../test/render';
import { MY_RATHER_NOT, SET_RATHER_NOT } from '../api/preferences';
import { DECLINE_REQUEST } from '../api/request-mutations';
import { useRatherNotMentees } from '../hooks/use-rather-not-mentees';
import { ReceivedRequest, ReceivedRequestRequest } from './received-request';
import { RatherNotList } from './rather-not-list';

const mentee = (personId: string, displayName: string) => ({
  __typename: 'Participant' as const,
  id: `pa-${personId}`,
  displayName,
});

const request = makeFragmentData(
  {
    id: 'req-1',
    status: 'OPEN',
    requestedAt: '2027-03-01T09:00:00.000Z',
    expiresAt: '2027-03-08T09:00:00.000Z',
    menteePersonId: 'omar',
    mentee: {
      displayName: 'Omar Haddad',
      languages: ['en'],
      skillsSought: [],
      ...makeFragmentData(
        { id: 'pa-omar', displayName: 'Omar Haddad', headline: null, initials: 'OH' },
        PersonSummaryParticipant,
      ),
    },
  },
  ReceivedRequestRequest,
);

const listed = (people: Array<[string, string]>): MockLink.MockedResponse => ({
  request: { query: MY_RATHER_NOT, variables: { programId: 'prog-1' } },
  result: {
    data: {
      myMatchingPreferences: {
        __typename: 'MatchingPreferences',
        ratherNotMenteePersonIds: people.map(([id]) => id),
        ratherNotMentees: people.map(([id, name]) => mentee(id, name)),
      },
    },
  },
});

const declined: DeclineRequestMutationVariables[] = [];
const saved: SetRatherNotMenteesMutationVariables[] = [];
const decline: MockLink.MockedResponse = {
  request: {
    query: DECLINE_REQUEST,
    variables: (variables: DeclineRequestMutationVariables) => {
      declined.push(variables);
      return true;
    },
  },
  result: { data: { declineMentorshipRequest: true } },
};
const save = (people: Array<[string, string]>): MockLink.MockedResponse => ({
  request: {
    query: SET_RATHER_NOT,
    variables: (variables: SetRatherNotMenteesMutationVariables) => {
      saved.push(variables);
      return true;
    },
  },
  result: {
    data: {
      setRatherNotMentees: {
        __typename: 'MatchingPreferences',
        ratherNotMenteePersonIds: people.map(([id]) => id),
        ratherNotMentees: people.map(([id, name]) => mentee(id, name)),
      },
    },
  },
});

function MentorRequests() {
  const list = useRatherNotMentees('prog-1');
  return (
    <>
      <ul>
        <ReceivedRequest request={request} onChanged={() => undefined} onRatherNot={list.add} />
      </ul>
      {list.mentees && <RatherNotList list={list} />}
    </>
  );
}

const renderRequests = (mocks: MockLink.MockedResponse[]) =>
  renderWithProviders(
    <MockedProvider mocks={mocks}>
      <MentorRequests />
    </MockedProvider>,
  );

describe("a mentor's mentees they would rather not take", () => {
  it('declines a request and, when asked, keeps rounds from proposing that mentee again', async () => {
    declined.length = 0;
    saved.length = 0;
    const omar: [string, string] = ['omar', 'Omar Haddad'];
    await renderRequests([listed([]), decline, save([omar]), listed([omar])]);
    expect(await screen.findByText(/Nobody\. When you decline a request/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await user.click(screen.getByRole('combobox', { name: 'Reason' }));
    await user.click(await screen.findByRole('option', { name: 'Not a good fit', hidden: true }));
    await user.click(screen.getByRole('checkbox', { name: /Do not propose Omar Haddad to me in later rounds/ }));
    await user.click(screen.getByRole('button', { name: 'Decline request' }));

    const allow = await screen.findByRole('button', { name: 'Allow again: Omar Haddad' });
    expect(within(allow.closest('li')!).getByText('Omar Haddad')).toBeInTheDocument();
    expect(declined.map(({ commandId: _c, ...rest }) => rest)).toEqual([
      { requestId: 'req-1', reason: 'NOT_A_GOOD_FIT' },
    ]);
    expect(saved.map(({ commandId: _c, ...rest }) => rest)).toEqual([
      { programId: 'prog-1', menteePersonIds: ['omar'] },
    ]);
  });

  it('declines without touching the list when the mentor does not ask, and lets a listed mentee back', async () => {
    declined.length = 0;
    saved.length = 0;
    await renderRequests([listed([['ida', 'Ida Berg']]), decline, save([]), listed([])]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Decline' }));
    await user.click(screen.getByRole('combobox', { name: 'Reason' }));
    await user.click(await screen.findByRole('option', { name: 'Personal reasons', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Decline request' }));
    await user.click(await screen.findByRole('button', { name: 'Allow again: Ida Berg' }));

    expect(await screen.findByText(/Nobody\. When you decline a request/)).toBeInTheDocument();
    expect(declined).toHaveLength(1);
    expect(saved.map(({ commandId: _c, ...rest }) => rest)).toEqual([{ programId: 'prog-1', menteePersonIds: [] }]);
  });
});
