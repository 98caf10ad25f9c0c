import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { CIRCLE_CONVERSATIONS } from '../../conversations/api/circle-conversations-query';
import { MY_CIRCLES } from '../api/my-circles-query';
import { MyCirclesSection } from './my-circles-section';

const person = (personId: string, displayName: string) => ({
  __typename: 'Participant' as const,
  id: `pa-${personId}`,
  displayName,
});

const myCircles = (circles: unknown[]): MockLink.MockedResponse => ({
  request: { query: MY_CIRCLES, variables: { programId: 'prog-1' } },
  result: { data: { myCircles: circles } },
});

const circle = (id: string, status: string, lead: [string, string], members: Array<[string, string]>) => ({
  __typename: 'Circle' as const,
  id,
  status,
  mentorPersonId: lead[0],
  mentor: person(lead[0], lead[1]),
  members: members.map(([personId, name]) => ({
    __typename: 'CircleMember' as const,
    personId,
    mentee: person(personId, name),
  })),
});

/** The person's circle conversations with their unread counts, by circle id. */
const unread = (counts: Record<string, number>): MockLink.MockedResponse => ({
  request: { query: CIRCLE_CONVERSATIONS },
  result: {
    data: {
      me: { __typename: 'Me' as const, personId: 'ida' },
      myConversations: Object.entries(counts).map(([circleId, unreadCount]) => ({
        __typename: 'ConversationSummary' as const,
        mentorshipId: `circle-${circleId}`,
        circleId,
        programId: 'prog-1',
        unreadCount,
      })),
    },
  },
});

const renderSection = (mocks: MockLink.MockedResponse[], personId: string, counts: Record<string, number> = {}) =>
  renderInRouter(
    <MockedProvider mocks={[...mocks, unread(counts)]}>
      <MyCirclesSection programId="prog-1" personId={personId} />
    </MockedProvider>,
  );

describe('my circles on the program page', () => {
  it('shows a member their circle: who leads it and who else is in it', async () => {
    await renderSection(
      [
        myCircles([
          circle(
            'c-1',
            'open',
            ['lena', 'Lena Lead'],
            [
              ['ida', 'Ida Mentee'],
              ['ben', 'Ben Mentee'],
            ],
          ),
        ]),
      ],
      'ida',
    );
    expect(await screen.findByRole('heading', { name: 'Your circle' })).toBeInTheDocument();
    const card = screen.getByRole('article', { name: 'Circle led by Lena Lead' });
    expect(within(card).getByRole('list', { name: 'Also in the circle' })).toHaveTextContent('Ben Mentee');
    expect(within(card).queryByText('Ida Mentee')).not.toBeInTheDocument();
  });

  it('links each circle to its conversation, with the unread messages counted', async () => {
    await renderSection(
      [
        myCircles([
          circle('c-1', 'open', ['lena', 'Lena Lead'], [['ida', 'Ida Mentee']]),
          circle('c-2', 'open', ['otto', 'Otto Lead'], [['ida', 'Ida Mentee']]),
        ]),
      ],
      'ida',
      { 'c-1': 3, 'c-2': 0 },
    );
    const first = await screen.findByRole('article', { name: 'Circle led by Lena Lead' });
    const link = await within(first).findByRole('link', { name: 'Open the circle’s conversation (3 unread messages)' });
    expect(link).toHaveAttribute('href', '/circles/c-1');
    const second = screen.getByRole('article', { name: 'Circle led by Otto Lead' });
    expect(within(second).getByRole('link', { name: 'Open the circle’s conversation' })).toHaveAttribute(
      'href',
      '/circles/c-2',
    );
  });

  it('counts the fellow members whose names the viewer may not see instead of listing rows without a name', async () => {
    const open = circle(
      'c-1',
      'open',
      ['lena', 'Lena Lead'],
      [
        ['ida', 'Ida Mentee'],
        ['ben', 'Ben Mentee'],
        ['cem', ''],
        ['dora', ''],
      ],
    );
    open.members = open.members.map((m) => (m.mentee.displayName ? m : { ...m, mentee: null as never }));
    await renderSection([myCircles([open])], 'ida');
    const card = await screen.findByRole('article', { name: 'Circle led by Lena Lead' });
    const members = within(card).getByRole('list', { name: 'Also in the circle' });
    expect(
      within(members)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Ben Mentee', 'and 2 more mentees']);
    expect(card).not.toHaveTextContent('Name not available');
  });

  it('tells a lead the circle is theirs, and leaves closed circles out', async () => {
    await renderSection(
      [
        myCircles([
          circle('c-1', 'open', ['lena', 'Lena Lead'], []),
          circle('c-2', 'closed', ['lena', 'Lena Lead'], [['ben', 'Ben Mentee']]),
        ]),
      ],
      'lena',
    );
    const card = await screen.findByRole('article', { name: 'Circle led by you' });
    expect(within(card).getByText('Nobody else has joined yet.')).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });

  it('shows nothing to someone in no circle', async () => {
    await renderSection([myCircles([circle('c-9', 'closed', ['x', 'X'], [])])], 'ida');
    // The answer arrives within a tick of the mock link; a closed circle must not show once it has.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });
});
