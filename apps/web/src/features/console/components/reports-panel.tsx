import { useQuery } from '@apollo/client/react';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { CONSOLE_REPORTS } from '../api/moderation-queries';
import { ReportCard } from './report-card';

/** The program's open reports of conversation messages, oldest first; a report leaves once hidden or dismissed. */
export function ReportsPanel({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(CONSOLE_REPORTS, { variables: { programId } });
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <LoadingState label={t('console.reports.loading')} />;
  return (
    <Card withBorder component="section" aria-labelledby="reports-heading">
      <Stack>
        <Title order={3} id="reports-heading">
          {t('console.reports.heading')}
        </Title>
        <Text size="sm">{t('console.reports.intro')}</Text>
        {data.reportedMessages.length === 0 ? (
          <Text>{t('console.reports.empty')}</Text>
        ) : (
          data.reportedMessages.map((report) => <ReportCard key={report.id} report={report} />)
        )}
      </Stack>
    </Card>
  );
}
