import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { INBOX, MARK_ALL_NOTIFICATIONS_READ, MARK_NOTIFICATION_READ } from '../api/inbox-queries';
import { InboxPage } from './inbox-page';

const ZONE = 'Asia/Tokyo';

const notification = (id: string, title: string, readAt: string | null, createdAt = '2027-03-01T23:30:00Z') => ({
  cursor: `c-${id}`,
  node: {
    __typename: 'Notification' as const,
    id,
    title,
    lines: [`Lines of ${title}.`],
    link: `http://127.0.0.1:4000/mentorships/${id}`,
    createdAt,
    readAt,
  },
  __typename: 'NotificationEdge' as const,
});

const page = (
  variables: { first: number; unreadOnly: boolean; after?: string },
  edges: ReturnType<typeof notification>[],
  next: string | null = null,
): MockLink.MockedResponse => ({
  request: { query: INBOX, variables: { timeZone: ZONE, ...variables } },
  result: {
    data: {
      notifications: {
        __typename: 'NotificationConnection',
        edges,
        pageInfo: { __typename: 'NotificationPageInfo', endCursor: next, hasNextPage: next !== null },
      },
    },
  },
});

const renderInbox = (mocks: MockLink.MockedResponse[], language: 'en' | 'de' = 'en') =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <InboxPage timeZone={ZONE} />
    </MockedProvider>,
    { path: '/inbox', language },
  );

describe('the inbox', () => {
  it('lists notifications newest first, times in the viewer’s zone, unread ones said to be unread', async () => {
    await renderInbox([
      page({ first: 20, unreadOnly: false }, [
        notification('n2', 'Your mentorship has started', null),
        notification('n1', 'Your mentorship request was accepted', '2027-03-01T10:00:00Z', '2027-02-28T09:00:00Z'),
      ]),
    ]);
    const items = within(await screen.findByRole('list', { name: 'Notifications, newest first' })).getAllByRole(
      'listitem',
    );
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      'Your mentorship has started',
      'Your mentorship request was accepted',
    ]);
    expect(within(items[0]!).getByText('Unread')).toBeInTheDocument();
    expect(within(items[1]!).queryByText('Unread')).not.toBeInTheDocument();
    // 23:30 UTC is the next morning in Tokyo.
    expect(within(items[0]!).getByText('Mar 2, 2027, 8:30 AM')).toBeInTheDocument();
    expect(within(items[0]!).getByText('Lines of Your mentorship has started.')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/mentorships/n2');
  });

  it('marks a notification read when it is opened and goes where it points, inside the app', async () => {
    let marked = '';
    const { history } = await renderInbox([
      page({ first: 20, unreadOnly: false }, [notification('n2', 'Your mentorship has started', null)]),
      {
        request: {
          query: MARK_NOTIFICATION_READ,
          variables: (v: { id: string }) => {
            marked = v.id;
            return true;
          },
        },
        result: {
          data: {
            markNotificationRead: { __typename: 'Notification', id: 'n2', readAt: '2027-03-02T00:00:00Z' },
          },
        },
      },
    ]);
    await userEvent.click(await screen.findByRole('link', { name: 'Your mentorship has started' }));
    await waitFor(() => expect(history.location.pathname).toBe('/mentorships/n2'));
    expect(marked).toBe('n2');
  });

  it('loads older notifications after the last one shown', async () => {
    await renderInbox([
      page({ first: 20, unreadOnly: false }, [notification('n3', 'Newest', null)], 'c-n3'),
      page({ first: 20, unreadOnly: false, after: 'c-n3' }, [notification('n1', 'Oldest', null)]),
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Oldest' });
    const items = within(screen.getByRole('list', { name: 'Notifications, newest first' })).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual(['Newest', 'Oldest']);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('shows only unread ones on request, and says when there are none', async () => {
    await renderInbox([
      page({ first: 20, unreadOnly: false }, [notification('n1', 'Read already', '2027-03-01T10:00:00Z')]),
      page({ first: 20, unreadOnly: true }, []),
    ]);
    await screen.findByRole('link', { name: 'Read already' });
    await userEvent.click(screen.getByRole('switch', { name: 'Unread only' }));
    expect(await screen.findByText('You have read all your notifications.')).toBeInTheDocument();
  });

  it('marks everything read and shows the list as it is now', async () => {
    await renderInbox([
      page({ first: 20, unreadOnly: false }, [notification('n1', 'Something new', null)]),
      {
        request: {
          query: MARK_ALL_NOTIFICATIONS_READ,
          // Every click carries an idempotency key, kept across Apollo's retries of it.
          variables: (v: { commandId?: string | null }) => typeof v.commandId === 'string' && v.commandId.length > 0,
        },
        result: { data: { markAllNotificationsRead: 1 } },
      },
      page({ first: 20, unreadOnly: false }, [notification('n1', 'Something new', '2027-03-02T00:00:00Z')]),
    ]);
    const item = (await screen.findByRole('link', { name: 'Something new' })).closest('li');
    expect(within(item!).getByText('Unread')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(within(item!).queryByText('Unread')).not.toBeInTheDocument());
  });

  it('speaks German', async () => {
    await renderInbox([page({ first: 20, unreadOnly: false }, [])], 'de');
    expect(await screen.findByText('Sie haben noch keine Benachrichtigungen.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Posteingang' })).toBeInTheDocument();
  });
});
