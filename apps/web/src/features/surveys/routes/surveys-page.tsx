import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { formatDate } from '../../../lib/format';
import { PROGRAM_SURVEYS } from '../api/survey-queries';
import { CopySurveyForm, type EarlierSurveys } from '../components/copy-survey-form';
import { CreateSurveyForm } from '../components/create-survey-form';
import { SurveyStatusBadge } from '../components/survey-status-badge';
import { ConsolePageFailure } from '../../console/components/console-page-failure';

/**
 * A program's surveys with their status, and where a manager drafts a new one, blank or as a new version of an
 * earlier survey of this program or of the program it was copied from (last term).
 */
export function SurveysPage({ programId }: { programId: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(PROGRAM_SURVEYS, {
    variables: { programId },
    fetchPolicy: 'cache-and-network',
  });
  const lastTermId = data?.program.copiedFromProgramId ?? null;
  // A manager of this term who does not manage last term's program is refused its surveys: then there is nothing
  // of last term to start from, which is no failure of this page.
  const lastTerm = useQuery(PROGRAM_SURVEYS, {
    variables: { programId: lastTermId ?? '' },
    skip: lastTermId === null,
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data) {
    return (
      <ConsolePageFailure
        error={error}
        heading={t('surveys.page.headingPlain')}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <LoadingState label={t('surveys.page.loading')} />;
  const { program, surveys } = data;
  const earlier: EarlierSurveys[] = [
    { programName: program.name, surveys },
    ...(lastTerm.data ? [{ programName: lastTerm.data.program.name, surveys: lastTerm.data.surveys }] : []),
  ];
  return (
    <Stack gap="lg">
      <div>
        <Anchor size="sm" renderRoot={(p) => <Link {...p} to="/manage/programs/$programId" params={{ programId }} />}>
          {t('surveys.page.backToConsole')}
        </Anchor>
        <PageHeading>{t('surveys.page.heading', { program: program.name })}</PageHeading>
        <Text>{t('surveys.page.intro')}</Text>
      </div>
      <section aria-labelledby="new-survey">
        <Title order={2} id="new-survey" mb="sm">
          {t('surveys.create.heading')}
        </Title>
        <CreateSurveyForm programId={programId} />
        {earlier.some((group) => group.surveys.length > 0) && (
          <>
            <Text mt="md" mb="xs">
              {t('surveys.copy.intro')}
            </Text>
            <CopySurveyForm programId={programId} earlier={earlier} />
          </>
        )}
      </section>
      <section aria-labelledby="program-surveys">
        <Title order={2} id="program-surveys" mb="sm">
          {t('surveys.page.listHeading')}
        </Title>
        {surveys.length === 0 ? (
          <Text>{t('surveys.page.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('surveys.page.columns.title')}</Table.Th>
                  <Table.Th scope="col">{t('surveys.page.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('surveys.page.columns.questions')}</Table.Th>
                  <Table.Th scope="col">{t('surveys.page.columns.results')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {surveys.map((survey) => (
                  <Table.Tr key={survey.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor
                        renderRoot={(p) => (
                          <Link
                            {...p}
                            to="/manage/programs/$programId/surveys/$surveyId"
                            params={{ programId, surveyId: survey.id }}
                          />
                        )}
                      >
                        {survey.title}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <Group gap="xs" wrap="wrap">
                        <SurveyStatusBadge status={survey.status} />
                        {survey.publishedAt && (
                          <Text size="sm" c="dimmed">
                            {t('surveys.page.publishedOn', { date: formatDate(survey.publishedAt, i18n.language) })}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{survey.questions.length}</Table.Td>
                    <Table.Td>
                      {survey.status === 'DRAFT' ? (
                        <Text size="sm" c="dimmed">
                          {t('surveys.page.noResultsYet')}
                        </Text>
                      ) : (
                        <Anchor
                          renderRoot={(p) => (
                            <Link
                              {...p}
                              to="/manage/programs/$programId/surveys/$surveyId/results"
                              params={{ programId, surveyId: survey.id }}
                            />
                          )}
                        >
                          {t('surveys.page.resultsLink', { title: survey.title })}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
