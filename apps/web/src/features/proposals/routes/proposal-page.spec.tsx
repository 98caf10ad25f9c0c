import { MockedProvider } from '@apollo/client/testing/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { PROPOSAL_PAGE } from '../api/proposal-page-query';
import { ProposalPage } from './proposal-page';

describe('a proposal’s page', () => {
  it('shows the one proposal a link names, with its actions', async () => {
    const participant = (id: string, displayName: string) => ({
      __typename: 'Participant',
      id,
      displayName,
      headline: 'Engineering lead',
      initials: 'MM',
    });
    await renderInRouter(
      <MockedProvider
        mocks={[
          {
            request: { query: PROPOSAL_PAGE },
            result: {
              data: {
                me: { __typename: 'Me', personId: 'mentor1' },
                myProposals: [
                  {
                    __typename: 'Proposal',
                    id: 'pr1',
                    status: 'PROPOSED',
                    programId: 'prog1',
                    respondBy: '2027-03-10T12:00:00Z',
                    mentorPersonId: 'mentor1',
                    mentorAccepted: false,
                    menteeAccepted: true,
                    mentor: participant('pm', 'Maren Mentor'),
                    mentee: participant('pt', 'Tomas Mentee'),
                  },
                ],
                programs: [{ __typename: 'Program', id: 'prog1', name: 'Spring Mentoring' }],
              },
            },
          },
        ]}
      >
        <ProposalPage proposalId="pr1" />
      </MockedProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Tomas Mentee' })).toBeInTheDocument();
    expect(screen.getByText('Proposed as your mentee in Spring Mentoring')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Accept the proposal: Tomas Mentee' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Decline the proposal: Tomas Mentee' })).toBeInTheDocument();
  });

  it('says so when the proposal is not the person’s', async () => {
    await renderInRouter(
      <MockedProvider
        mocks={[
          {
            request: { query: PROPOSAL_PAGE },
            result: { data: { me: { __typename: 'Me', personId: 'p1' }, myProposals: [], programs: [] } },
          },
        ]}
      >
        <ProposalPage proposalId="pr1" />
      </MockedProvider>,
    );
    expect(
      await screen.findByText('This proposal is not addressed to you, or it no longer exists.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the start page' })).toHaveAttribute('href', '/');
  });
});
