import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AnswerSurveyMutationVariables } from '../../../gql/graphql';
import { renderInRouter } from '../../../test/render';
import { ANSWER_SURVEY, SURVEY_INVITATION } from '../api/answer-queries';
import { SurveyAnswerPage } from './survey-answer-page';

const question = (questionId: string, number: number, kind: string, prompt: string, required: boolean) => ({
  __typename: 'SurveyQuestion' as const,
  questionId,
  number,
  kind,
  prompt,
  required,
  options:
    kind === 'SINGLE_CHOICE'
      ? [
          { __typename: 'SurveyOption' as const, optionId: 'o1', label: 'The sessions' },
          { __typename: 'SurveyOption' as const, optionId: 'o2', label: 'The goals' },
        ]
      : [],
  lowLabel: null,
  highLabel: null,
});

const invitation = (answeredAt: string | null): MockLink.MockedResponse => ({
  request: { query: SURVEY_INVITATION, variables: { occurrenceId: 'occ-1' } },
  result: {
    data: {
      surveyInvitation: {
        __typename: 'SurveyInvitation',
        occurrenceId: 'occ-1',
        title: 'Four weeks in',
        opensAt: '2020-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
        answeredAt,
        questions: [
          question('q1', 1, 'NPS', 'How likely are you to recommend the program?', true),
          question('q2', 2, 'SINGLE_CHOICE', 'What helped most?', true),
          question('q3', 3, 'SHORT_TEXT', 'Anything else?', false),
        ],
      },
    },
  },
});

const renderPage = (mocks: MockLink.MockedResponse[]) =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <SurveyAnswerPage occurrenceId="occ-1" />
    </MockedProvider>,
    { path: '/surveys/occ-1' },
  );

describe('the survey answer page', () => {
  it('shows a missing answer on its question, sends the answers once, and then says the survey is answered', async () => {
    const sent: AnswerSurveyMutationVariables[] = [];
    await renderPage([
      invitation(null),
      {
        request: {
          query: ANSWER_SURVEY,
          variables: (variables: AnswerSurveyMutationVariables) => {
            sent.push(variables);
            return true;
          },
        },
        result: {
          data: {
            answerSurvey: { __typename: 'SurveyInvitation', occurrenceId: 'occ-1', answeredAt: '2027-03-02T10:00:00Z' },
          },
        },
      },
      invitation('2027-03-02T10:00:00Z'),
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Four weeks in' });
    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(screen.getAllByText('Please answer this question.')).toHaveLength(2);
    expect(sent).toEqual([]);

    const nps = screen.getByRole('radiogroup', { name: /How likely are you to recommend the program/ });
    await userEvent.click(within(nps).getByRole('radio', { name: '9' }));
    expect(screen.getAllByText('Please answer this question.')).toHaveLength(1);
    await userEvent.click(screen.getByRole('radio', { name: 'The goals' }));
    await userEvent.type(screen.getByRole('textbox', { name: /Anything else/ }), '  More peers  ');
    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));

    expect(await screen.findByText('Already answered')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send my answers' })).not.toBeInTheDocument();
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    expect(sent.map(({ commandId: _commandId, ...rest }) => rest)).toEqual([
      {
        occurrenceId: 'occ-1',
        answers: [
          { questionId: 'q1', value: 9 },
          { questionId: 'q2', optionIds: ['o2'] },
          { questionId: 'q3', text: 'More peers' },
        ],
      },
    ]);
  });

  it('puts the API’s refusal of one answer on that question', async () => {
    await renderPage([
      invitation(null),
      {
        request: { query: ANSWER_SURVEY, variables: () => true },
        result: {
          errors: [
            {
              message: 'Question 2: choose from the options offered.',
              extensions: { code: 'BAD_USER_INPUT', field: 'answers', questionId: 'q2' },
            },
          ],
        },
      },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Four weeks in' });
    await userEvent.click(screen.getByRole('radio', { name: '7' }));
    await userEvent.click(screen.getByRole('radio', { name: 'The sessions' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    // On the question, not in an alert above the form.
    expect(await screen.findByText('Question 2: choose from the options offered.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the survey was answered already, without the form', async () => {
    await renderPage([invitation('2027-03-02T10:00:00Z')]);
    expect(await screen.findByText('Already answered')).toBeInTheDocument();
    expect(screen.getByText(/You answered this survey on Mar 2, 2027/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send my answers' })).not.toBeInTheDocument();
  });
});
