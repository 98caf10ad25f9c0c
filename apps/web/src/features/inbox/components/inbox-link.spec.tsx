import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '../../../test/render';
import { UNREAD_NOTIFICATION_COUNT } from '../api/unread-count-query';
import { InboxLink } from './inbox-link';

const count = (unreadNotificationCount: number): MockLink.MockedResponse => ({
  request: { query: UNREAD_NOTIFICATION_COUNT },
  result: { data: { unreadNotificationCount } },
});

const renderLink = (mocks: MockLink.MockedResponse[], language: 'en' | 'de' = 'en') =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <InboxLink />
    </MockedProvider>,
    { language, texts: 'firstPage' },
  );

describe('the header’s inbox link', () => {
  it('says how many notifications are unread, in words for screen readers', async () => {
    await renderLink([count(3)]);
    const link = await screen.findByRole('link', { name: /^Inbox\s*, 3 unread notifications$/ });
    expect(link).toHaveAttribute('href', '/inbox');
    expect(link).toHaveTextContent(/^Inbox3/);
  });

  it('is just “Inbox” when everything is read', async () => {
    await renderLink([count(0)], 'de');
    expect(await screen.findByRole('link', { name: 'Posteingang' })).toBeInTheDocument();
  });
});
