import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RegisterWebhookMutationVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { REGISTER_WEBHOOK } from '../api/webhook-mutations';
import { RegisterWebhookForm } from './register-webhook-form';

function registering(sent: RegisterWebhookMutationVariables[], result: MockLink.MockedResponse['result']) {
  return {
    request: {
      query: REGISTER_WEBHOOK,
      variables: (variables: RegisterWebhookMutationVariables) => {
        sent.push(variables);
        return true;
      },
    },
    result,
  };
}

const registered = (url: string) => ({
  data: {
    registerWebhook: {
      __typename: 'WebhookRegistration',
      secret: 'c2VjcmV0LXNob3duLW9uY2U',
      webhook: {
        __typename: 'Webhook',
        id: 'hook-1',
        url,
        categories: ['MENTORSHIP_STARTED'],
        enabled: true,
        consecutiveFailures: 0,
        disabledAt: null,
      },
    },
  },
});

const address = () => screen.getByRole('textbox', { name: /^Address \(URL\)/ });

describe('registering a webhook', () => {
  it('asks for an address and an event type before sending anything', async () => {
    const sent: RegisterWebhookMutationVariables[] = [];
    await renderWithProviders(
      <MockedProvider mocks={[]}>
        <RegisterWebhookForm />
      </MockedProvider>,
    );
    await userEvent.type(address(), 'hooks.example.org/trellis');
    await userEvent.click(screen.getByRole('button', { name: 'Register webhook' }));
    expect(await screen.findByText('Enter a full web address starting with https://')).toBeInTheDocument();
    expect(address()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Choose at least one kind of event.')).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it("shows the API's refusal on the address, keeps the command id for the corrected try, then shows the secret once", async () => {
    const sent: RegisterWebhookMutationVariables[] = [];
    const good = 'https://hooks.example.org/trellis';
    await renderWithProviders(
      <MockedProvider
        mocks={[
          registering(sent, {
            errors: [
              {
                message: 'url must be an https URL without credentials',
                extensions: { code: 'BAD_USER_INPUT', field: 'url' },
              },
            ],
          }),
          registering(sent, registered(good)),
        ]}
      >
        <RegisterWebhookForm />
      </MockedProvider>,
    );
    await userEvent.type(address(), 'https://ops:secret@hooks.example.org/trellis');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mentorships that start' }));
    await userEvent.click(screen.getByRole('button', { name: 'Register webhook' }));
    expect(await screen.findByText('url must be an https URL without credentials')).toBeInTheDocument();
    expect(address()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await userEvent.clear(address());
    await userEvent.type(address(), good);
    await userEvent.click(screen.getByRole('button', { name: 'Register webhook' }));
    expect(await screen.findByText('c2VjcmV0LXNob3duLW9uY2U')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy secret' })).toBeInTheDocument();
    expect(address()).toHaveValue('');
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toMatchObject({ url: good, categories: ['MENTORSHIP_STARTED'] });
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    expect(sent[1]?.commandId).toBe(sent[0]?.commandId);

    await userEvent.click(screen.getByRole('button', { name: 'I have stored the secret' }));
    expect(screen.queryByText('c2VjcmV0LXNob3duLW9uY2U')).not.toBeInTheDocument();
  });
});
