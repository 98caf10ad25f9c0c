import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { CopySurveyMutationVariables } from '../../../gql/graphql';
import { renderInRouter } from '../../../test/render';
import { COPY_SURVEY } from '../api/survey-mutations';
import { PROGRAM_SURVEYS } from '../api/survey-queries';
import { SurveysPage } from './surveys-page';

const survey = (id: string, title: string) => ({
  __typename: 'Survey' as const,
  id,
  title,
  status: 'CLOSED',
  publishedAt: '2026-04-01T09:00:00Z',
  questions: [{ __typename: 'SurveyQuestion' as const, questionId: 'q1' }],
});

const surveysOf = (
  programId: string,
  name: string,
  copiedFromProgramId: string | null,
  surveys: unknown[],
): MockLink.MockedResponse => ({
  request: { query: PROGRAM_SURVEYS, variables: { programId } },
  result: { data: { program: { __typename: 'Program', id: programId, name, copiedFromProgramId }, surveys } },
});

const sent: CopySurveyMutationVariables[] = [];
const copied: MockLink.MockedResponse = {
  request: {
    query: COPY_SURVEY,
    variables: (variables: CopySurveyMutationVariables) => {
      sent.push(variables);
      return true;
    },
  },
  result: {
    data: {
      copySurvey: {
        __typename: 'Survey',
        id: 'new-1',
        programId: 'p2',
        title: 'Mid-term pulse',
        status: 'DRAFT',
        publishedAt: null,
        schedule: null,
        questions: [],
      },
    },
  },
};

const renderPage = (mocks: MockLink.MockedResponse[]) =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <SurveysPage programId="p2" />
    </MockedProvider>,
    { path: '/manage/programs/p2/surveys' },
  );

describe('the program surveys page', () => {
  it('drafts a new version of last term’s survey and opens its builder', async () => {
    sent.length = 0;
    const { history } = await renderPage([
      surveysOf('p2', 'Autumn 2027', 'p1', [survey('s2', 'Welcome check')]),
      surveysOf('p1', 'Spring 2027', null, [survey('s0', 'Mid-term pulse')]),
      copied,
    ]);
    const select = await screen.findByRole('combobox', { name: /Earlier survey/ });
    await waitFor(() => expect(within(select).getByRole('group', { name: 'Spring 2027' })).toBeInTheDocument());
    expect(within(select).getByRole('group', { name: 'Autumn 2027' })).toHaveTextContent('Welcome check');
    const draft = screen.getByRole('button', { name: 'Draft a new version' });
    expect(draft).toBeDisabled();

    await userEvent.selectOptions(select, 'Mid-term pulse');
    await userEvent.click(draft);
    await waitFor(() => expect(history.location.pathname).toBe('/manage/programs/p2/surveys/new-1'));
    expect(sent).toEqual([{ programId: 'p2', fromSurveyId: 's0', commandId: expect.any(String) as string }]);
  });

  it('offers this program’s surveys alone when last term’s program is not the manager’s', async () => {
    await renderPage([
      surveysOf('p2', 'Autumn 2027', 'p1', [survey('s2', 'Welcome check')]),
      {
        request: { query: PROGRAM_SURVEYS, variables: { programId: 'p1' } },
        result: { errors: [new GraphQLError('No such program.', { extensions: { code: 'NOT_FOUND' } })] },
      },
    ]);
    const select = await screen.findByRole('combobox', { name: /Earlier survey/ });
    expect(within(select).getByRole('group', { name: 'Autumn 2027' })).toBeInTheDocument();
    expect(within(select).queryByRole('group', { name: 'Spring 2027' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
