import { MockedProvider } from '@apollo/client/testing/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { UNREAD_CONVERSATIONS } from '../api/unread-conversations-query';
import { UnreadMessages } from './unread-messages';

const participant = (id: string, displayName: string) => ({ __typename: 'Participant' as const, id, displayName });

const unread = (counts: Record<string, number>) => ({
  request: { query: UNREAD_CONVERSATIONS },
  result: {
    data: {
      me: { __typename: 'Me' as const, personId: 'p-mentor' },
      myConversations: Object.entries(counts).map(([mentorshipId, unreadCount]) => ({
        __typename: 'ConversationSummary' as const,
        mentorshipId,
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

const renderUnread = (counts: Record<string, number>, language: 'en' | 'de' = 'en') =>
  renderInRouter(
    <MockedProvider mocks={[unread(counts)]}>
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
