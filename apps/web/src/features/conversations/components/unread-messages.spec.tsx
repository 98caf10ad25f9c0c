import { MockedProvider } from '@apollo/client/testing/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { MY_CIRCLES } from '../../mentoring/api/my-circles-query';
import { UNREAD_CONVERSATIONS } from '../api/unread-conversations-query';
import { UnreadMessages } from './unread-messages';

const participant = (id: string, displayName: string) => ({ __typename: 'Participant' as const, id, displayName });

// A conversation id `circle-<circleId>` is the circle's, in program prog-1.
const unread = (counts: Record<string, number>) => ({
  request: { query: UNREAD_CONVERSATIONS },
  result: {
    data: {
      me: { __typename: 'Me' as const, personId: 'p-mentor' },
      myConversations: Object.entries(counts).map(([mentorshipId, unreadCount]) => ({
        __typename: 'ConversationSummary' as const,
        mentorshipId,
        circleId: mentorshipId.startsWith('circle-') ? mentorshipId.slice('circle-'.length) : null,
        programId: 'prog-1',
        unreadCount,
      })),
      myMentorships: [
        {
          __typename: 'Mentorship' as const,
          id: 'm-1',
          mentorPersonId: 'p-mentor',
          mentor: participant('pt-1', 'Freya Varga'),
          mentee: participant('pt-2', 'Amara Okafor'),
        },
      ],
    },
  },
});

const circles = {
  request: { query: MY_CIRCLES, variables: { programId: 'prog-1' } },
  result: {
    data: {
      myCircles: ['c-1', 'c-2'].map((id, i) => ({
        __typename: 'Circle' as const,
        id,
        status: 'open',
        // The viewer leads the second circle.
        mentorPersonId: i === 0 ? 'p-lena' : 'p-mentor',
        mentor: i === 0 ? participant('pt-3', 'Lena Lead') : participant('pt-1', 'Freya Varga'),
        members: [],
      })),
    },
  },
};

const renderUnread = (counts: Record<string, number>, language: 'en' | 'de' = 'en') =>
  renderInRouter(
    <MockedProvider mocks={[unread(counts), circles]}>
      <UnreadMessages />
    </MockedProvider>,
    // It is on the home, the first page: only the texts the app starts with.
    { language, texts: 'firstPage' },
  );

describe('unread messages on the home page', () => {
  it('links each conversation with unread messages to its tab in the workspace, naming the other person', async () => {
    await renderUnread({ 'm-1': 2, 'm-2': 0, 'm-3': 1 });
    const link = await screen.findByRole('link', { name: '2 unread messages from Amara Okafor' });
    expect(link).toHaveAttribute('href', '/mentorships/m-1#conversation');
    // A conversation whose mentorship the list does not name still shows, without a name.
    expect(screen.getByRole('link', { name: '1 unread message' })).toHaveAttribute(
      'href',
      '/mentorships/m-3#conversation',
    );
    expect(screen.getAllByRole('link')).toHaveLength(2);
  });

  it('links a circle’s unread messages to the circle’s page, named by its mentor or as the viewer’s own', async () => {
    await renderUnread({ 'circle-c-1': 2, 'circle-c-2': 1 });
    const link = await screen.findByRole('link', { name: '2 unread messages in Lena Lead’s circle' });
    expect(link).toHaveAttribute('href', '/circles/c-1');
    expect(screen.getByRole('link', { name: '1 unread message in your circle' })).toHaveAttribute(
      'href',
      '/circles/c-2',
    );
    expect(screen.queryByText(/mentorship/)).not.toBeInTheDocument();
  });

  it('shows nothing while nothing is unread', async () => {
    const { container } = await renderUnread({ 'm-1': 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.querySelector('a')).toBeNull();
  });

  it('speaks German', async () => {
    await renderUnread({ 'm-1': 1 }, 'de');
    await screen.findByRole('link', { name: '1 ungelesene Nachricht von Amara Okafor' });
  });
});
