import { useQuery } from '@apollo/client/react';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { MY_PROGRAMS, myPrograms } from '../api/my-programs-query';
import { ProgramCard } from '../components/program-card';

/** The signed-in person's start page: the programs they take part in or manage. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading, refetch } = useQuery(MY_PROGRAMS, { notifyOnNetworkStatusChange: true });
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);

  let content;
  if (error) content = <QueryError error={error} onRetry={retry} />;
  else if (loading || !data) content = <LoadingState label={t('home.loading')} />;
  else {
    const programs = myPrograms(data, i18n.language);
    content = programs.length ? (
      <Stack>
        <Text c="dimmed">{t('home.count', { count: programs.length })}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {programs.map(({ program, participation, managed }) => (
            <ProgramCard key={program.id} program={program} participation={participation} managed={managed} />
          ))}
        </SimpleGrid>
      </Stack>
    ) : (
      <Text>{t('home.empty')}</Text>
    );
  }
  return (
    <>
      <PageHeading>{t('home.heading')}</PageHeading>
      {content}
    </>
  );
}
