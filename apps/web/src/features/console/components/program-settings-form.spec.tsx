import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChangeProgramSettingsMutationVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CHANGE_PROGRAM_SETTINGS } from '../api/console-mutations';
import type { ProgramSettingsValues } from '../lib/settings-draft';
import { ProgramSettingsForm } from './program-settings-form';

const current: ProgramSettingsValues = {
  format: 'ONE_ON_ONE',
  offerNextBestOnDecline: true,
  defaultMentorCapacity: 2,
  maxCircleSize: 8,
  maxPreferredMentors: 3,
  maxOpenRequestsPerMentee: 3,
  requestExpiryDays: 7,
  meetingCadenceDays: 14,
  relationshipDurationWeeks: 26,
  surveyResultThreshold: 5,
  conversationRetentionDays: null,
};

function changing(sent: ChangeProgramSettingsMutationVariables[], result: MockLink.MockedResponse['result']) {
  return {
    request: {
      query: CHANGE_PROGRAM_SETTINGS,
      variables: (variables: ChangeProgramSettingsMutationVariables) => {
        sent.push(variables);
        return true;
      },
    },
    result,
  };
}

const changed = (settings: ProgramSettingsValues) => ({
  data: {
    changeProgramSettings: {
      __typename: 'Program',
      id: 'prog-1',
      settings: { __typename: 'ProgramSettings', ...settings },
    },
  },
});

const threshold = () => screen.getByRole('textbox', { name: /^Survey results need \(answers\)/ });
const retention = () => screen.getByRole('textbox', { name: /^Delete messages after \(days\)/ });

describe('program settings: survey threshold and message retention', () => {
  it('saves a threshold of 3 and a retention of 90 days', async () => {
    const sent: ChangeProgramSettingsMutationVariables[] = [];
    const saved = { ...current, surveyResultThreshold: 3, conversationRetentionDays: 90 };
    await renderWithProviders(
      <MockedProvider mocks={[changing(sent, changed(saved))]}>
        <ProgramSettingsForm programId="prog-1" settings={current} />
      </MockedProvider>,
    );
    expect(threshold()).toHaveValue('5');
    // No retention: the field is empty and says messages are kept.
    expect(retention()).toHaveValue('');
    expect(retention()).toHaveAttribute('placeholder', 'Keep');

    await userEvent.clear(threshold());
    await userEvent.type(threshold(), '3');
    await userEvent.type(retention(), '90');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByRole('status')).toHaveTextContent(/saved/i);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.settings).toMatchObject({ surveyResultThreshold: 3, conversationRetentionDays: 90 });
  });

  it('shows a refused retention on its own field, and clearing the field keeps messages', async () => {
    const sent: ChangeProgramSettingsMutationVariables[] = [];
    await renderWithProviders(
      <MockedProvider
        mocks={[
          changing(sent, {
            errors: [
              {
                message: 'Messages are kept 30 to 3650 days after a mentorship ends, or without limit (got 10).',
                extensions: { code: 'BAD_USER_INPUT', field: 'conversationRetentionDays' },
              },
            ],
          }),
          changing(sent, changed(current)),
        ]}
      >
        <ProgramSettingsForm programId="prog-1" settings={{ ...current, conversationRetentionDays: 180 }} />
      </MockedProvider>,
    );
    expect(retention()).toHaveValue('180');
    await userEvent.clear(retention());
    await userEvent.type(retention(), '10');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText(/kept 30 to 3650 days after a mentorship ends/)).toBeInTheDocument();
    expect(retention()).toHaveAttribute('aria-invalid', 'true');
    expect(threshold()).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await userEvent.clear(retention());
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/saved/i);
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]?.settings).toMatchObject({ conversationRetentionDays: null });
  });
});
