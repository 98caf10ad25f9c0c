import { useQuery } from '@apollo/client/react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { ROUNDS_PROGRAM } from '../api/round-queries';
import { RoundsHistory } from '../components/rounds-history';
import { StartRoundForm } from '../components/start-round-form';
import { ConsolePageFailure } from '../../console/components/console-page-failure';

/** Where a program's manager starts a matching round and finds the program's earlier rounds. */
export function RoundsPage({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ROUNDS_PROGRAM, { variables: { programId } });
  if (error && !data) {
    return (
      <ConsolePageFailure
        error={error}
        heading={t('rounds.page.headingPlain')}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <LoadingState label={t('rounds.page.loading')} />;
  const { program } = data;
  return (
    <Stack gap="lg">
      <div>
        <PageHeading>{t('rounds.page.heading', { program: program.name })}</PageHeading>
        <Text>{t('rounds.page.intro')}</Text>
      </div>
      <section aria-labelledby="start-round">
        <Title order={2} id="start-round" mb="sm">
          {t('rounds.start.heading')}
        </Title>
        <StartRoundForm
          programId={program.id}
          defaultObjective={program.matchingRules.objective}
          cohorts={program.cohorts}
        />
      </section>
      <section aria-labelledby="rounds-history">
        <Title order={2} id="rounds-history" mb="sm">
          {t('rounds.earlier.heading')}
        </Title>
        <RoundsHistory programId={program.id} />
      </section>
    </Stack>
  );
}
