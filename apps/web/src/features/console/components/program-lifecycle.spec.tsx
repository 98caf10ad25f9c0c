import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ArchiveProgramMutationVariables, OpenEnrollmentMutationVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { ARCHIVE_PROGRAM, OPEN_ENROLLMENT } from '../api/console-mutations';
import { ProgramLifecycle } from './program-lifecycle';

function opening(sent: OpenEnrollmentMutationVariables[], result: MockLink.MockedResponse['result']) {
  return {
    request: {
      query: OPEN_ENROLLMENT,
      variables: (variables: OpenEnrollmentMutationVariables) => {
        sent.push(variables);
        return true;
      },
    },
    result,
  };
}

const renderLifecycle = (mocks: MockLink.MockedResponse[]) =>
  renderWithProviders(
    <MockedProvider mocks={mocks}>
      <ProgramLifecycle programId="prog-1" name="Spring Mentoring" status="DRAFT" />
    </MockedProvider>,
  );

describe('program lifecycle', () => {
  it('sends each click with an id of its own, so trying again after a refusal is a new change', async () => {
    const sent: OpenEnrollmentMutationVariables[] = [];
    await renderLifecycle([
      opening(sent, { errors: [{ message: 'Enrollment cannot open yet.', extensions: { code: 'CONFLICT' } }] }),
      opening(sent, { data: { openEnrollment: { __typename: 'Program', id: 'prog-1', status: 'ENROLLMENT_OPEN' } } }),
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Open enrollment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enrollment cannot open yet.');
    await userEvent.click(screen.getByRole('button', { name: 'Open enrollment' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sent.map(({ commandId: _commandId, ...rest }) => rest)).toEqual([
      { programId: 'prog-1' },
      { programId: 'prog-1' },
    ]);
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    expect(sent[1]?.commandId).toEqual(expect.any(String));
    expect(sent[0]?.commandId).not.toBe(sent[1]?.commandId);
  });

  it('archives only once confirmed, with the program and a command id', async () => {
    const sent: ArchiveProgramMutationVariables[] = [];
    await renderLifecycle([
      {
        request: {
          query: ARCHIVE_PROGRAM,
          variables: (variables: ArchiveProgramMutationVariables) => {
            sent.push(variables);
            return true;
          },
        },
        result: { data: { archiveProgram: { __typename: 'Program', id: 'prog-1', status: 'ARCHIVED' } } },
      },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Archive program…' }));
    expect(sent).toEqual([]);
    await userEvent.click(await screen.findByRole('button', { name: 'Archive program' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.programId).toBe('prog-1');
    expect(sent[0]?.commandId).toEqual(expect.any(String));
  });
});
