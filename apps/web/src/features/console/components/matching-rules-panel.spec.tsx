import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../../gql';
import type { ChangeMatchingRulesMutationVariables, MatchingRulesPreviewQueryVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CHANGE_MATCHING_RULES } from '../api/console-mutations';
import { MATCHING_RULES_PREVIEW } from '../api/console-queries';
import { MatchingRulesPanel, MatchingRulesPanelRules } from './matching-rules-panel';

const savedRules = {
  __typename: 'MatchingRules' as const,
  objective: 'BEST_TOTAL' as const,
  weights: [
    { __typename: 'FactorWeight' as const, factor: 'SKILLS' as const, weight: 4 },
    { __typename: 'FactorWeight' as const, factor: 'FIELD' as const, weight: 2 },
  ],
  hardRules: {
    __typename: 'HardRules' as const,
    maxTimezoneGapHours: null,
    minSeniorityGap: null,
    reportingLineExcluded: true,
    sameDepartmentNotAllowed: false,
    sharedLanguageRequired: true,
  },
};
const rules = makeFragmentData(savedRules, MatchingRulesPanelRules);

const skillsWeight = (variables: MatchingRulesPreviewQueryVariables) => {
  const weights = variables.rules?.weights ?? [];
  return weights.find((w) => w.factor === 'skills')?.weight;
};

const metrics = (coverage: number, meanScore: number) => ({
  __typename: 'RoundOutcomeMetrics' as const,
  coverage,
  meanScore,
});

/** The comparison answers by the skills weight it is asked about, as often as it is asked. */
function previewing(weight: number, changedCount: number): MockLink.MockedResponse {
  return {
    request: {
      query: MATCHING_RULES_PREVIEW,
      variables: (variables: MatchingRulesPreviewQueryVariables) => skillsWeight(variables) === weight,
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: {
      data: {
        compareMatchingRound: {
          __typename: 'MatchingRoundComparison',
          roundId: 'round-1',
          changedCount,
          keptCount: 20 - changedCount,
          newlyMatchedCount: changedCount === 0 ? 0 : 2,
          newlyUnmatchedCount: changedCount === 0 ? 0 : 1,
          metricsBefore: metrics(0.8, 0.6),
          metricsAfter: changedCount === 0 ? metrics(0.8, 0.6) : metrics(0.85, 0.64),
        },
      },
    },
  };
}

function saving(sent: ChangeMatchingRulesMutationVariables[], result: MockLink.MockedResponse['result']) {
  return {
    request: {
      query: CHANGE_MATCHING_RULES,
      variables: (variables: ChangeMatchingRulesMutationVariables) => {
        sent.push(variables);
        return true;
      },
    },
    result,
  };
}

const renderPanel = (mocks: MockLink.MockedResponse[], roundId: string | null = 'round-1') =>
  renderWithProviders(
    <MockedProvider mocks={mocks}>
      <MatchingRulesPanel programId="prog-1" rules={rules} roundId={roundId} />
    </MockedProvider>,
  );

describe('matching rules tab', () => {
  it('previews on the last round how many pairs a heavier skills weight would change', async () => {
    await renderPanel([previewing(4, 0), previewing(4.5, 12)]);
    expect(await screen.findByText('0 pairs would change', {}, { timeout: 2000 })).toBeInTheDocument();

    const skills = screen.getByRole('slider', { name: 'Skills sought and offered' });
    skills.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(skills).toHaveAttribute('aria-valuenow', '4.5');
    expect(screen.getByText('Working out the preview…')).toBeInTheDocument();

    expect(await screen.findByText('12 pairs would change', {}, { timeout: 2000 })).toBeInTheDocument();
    expect(screen.getByText('2 mentees newly matched')).toBeInTheDocument();
    expect(screen.getByText('1 mentee newly unmatched')).toBeInTheDocument();
    expect(screen.getByText('Coverage: 80% → 85%')).toBeInTheDocument();
    expect(screen.getByText('Mean fit: 0.60 → 0.64')).toBeInTheDocument();
    expect(
      screen.getByText(/seniority gap and the reporting-line rule are not part of the preview/),
    ).toBeInTheDocument();
  });

  it('says the preview comes after the first round when there is none to compare with', async () => {
    await renderPanel([], null);
    expect(
      screen.getByText(/preview appears after the program's first computed or published matching round/),
    ).toBeInTheDocument();
  });

  it('saves the edited rules once changed, and discarding brings the saved ones back', async () => {
    const sent: ChangeMatchingRulesMutationVariables[] = [];
    await renderPanel([
      previewing(4, 0),
      saving(sent, {
        data: { changeMatchingRules: { __typename: 'Program', id: 'prog-1', matchingRules: savedRules } },
      }),
    ]);
    const save = screen.getByRole('button', { name: 'Save rules' });
    expect(save).toBeDisabled();

    await userEvent.click(
      screen.getByRole('switch', { name: 'Mentor and mentee may not work in the same department' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(
      screen.getByRole('switch', { name: 'Mentor and mentee may not work in the same department' }),
    ).not.toBeChecked();
    expect(save).toBeDisabled();

    await userEvent.type(screen.getByLabelText('Largest time-zone gap (hours)'), '3');
    await userEvent.click(screen.getByRole('radio', { name: /Fairest/ }));
    await userEvent.click(save);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.programId).toBe('prog-1');
    expect(sent[0]?.commandId).toEqual(expect.any(String));
    expect(sent[0]?.rules).toEqual({
      weights: [
        { factor: 'SKILLS', weight: 4 },
        { factor: 'FIELD', weight: 2 },
        { factor: 'AVAILABILITY', weight: 0 },
        { factor: 'LANGUAGES', weight: 0 },
        { factor: 'COMMUNICATION_STYLE', weight: 0 },
        { factor: 'SENIORITY', weight: 0 },
        { factor: 'QUESTIONNAIRE', weight: 0 },
        { factor: 'INTERESTS', weight: 0 },
      ],
      hardRules: {
        sameDepartmentNotAllowed: false,
        reportingLineExcluded: true,
        sharedLanguageRequired: true,
        maxTimezoneGapHours: 3,
        minSeniorityGap: null,
      },
      objective: 'FAIREST',
    });
    expect(save).toBeDisabled();
  });

  it('puts the API’s refusal on the field it names', async () => {
    const sent: ChangeMatchingRulesMutationVariables[] = [];
    await renderPanel([
      previewing(4, 0),
      saving(sent, {
        errors: [
          {
            message: 'The largest allowed timezone gap is between 0 and 24 hours.',
            extensions: { code: 'BAD_USER_INPUT', field: 'hardRules.maxTimezoneGapHours' },
          },
        ],
      }),
    ]);
    const gap = screen.getByLabelText('Largest time-zone gap (hours)');
    await userEvent.type(gap, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await waitFor(() => expect(gap).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('The largest allowed timezone gap is between 0 and 24 hours.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sent).toHaveLength(1);
  });

  it('sends nothing while every weight is 0, and says so under the weights', async () => {
    const sent: ChangeMatchingRulesMutationVariables[] = [];
    await renderPanel([previewing(4, 0), previewing(0, 5), saving(sent, { data: null })]);
    for (const name of ['Skills sought and offered', 'Field of work']) {
      screen.getByRole('slider', { name }).focus();
      await userEvent.keyboard('{Home}');
    }
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(screen.getByRole('alert')).toHaveTextContent('At least one factor needs a weight above 0.');
    expect(sent).toEqual([]);
  });
});
