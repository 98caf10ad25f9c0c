import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../../gql';
import type { MatchingRulesPreviewQueryVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { CONSOLE_RECENT_ROUNDS, MATCHING_RULES_PREVIEW } from '../api/console-queries';
import { MatchingRulesPanelRules } from './matching-rules-panel';
import { MatchingRulesTab } from './matching-rules-tab';

const savedRules = {
  __typename: 'MatchingRules' as const,
  objective: 'BEST_TOTAL' as const,
  weights: [{ __typename: 'FactorWeight' as const, factor: 'SKILLS' as const, weight: 4 }],
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

const rounds = (nodes: Array<{ id: string; status: string }>): MockLink.MockedResponse => ({
  request: { query: CONSOLE_RECENT_ROUNDS, variables: { programId: 'prog-1' } },
  result: {
    data: {
      matchingRounds: {
        __typename: 'MatchingRoundPage',
        nodes: nodes.map((n) => ({ __typename: 'MatchingRoundSummary', ...n })),
      },
    },
  },
});

const metrics = { __typename: 'RoundOutcomeMetrics', coverage: 0.8, meanScore: 0.6 };

describe('matching rules tab with the program’s rounds', () => {
  it('previews on the newest computed or published round, passing over a discarded one', async () => {
    const asked: string[] = [];
    await renderWithProviders(
      <MockedProvider
        mocks={[
          rounds([
            { id: 'r-discarded', status: 'DISCARDED' },
            { id: 'r-computed', status: 'COMPUTED' },
            { id: 'r-published', status: 'PUBLISHED' },
          ]),
          {
            request: {
              query: MATCHING_RULES_PREVIEW,
              variables: (variables: MatchingRulesPreviewQueryVariables) => {
                asked.push(String(variables.roundId));
                return true;
              },
            },
            maxUsageCount: Number.POSITIVE_INFINITY,
            result: {
              data: {
                compareMatchingRound: {
                  __typename: 'MatchingRoundComparison',
                  roundId: 'r-computed',
                  changedCount: 3,
                  keptCount: 17,
                  newlyMatchedCount: 1,
                  newlyUnmatchedCount: 0,
                  metricsBefore: metrics,
                  metricsAfter: metrics,
                },
              },
            },
          },
        ]}
      >
        <MatchingRulesTab programId="prog-1" rules={rules} />
      </MockedProvider>,
    );
    expect(await screen.findByText('3 pairs would change', {}, { timeout: 2000 })).toBeInTheDocument();
    expect(new Set(asked)).toEqual(new Set(['r-computed']));
  });

  it('says the preview waits for a round when the program has no computed or published one', async () => {
    await renderWithProviders(
      <MockedProvider mocks={[rounds([{ id: 'r-discarded', status: 'DISCARDED' }])]}>
        <MatchingRulesTab programId="prog-1" rules={rules} />
      </MockedProvider>,
    );
    expect(
      await screen.findByText(/preview appears after the program's first computed or published matching round/),
    ).toBeInTheDocument();
  });
});
