import { useQuery } from '@apollo/client/react';
import { Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { formatNumber } from '../../../lib/format';
import { CONSOLE_ENGAGEMENT } from '../api/engagement-queries';
import { closureReasonKey } from '../lib/health-reasons';
import { EngagementPairRow } from './engagement-pair-row';

/**
 * The program's pairs that need attention (stalled first, then at risk) with a nudge each, and why mentorships
 * ended. The figures are the insights' (docs/insights.md): the last health verdict of each active mentorship.
 */
export function EngagementPanel({ programId }: { programId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { data, error, refetch } = useQuery(CONSOLE_ENGAGEMENT, { variables: { programId } });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <LoadingState label={t('console.engagement.loading')} />;
  const { engagement, outcomes } = data.programInsights;

  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="engagement-pairs-heading">
        <Stack>
          <Title order={3} id="engagement-pairs-heading">
            {t('console.engagement.heading')}
          </Title>
          <Text>
            {t('console.engagement.summary', {
              active: formatNumber(engagement.activeMentorships, locale),
              stalled: formatNumber(engagement.stalled, locale),
              atRisk: formatNumber(engagement.atRisk, locale),
            })}
          </Text>
          {engagement.atRiskPairs.length === 0 ? (
            <Text>{t('console.engagement.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('console.engagement.columns.pair')}</Table.Th>
                    <Table.Th>{t('console.engagement.columns.status')}</Table.Th>
                    <Table.Th>{t('console.engagement.columns.reasons')}</Table.Th>
                    <Table.Th>{t('console.engagement.columns.since')}</Table.Th>
                    <Table.Th>{t('console.engagement.columns.nudge')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {engagement.atRiskPairs.map((pair) => (
                    <EngagementPairRow key={pair.mentorshipId} pair={pair} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Text size="sm" c="dimmed">
            {t('console.engagement.nudgeHint')}
          </Text>
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="engagement-ended-heading">
        <Stack>
          <Title order={3} id="engagement-ended-heading">
            {t('console.engagement.ended.heading')}
          </Title>
          {outcomes.closuresByReason.length === 0 ? (
            <Text>{t('console.engagement.ended.empty')}</Text>
          ) : (
            <List size="sm">
              {outcomes.closuresByReason.map((closure) => (
                <List.Item key={closure.key}>
                  {t('console.engagement.ended.count', {
                    reason: t(closureReasonKey(closure.key)),
                    count: closure.count,
                    formatted: formatNumber(closure.count, locale),
                  })}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
