import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UpdateNotificationPreferencesMutationVariables } from '../../../gql/graphql';
import { renderInRouter } from '../../../test/render';
import { NOTIFICATION_PREFERENCES, UPDATE_NOTIFICATION_PREFERENCES } from '../api/preferences-queries';
import { NotificationPreferencesPage } from './notification-preferences-page';

const preferences = {
  __typename: 'NotificationPreferences',
  channels: [
    { __typename: 'ChannelPreference', category: 'MENTORSHIP_REQUESTS', inApp: true, email: true },
    { __typename: 'ChannelPreference', category: 'SESSION_UPDATES', inApp: true, email: true },
  ],
  digest: 'IMMEDIATE',
  quietHours: null,
  dailyEmailBudget: 10,
  unsubscribed: ['MATCHING_ROUNDS'],
};

const loaded: MockLink.MockedResponse = {
  request: { query: NOTIFICATION_PREFERENCES },
  result: {
    data: {
      notificationPreferences: preferences,
      me: {
        __typename: 'Me',
        personId: 'p1',
        participations: [{ __typename: 'Participant', id: 'part1', timezone: 'Europe/Berlin' }],
      },
    },
  },
};

const sent: UpdateNotificationPreferencesMutationVariables[] = [];
const update = (result: MockLink.MockedResponse['result']): MockLink.MockedResponse => ({
  request: {
    query: UPDATE_NOTIFICATION_PREFERENCES,
    variables: (variables: UpdateNotificationPreferencesMutationVariables) => {
      sent.push(variables);
      return true;
    },
  },
  result,
});

const renderPage = (mocks: MockLink.MockedResponse[]) =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <NotificationPreferencesPage />
    </MockedProvider>,
    { path: '/settings/notifications' },
  );

describe('notification settings', () => {
  it('shows each topic’s channels, keeps obligatory ones in the app, and names the zone of quiet hours', async () => {
    await renderPage([loaded]);
    expect(await screen.findByRole('checkbox', { name: 'Email: Requests to be a mentor' })).toBeChecked();
    const sessionsInApp = screen.getByRole('checkbox', { name: 'In the app: Sessions scheduled, moved or cancelled' });
    expect(sessionsInApp).toBeChecked();
    expect(sessionsInApp).toBeDisabled();
    expect(screen.getByRole('switch', { name: 'Hold back emails during quiet hours' })).not.toBeChecked();
    expect(screen.getByRole('group', { name: 'Quiet hours' })).toHaveTextContent(
      'Times in your profile’s time zone (Europe/Berlin)',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Email me about “Published matching rounds” again' }),
    ).not.toBeChecked();
  });

  it('saves only what changed and confirms it', async () => {
    sent.length = 0;
    await renderPage([
      loaded,
      update({
        data: {
          updateNotificationPreferences: {
            ...preferences,
            channels: [
              { __typename: 'ChannelPreference', category: 'MENTORSHIP_REQUESTS', inApp: true, email: false },
              preferences.channels[1],
            ],
            quietHours: { __typename: 'QuietHoursType', startMinute: 1320, endMinute: 420 },
            unsubscribed: [],
          },
        },
      }),
    ]);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Email: Requests to be a mentor' }));
    await userEvent.click(screen.getByRole('switch', { name: 'Hold back emails during quiet hours' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Email me about “Published matching rounds” again' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Your notification settings are saved.');
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    expect(sent.map(({ commandId: _commandId, ...rest }) => rest)).toEqual([
      {
        input: {
          channels: [{ category: 'MENTORSHIP_REQUESTS', inApp: true, email: false }],
          quietHours: { startMinute: 1320, endMinute: 420 },
          resubscribe: ['MATCHING_ROUNDS'],
        },
      },
    ]);
    // Resubscribed: the offer to resubscribe is gone.
    expect(screen.queryByRole('checkbox', { name: /again$/ })).not.toBeInTheDocument();
  });

  it('puts the API’s refusal on the field it concerns', async () => {
    await renderPage([
      loaded,
      update({
        errors: [
          {
            message: 'quiet hours need two different minutes of the day (0–1439)',
            extensions: { code: 'BAD_USER_INPUT', field: 'quietHours' },
          },
        ],
      }),
    ]);
    await userEvent.click(await screen.findByRole('switch', { name: 'Hold back emails during quiet hours' }));
    const until = screen.getByLabelText('Until');
    await userEvent.clear(until);
    await userEvent.type(until, '22:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(until).toHaveAccessibleDescription(/two different minutes/));
    expect(until).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('refuses a budget the API would not take before sending anything', async () => {
    sent.length = 0;
    await renderPage([loaded]);
    const budget = await screen.findByLabelText(/Emails per day, at most/);
    await userEvent.clear(budget);
    await userEvent.type(budget, '250');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(budget).toHaveAccessibleDescription(/Enter a whole number from 0 to 100/));
    expect(sent).toEqual([]);
  });

  it('says so when there is nothing to save', async () => {
    await renderPage([loaded]);
    await userEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Nothing changed');
  });
});
