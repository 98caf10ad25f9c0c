import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeclineProposalMutationVariables } from '../../../gql/graphql';
import { renderInRouter } from '../../../test/render';
import { NEEDS_YOU } from '../api/needs-you-query';
import { ACCEPT_PROPOSAL } from '../api/accept-proposal-mutation';
import { DECLINE_PROPOSAL } from '../api/decline-proposal-mutation';
import { NeedsYouSection } from './needs-you-section';

const person = (id: string, displayName: string) => ({
  __typename: 'Participant' as const,
  id,
  displayName,
  headline: null,
  initials: displayName.slice(0, 1),
});

const proposal = (id: string, over: Record<string, unknown> = {}) => ({
  __typename: 'Proposal' as const,
  id,
  status: 'PROPOSED',
  programId: 'prog1',
  respondBy: '2027-03-10T12:00:00Z',
  mentorPersonId: 'mentor1',
  menteePersonId: 'me',
  mentorAccepted: false,
  menteeAccepted: false,
  mentor: person('part-m', 'Maren Mentor'),
  mentee: person('part-me', 'Me Myself'),
  notFirstChoice: null,
  ...over,
});

const request = {
  __typename: 'MentorshipRequest' as const,
  id: 'r1',
  status: 'OPEN',
  programId: 'prog1',
  mentorPersonId: 'me',
  expiresAt: '2027-03-08T12:00:00Z',
  mentee: person('part-t', 'Tomas Mentee'),
};

const needsYou = (data: { proposals?: unknown[]; requests?: unknown[]; unread?: number }): MockLink.MockedResponse => ({
  request: { query: NEEDS_YOU },
  result: {
    data: {
      me: { __typename: 'Me', personId: 'me' },
      myProposals: data.proposals ?? [],
      myMentorshipRequests: data.requests ?? [],
      programs: [{ __typename: 'Program', id: 'prog1', name: 'Spring Mentoring' }],
      unreadNotificationCount: data.unread ?? 0,
    },
  },
});

/** Matches an accept of this proposal that carries an idempotency key, as every user action does. */
const accepting =
  (proposalId: string) =>
  (v: { proposalId: string; commandId?: string | null }): boolean =>
    v.proposalId === proposalId && typeof v.commandId === 'string' && v.commandId.length > 0;

const renderSection = (mocks: MockLink.MockedResponse[]) =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <NeedsYouSection />
    </MockedProvider>,
    { texts: 'firstPage' },
  );

describe('what needs the person now', () => {
  it('lists a proposal to answer with the mentor, the program and the date to answer by', async () => {
    await renderSection([needsYou({ proposals: [proposal('pr1'), proposal('done', { status: 'CONFIRMED' })] })]);
    // The file's first render also warms the page's modules: on a busy machine it takes about a second.
    const proposals = await screen.findByRole('region', { name: 'Match proposal to answer' }, { timeout: 5000 });
    const card = within(proposals).getByRole('listitem');
    expect(within(card).getByRole('heading', { name: 'Maren Mentor' })).toBeInTheDocument();
    expect(card).toHaveTextContent('Proposed as your mentor in Spring Mentoring');
    expect(card).toHaveTextContent(/Please answer by Mar 10, 2027/);
    expect(within(card).getByRole('button', { name: 'Accept the proposal: Maren Mentor' })).toBeInTheDocument();
  });

  it('tells the mentee why the proposal is not with the mentor who fits them best, with the numbers', async () => {
    const notFirstChoice = {
      __typename: 'NotFirstChoiceReason' as const,
      type: 'FIT_BETTER_USED',
      bestMentorPlaces: 3,
      fitPoints: 41,
      matchesLost: null,
      rule: null,
      bestMentor: { __typename: 'Participant' as const, id: 'part-d', displayName: 'Dana Weber' },
    };
    await renderSection([needsYou({ proposals: [proposal('pr1', { notFirstChoice })] })]);
    const proposals = await screen.findByRole('region', { name: 'Match proposal to answer' });
    expect(within(proposals).getByRole('listitem')).toHaveTextContent(
      'Why not Dana Weber, who fits you best: their 3 places went to mentees whose pairing adds 41 points more fit in total than placing you there.',
    );
  });

  it('lists requests waiting for the person as a mentor, answered on the program’s page, and unread notifications', async () => {
    await renderSection([needsYou({ requests: [request], unread: 3 })]);
    const requests = await screen.findByRole('region', { name: 'Request waiting for your answer' });
    expect(within(requests).getByRole('link', { name: 'Answer Tomas Mentee in Spring Mentoring' })).toHaveAttribute(
      'href',
      '/programs/prog1',
    );
    expect(screen.getByRole('link', { name: '3 unread notifications in your inbox' })).toHaveAttribute(
      'href',
      '/inbox',
    );
  });

  it('says when nothing waits', async () => {
    await renderSection([needsYou({})]);
    expect(await screen.findByText('Nothing needs your answer right now.')).toBeInTheDocument();
  });

  it('declines only with a reason, sends an optional comment, and confirms it', async () => {
    const sent: DeclineProposalMutationVariables[] = [];
    await renderSection([
      needsYou({ proposals: [proposal('pr1')] }),
      {
        request: {
          query: DECLINE_PROPOSAL,
          variables: (v: DeclineProposalMutationVariables) => {
            sent.push(v);
            return true;
          },
        },
        result: {
          data: {
            declineProposal: {
              __typename: 'Proposal',
              id: 'pr1',
              status: 'DECLINED',
              mentorAccepted: false,
              menteeAccepted: false,
            },
          },
        },
      },
      needsYou({ proposals: [proposal('pr1', { status: 'DECLINED' })] }),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Decline the proposal: Maren Mentor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Decline the match with Maren Mentor' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Decline the proposal' }));
    expect(await within(dialog).findByText('Choose a reason.')).toBeInTheDocument();
    expect(sent).toEqual([]);
    await userEvent.click(within(dialog).getByLabelText(/Reason/, { selector: 'input' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Our schedules do not fit', hidden: true }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Comment' }), 'Evenings only, sorry.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Decline the proposal' }));
    expect(await screen.findByRole('status')).toHaveTextContent('You declined the match with Maren Mentor.');
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    expect(sent.map(({ commandId: _commandId, ...rest }) => rest)).toEqual([
      { proposalId: 'pr1', reason: 'SCHEDULE_CONFLICT', comment: 'Evenings only, sorry.' },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('tells the clash when accepting is refused, even once the proposal has left the list', async () => {
    await renderSection([
      needsYou({ proposals: [proposal('pr1')] }),
      {
        request: { query: ACCEPT_PROPOSAL, variables: accepting('pr1') },
        result: {
          errors: [
            {
              message: 'Maren Mentor has no free seat left in this program.',
              extensions: { code: 'CONFLICT' },
            },
          ],
        },
      },
      needsYou({ proposals: [proposal('pr1', { status: 'LAPSED' })] }),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Accept the proposal: Maren Mentor' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This was changed in the meantime');
    expect(alert).toHaveTextContent('Maren Mentor has no free seat left in this program.');
    await screen.findByText('Nothing needs your answer right now.');
    expect(screen.getByRole('alert')).toBeInTheDocument();
  });

  it('says when accepting started the mentorship', async () => {
    await renderSection([
      needsYou({ proposals: [proposal('pr1', { mentorAccepted: true })] }),
      {
        request: { query: ACCEPT_PROPOSAL, variables: accepting('pr1') },
        result: { data: { acceptProposal: { __typename: 'AcceptanceOutcome', mentorshipId: 'm1' } } },
      },
      needsYou({ proposals: [proposal('pr1', { status: 'CONFIRMED', mentorAccepted: true, menteeAccepted: true })] }),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Accept the proposal: Maren Mentor' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'You and Maren Mentor both accepted: your mentorship has started.',
    );
  });
});
