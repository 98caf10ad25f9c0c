import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../../gql';
import type { DefineQuestionnaireMutationVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { DEFINE_QUESTIONNAIRE } from '../api/console-mutations';
import { QuestionnaireBuilderQuestion, QuestionnairePanel } from './questionnaire-panel';

const focus = makeFragmentData(
  {
    questionId: 'q1',
    kind: 'SINGLE_CHOICE',
    text: 'What do you want to grow in?',
    scaleMin: null,
    scaleMax: null,
    usedForMatching: true,
    weight: 2,
    matchingMode: 'SIMILAR',
    options: [
      { optionId: 'o1', label: 'Leadership' },
      { optionId: 'o2', label: 'Craft' },
    ],
  },
  QuestionnaireBuilderQuestion,
);

function saving(sent: DefineQuestionnaireMutationVariables[], result: MockLink.MockedResponse['result']) {
  return {
    request: {
      query: DEFINE_QUESTIONNAIRE,
      variables: (variables: DefineQuestionnaireMutationVariables) => {
        sent.push(variables);
        return true;
      },
    },
    result,
  };
}

const renderBuilder = (mocks: MockLink.MockedResponse[] = []) =>
  renderWithProviders(
    <MockedProvider mocks={mocks}>
      <QuestionnairePanel programId="prog-1" questions={[focus]} />
    </MockedProvider>,
  );

describe('questionnaire builder', () => {
  it('adds a scale, moves it first and saves the whole list in that order; the preview shows it as participants will', async () => {
    const sent: DefineQuestionnaireMutationVariables[] = [];
    await renderBuilder([
      saving(sent, { data: { defineQuestionnaire: { __typename: 'Program', id: 'prog-1', questionnaire: [] } } }),
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'A scale' }));
    const second = screen.getByRole('region', { name: 'Question 2' });
    await userEvent.type(within(second).getByLabelText(/^Question/), 'How experienced are you?');
    await userEvent.click(within(second).getByRole('button', { name: 'Move up' }));
    expect(within(screen.getByRole('region', { name: 'Question 1' })).getByLabelText(/^Question/)).toHaveValue(
      'How experienced are you?',
    );
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByRole('radiogroup', { name: 'How experienced are you?' })).toBeInTheDocument();
    expect(within(preview).getByRole('radio', { name: 'Leadership' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    expect(sent[0]?.questions).toEqual([
      {
        questionId: 'q2',
        kind: 'SCALE',
        text: 'How experienced are you?',
        options: [],
        scaleMin: 1,
        scaleMax: 5,
        usedForMatching: true,
        weight: 1,
        matchingMode: 'SIMILAR',
      },
      {
        questionId: 'q1',
        kind: 'SINGLE_CHOICE',
        text: 'What do you want to grow in?',
        options: [
          { optionId: 'o1', label: 'Leadership' },
          { optionId: 'o2', label: 'Craft' },
        ],
        usedForMatching: true,
        weight: 2,
        matchingMode: 'SIMILAR',
      },
    ]);
  });

  it('lets a question pair different answers instead of alike ones', async () => {
    const sent: DefineQuestionnaireMutationVariables[] = [];
    await renderBuilder([
      saving(sent, { data: { defineQuestionnaire: { __typename: 'Program', id: 'prog-1', questionnaire: [] } } }),
    ]);
    const first = screen.getByRole('region', { name: 'Question 1' });
    await userEvent.click(within(first).getByRole('radio', { name: 'Complementary' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(sent[0]?.questions).toEqual([expect.objectContaining({ questionId: 'q1', matchingMode: 'COMPLEMENTARY' })]);
  });

  it('sends nothing while a question lacks words or choice labels, and says so on those fields', async () => {
    const sent: DefineQuestionnaireMutationVariables[] = [];
    await renderBuilder([saving(sent, { data: null })]);
    await userEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'One choice' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    const added = screen.getByRole('region', { name: 'Question 2' });
    expect(within(added).getByLabelText(/^Question/)).toHaveAccessibleDescription(
      'Write the question in 3 to 300 characters.',
    );
    expect(within(added).getByRole('alert')).toHaveTextContent('Every choice needs a label');
    expect(sent).toEqual([]);
  });

  it('puts the API’s refusal on the question it names', async () => {
    const sent: DefineQuestionnaireMutationVariables[] = [];
    await renderBuilder([
      saving(sent, {
        errors: [
          {
            message: 'Question 1: weight must be between 0 and 10.',
            extensions: { code: 'BAD_USER_INPUT', field: 'questions[0].weight' },
          },
        ],
      }),
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    const first = screen.getByRole('region', { name: 'Question 1' });
    expect(await within(first).findByRole('alert')).toHaveTextContent('weight must be between 0 and 10');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(sent).toHaveLength(1);
  });
});
