import { useQuery } from '@apollo/client/react';
import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatNumber, formatPercent } from '../../../lib/format';
import { MATCHING_RULES_PREVIEW } from '../api/console-queries';
import { type RulesDraft, sameRules, toComparisonRules } from '../lib/matching-rules-draft';

/** Long enough that dragging a slider asks once where it stops, short enough to feel immediate. */
export const PREVIEW_DEBOUNCE_MS = 400;

/** What the edited rules would have changed on the program's last round: counts and metrics, re-solved by the API. */
export function MatchingRulesPreview({ roundId, draft }: { roundId: string | null; draft: RulesDraft }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [settled] = useDebouncedValue(draft, PREVIEW_DEBOUNCE_MS);
  const variables = useMemo(
    () => ({ roundId: roundId ?? '', objective: settled.objective, rules: toComparisonRules(settled) }),
    [roundId, settled],
  );
  const { data, loading, error } = useQuery(MATCHING_RULES_PREVIEW, { variables, skip: roundId === null });
  const pending = loading || !sameRules(draft, settled);
  const comparison = data?.compareMatchingRound;

  let body;
  if (roundId === null) body = <Text>{t('console.rules.preview.noRound')}</Text>;
  else if (pending) body = <Text>{t('console.rules.preview.loading')}</Text>;
  else if (error || !comparison) body = <Text>{t('console.rules.preview.failed')}</Text>;
  else {
    const { metricsBefore: before, metricsAfter: after } = comparison;
    body = (
      <Stack gap="xs">
        <Text fw={700} size="lg">
          {t('console.rules.preview.changed', { count: comparison.changedCount })}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            {t('console.rules.preview.newlyMatched', {
              count: comparison.newlyMatchedCount,
              formatted: formatNumber(comparison.newlyMatchedCount, locale),
            })}
          </List.Item>
          <List.Item>
            {t('console.rules.preview.newlyUnmatched', {
              count: comparison.newlyUnmatchedCount,
              formatted: formatNumber(comparison.newlyUnmatchedCount, locale),
            })}
          </List.Item>
          <List.Item>
            {t('console.rules.preview.coverage', {
              before: formatPercent(before.coverage, locale),
              after: formatPercent(after.coverage, locale),
            })}
          </List.Item>
          <List.Item>
            {t('console.rules.preview.meanFit', {
              before: formatDecimal(before.meanScore, locale),
              after: formatDecimal(after.meanScore, locale),
            })}
          </List.Item>
        </List>
      </Stack>
    );
  }

  return (
    <Card withBorder component="section" aria-labelledby="rules-preview-heading">
      <Stack>
        <Title order={3} id="rules-preview-heading">
          {t('console.rules.preview.heading')}
        </Title>
        <div aria-live="polite">{body}</div>
        <Text size="sm" c="dimmed">
          {t('console.rules.preview.notPreviewed')}
        </Text>
      </Stack>
    </Card>
  );
}
