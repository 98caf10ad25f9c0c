import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EnrollMutationVariables } from '../../../gql/graphql';
import { fakeAuthClient } from '../../../test/fake-auth-client';
import { AuthProvider } from '../../auth';
import { renderInRouter } from '../../../test/render';
import { ENROLL } from '../api/enroll-mutation';
import { JOIN_PROGRAM } from '../api/join-program-query';
import { JoinProgramPage } from './join-program-page';

const program = {
  __typename: 'Program',
  id: 'prog1',
  name: 'Spring Mentoring',
  description: 'Six months, one mentor.',
  status: 'ENROLLMENT_OPEN',
  questionnaire: [
    {
      __typename: 'Question',
      questionId: 'focus',
      kind: 'SINGLE_CHOICE',
      text: 'What should this mentorship focus on?',
      scaleMin: null,
      scaleMax: null,
      options: [
        { __typename: 'QuestionOption', optionId: 'career', label: 'Career direction' },
        { __typename: 'QuestionOption', optionId: 'leadership', label: 'Leadership' },
      ],
    },
  ],
};

const joinProgram: MockLink.MockedResponse = {
  request: { query: JOIN_PROGRAM, variables: { programId: 'prog1' } },
  result: { data: { program, me: { __typename: 'Me', personId: 'p1', participations: [] } } },
};

const sent: EnrollMutationVariables[] = [];
const enrollAnswers = (answer: MockLink.MockedResponse['result']): MockLink.MockedResponse => ({
  request: {
    query: ENROLL,
    variables: (variables: EnrollMutationVariables) => {
      sent.push(variables);
      return true;
    },
  },
  result: answer,
});

const renderJoin = (mocks: MockLink.MockedResponse[]) =>
  renderInRouter(
    <AuthProvider client={fakeAuthClient({ name: 'Amara Okafor', email: 'amara@example.org', accessToken: 'token' })}>
      <MockedProvider mocks={mocks}>
        <JoinProgramPage programId="prog1" />
      </MockedProvider>
    </AuthProvider>,
    { path: '/programs/prog1/join' },
  );

describe('joining a program', () => {
  it('shows the program’s own questions and the person’s name to start from', async () => {
    await renderJoin([joinProgram]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Join Spring Mentoring' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'What should this mentorship focus on?' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Your name as others see it/)).toHaveValue('Amara Okafor');
  });

  it('puts the API’s refusal on the field it concerns, and sends the answers it was given', async () => {
    sent.length = 0;
    const refusal = enrollAnswers({
      errors: [
        {
          message: '"C++ !!" is not a valid entry for skillsSought (1–60 letters, digits, spaces).',
          extensions: { code: 'BAD_USER_INPUT', field: 'skillsSought' },
        },
      ],
    });
    await renderJoin([joinProgram, refusal]);
    const skills = await screen.findByLabelText('Skills you want to grow', { selector: 'input' });
    await userEvent.type(skills, 'C++ !!{enter}');
    await userEvent.click(screen.getByRole('radio', { name: 'Leadership' }));
    await userEvent.click(screen.getByRole('button', { name: 'Join the program' }));
    // Mantine ties a field's error to it through aria-describedby, next to its hint.
    await waitFor(() => expect(skills).toHaveAccessibleDescription(/is not a valid entry for skillsSought/));
    expect(skills).toHaveAttribute('aria-invalid', 'true');
    expect(sent[0]?.profile).toMatchObject({
      displayName: 'Amara Okafor',
      email: 'amara@example.org',
      skillsSought: ['C++ !!'],
      answers: [{ questionId: 'focus', optionIds: ['leadership'] }],
    });
    expect(sent[0]?.roles).toEqual(['MENTEE']);
    expect(sent[0]?.commandId).toEqual(expect.any(String));
  });

  it('says so when a field the API refused is not on the form, without losing what was typed', async () => {
    const refusal = enrollAnswers({
      errors: [
        { message: 'Something about demographics.', extensions: { code: 'BAD_USER_INPUT', field: 'demographics' } },
      ],
    });
    await renderJoin([joinProgram, refusal]);
    const headline = await screen.findByLabelText(/Headline/);
    await userEvent.type(headline, 'Analyst');
    await userEvent.click(screen.getByRole('button', { name: 'Join the program' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something about demographics.');
    expect(headline).toHaveValue('Analyst');
  });

  it('asks for a language before sending anything', async () => {
    sent.length = 0;
    await renderJoin([joinProgram]);
    const languages = await screen.findByLabelText(/Languages you can meet in/, { selector: 'input' });
    await userEvent.click(languages);
    await userEvent.keyboard('{Backspace}');
    await userEvent.click(screen.getByRole('button', { name: 'Join the program' }));
    expect(await screen.findByText('Pick at least one language.')).toBeInTheDocument();
    expect(sent).toEqual([]);
  });
});
