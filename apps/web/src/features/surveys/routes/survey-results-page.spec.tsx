import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { endOfDay } from '../../../lib/day-bounds';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { calendarDayIn } from '../../../lib/time-zones';
import { renderInRouter } from '../../../test/render';
import { SURVEY_RESULTS, SURVEY_TERM_COMPARISON } from '../api/survey-queries';
import { SurveyResultsPage } from './survey-results-page';

const questions = [
  {
    __typename: 'SurveyQuestion' as const,
    questionId: 'q1',
    number: 1,
    kind: 'NPS',
    prompt: 'Would you recommend it?',
    required: true,
    options: [],
    lowLabel: null,
    highLabel: null,
  },
];

const figures = (score: number) => ({
  __typename: 'SurveyQuestionResult' as const,
  questionId: 'q1',
  kind: 'NPS',
  status: 'SHOWN',
  note: null,
  answered: 6,
  distribution: [{ __typename: 'SurveyValueCount' as const, value: 9, count: 6 }],
  mean: null,
  promoters: 6,
  passives: 0,
  detractors: 0,
  score,
  options: null,
  texts: null,
});

const hidden = (cohortId: string | null) => ({
  __typename: 'SurveyResultGroup' as const,
  cohortId,
  status: 'HIDDEN',
  note: 'hidden: n < 5',
  respondents: null,
  questions: [],
});

const response = (
  groupBy: 'COHORT' | null,
  groups: unknown[],
  { asOf = null, previousSurveyId = null }: { asOf?: string | null; previousSurveyId?: string | null } = {},
): MockLink.MockedResponse => ({
  request: { query: SURVEY_RESULTS, variables: { programId: 'p1', surveyId: 's1', groupBy, asOf } },
  result: {
    data: {
      program: {
        __typename: 'Program',
        id: 'p1',
        name: 'Spring',
        cohorts: [
          { __typename: 'Cohort', cohortId: 'c1', name: 'Autumn intake' },
          { __typename: 'Cohort', cohortId: 'c2', name: 'Spring intake' },
        ],
      },
      survey: { __typename: 'Survey', id: 's1', title: 'Check-in', status: 'PUBLISHED', previousSurveyId, questions },
      surveyResults: {
        __typename: 'SurveyResults',
        surveyId: 's1',
        asOf: asOf ?? '2027-03-01T10:00:00Z',
        minRespondents: 5,
        groups,
      },
    },
  },
});

const renderPage = (mocks: MockLink.MockedResponse[]) =>
  renderInRouter(
    <MockedProvider mocks={mocks}>
      <SurveyResultsPage programId="p1" surveyId="s1" />
    </MockedProvider>,
  );

describe('the survey results page', () => {
  it('says plainly that the figures are hidden below the threshold, and shows none', async () => {
    await renderPage([response(null, [hidden(null)])]);
    expect(await screen.findByText('Hidden: fewer than 5 answers so far.')).toBeInTheDocument();
    expect(screen.queryByText(/^NPS/)).not.toBeInTheDocument();
  });

  it('compares cohorts side by side, a cohort below the threshold hidden', async () => {
    await renderPage([
      response(null, [
        {
          __typename: 'SurveyResultGroup',
          cohortId: null,
          status: 'SHOWN',
          note: null,
          respondents: 9,
          questions: [figures(100)],
        },
      ]),
      response('COHORT', [
        {
          __typename: 'SurveyResultGroup',
          cohortId: 'c1',
          status: 'SHOWN',
          note: null,
          respondents: 6,
          questions: [figures(50)],
        },
        hidden('c2'),
      ]),
    ]);
    expect(await screen.findByText('NPS 100')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Compare cohorts'));
    const table = await screen.findByRole('table', { name: /headline figure of each question per cohort/ });
    const row = within(table).getByRole('row', { name: /Would you recommend it/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['NPS 50', 'hidden: fewer than 5 answers']);
    expect(within(table).getByRole('columnheader', { name: /Autumn intake/ })).toHaveTextContent('6 people answered');
  });

  it('compares with last term’s survey, and shows both as they stood at the end of a day picked', async () => {
    const shown = (score: number) => ({
      __typename: 'SurveyResultGroup',
      cohortId: null,
      status: 'SHOWN',
      note: null,
      respondents: 6,
      questions: [figures(score)],
    });
    const comparison = (asOf: string | null, change: Record<string, unknown>): MockLink.MockedResponse => ({
      request: { query: SURVEY_TERM_COMPARISON, variables: { surveyId: 's1', asOf } },
      result: {
        data: {
          surveyTermComparison: {
            __typename: 'SurveyTermComparison',
            previousSurveyId: 'old',
            previousTitle: 'Check-in (last spring)',
            asOf: asOf ?? '2027-03-01T10:00:00Z',
            respondents: 6,
            previousRespondents: 8,
            ...change,
          },
        },
      },
    });
    const yesterday = calendarDayIn(new Date(Date.now() - 86_400_000), detectedTimeZone());
    const endOfYesterday = endOfDay(yesterday, detectedTimeZone());
    await renderPage([
      response(null, [shown(40)], { previousSurveyId: 'old' }),
      comparison(null, {
        status: 'SHOWN',
        hiddenSides: [],
        questions: [
          {
            __typename: 'SurveyQuestionChange',
            questionId: 'q1',
            status: 'SHOWN',
            hiddenSides: [],
            current: 40,
            previous: 0,
            delta: 40,
            options: null,
          },
        ],
      }),
      response(null, [hidden(null)], { previousSurveyId: 'old', asOf: endOfYesterday }),
      comparison(endOfYesterday, { status: 'HIDDEN', hiddenSides: ['CURRENT'], questions: [] }),
    ]);
    const table = await screen.findByRole('table', { name: /This term: 6 people answered; the earlier survey: 8/ });
    expect(screen.getByRole('heading', { name: 'Compared with “Check-in (last spring)”' })).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /Would you recommend it/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['40', '0', '+40']);

    await userEvent.type(screen.getByLabelText('Figures as of'), yesterday);
    expect(await screen.findByText('Hidden: fewer than 5 answers so far.')).toBeInTheDocument();
    expect(
      await screen.findByText('This survey has fewer than 5 answers so far, so no change is shown.'),
    ).toBeInTheDocument();
  });
});
