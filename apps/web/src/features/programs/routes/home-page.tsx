import { useQuery } from '@apollo/client/react';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { AgendaSection } from '../../agenda/components/agenda-section';
import { UnreadMessages } from '../../conversations/components/unread-messages';
import { NeedsYouSection } from '../../proposals/components/needs-you-section';
import { SurveysToAnswer } from '../../surveys/components/surveys-to-answer';
import { joinablePrograms, MY_PROGRAMS, myPrograms } from '../api/my-programs-query';
import { ProgramCard } from '../components/program-card';

/** The signed-in person's start page: what needs them now and what is coming up, then their programs. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading, refetch } = useQuery(MY_PROGRAMS, { notifyOnNetworkStatusChange: true });
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);

  let content;
  if (error) content = <QueryError error={error} onRetry={retry} />;
  else if (loading || !data) content = <LoadingState label={t('home.loading')} />;
  else {
    const programs = myPrograms(data, i18n.language);
    const joinable = joinablePrograms(data, i18n.language);
    const mine = programs.length ? (
      <Stack>
        <Text c="dimmed">{t('home.count', { count: programs.length })}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {programs.map(({ program, participation, managed }) => (
            <ProgramCard key={program.id} program={program} participation={participation} managed={managed} />
          ))}
        </SimpleGrid>
      </Stack>
    ) : (
      <Text>{joinable.length ? t('home.emptyCanJoin') : t('home.empty')}</Text>
    );
    content = (
      <Stack gap="xl">
        {mine}
        {joinable.length > 0 && (
          <section aria-labelledby="joinable">
            <Title order={2} size="h3" id="joinable" mb="sm">
              {t('home.joinable')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {joinable.map((program) => (
                <ProgramCard key={program.id} program={program} managed={false} joinable />
              ))}
            </SimpleGrid>
          </section>
        )}
      </Stack>
    );
  }
  return (
    <>
      <PageHeading>{t('home.heading')}</PageHeading>
      <Stack gap="xl">
        <NeedsYouSection>
          <UnreadMessages />
          <SurveysToAnswer />
          <AgendaSection />
        </NeedsYouSection>
        {content}
      </Stack>
    </>
  );
}
