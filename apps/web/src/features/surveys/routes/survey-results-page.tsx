import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { getFragmentData } from '../../../gql';
import { asOfForDay } from '../../../lib/day-bounds';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { formatDateTime, formatDecimal, formatPercent } from '../../../lib/format';
import { calendarDayIn } from '../../../lib/time-zones';
import { saveTextFile } from '../../console/components/csv-download-button';
import { SurveyQuestionFields } from '../api/survey-fields';
import { SURVEY_RESULTS } from '../api/survey-queries';
import { QuestionResult } from '../components/question-result';
import { SurveyStatusBadge } from '../components/survey-status-badge';
import { TermComparison } from '../components/term-comparison';
import { type Headline, headline } from '../lib/result-headline';
import { resultsCsv } from '../lib/results-csv';
import { ConsolePageFailure } from '../../console/components/console-page-failure';

type Grouping = 'program' | 'cohort';

/**
 * A survey's anonymous results: the figures of the whole program, or side by side per cohort. A group or question
 * with fewer answers than the program's threshold shows that it is hidden and no figure. The CSV holds exactly the
 * figures on screen (the API offers no export of its own); free texts stay out of it. A past day shows the figures
 * as they stood at its end where the manager is; a survey copied from last term's is compared with it below.
 */
export function SurveyResultsPage({ programId, surveyId }: { programId: string; surveyId: string }) {
  const { t, i18n } = useTranslation();
  const [grouping, setGrouping] = useState<Grouping>('program');
  const timeZone = useMemo(() => detectedTimeZone(), []);
  const today = calendarDayIn(new Date(), timeZone);
  const [asOfDay, setAsOfDay] = useState('');
  const asOf = asOfForDay(asOfDay, timeZone, new Date());
  const { data, error, refetch } = useQuery(SURVEY_RESULTS, {
    variables: { programId, surveyId, groupBy: grouping === 'cohort' ? 'COHORT' : null, asOf: asOf ?? null },
    fetchPolicy: 'cache-and-network',
  });
  if (error && !data) {
    return (
      <ConsolePageFailure
        error={error}
        heading={t('surveys.results.headingPlain')}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <LoadingState label={t('surveys.results.loading')} />;
  const lang = i18n.language;
  const { program, survey, surveyResults: results } = data;
  const questions = getFragmentData(SurveyQuestionFields, survey.questions);
  const cohortName = (cohortId: string | null) =>
    cohortId === null
      ? grouping === 'cohort'
        ? t('surveys.results.noCohort')
        : t('surveys.results.wholeProgram')
      : (program.cohorts.find((c) => c.cohortId === cohortId)?.name ?? cohortId);
  const groups = results.groups.map((g) => ({ ...g, name: cohortName(g.cohortId) }));
  const download = () =>
    saveTextFile(
      resultsCsv(questions, groups),
      `${survey.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'survey'}-results.csv`,
    );
  const headlineText = (h: Headline): string => {
    if (!h) return '—';
    switch (h.kind) {
      case 'nps':
        return t('surveys.results.nps', { score: formatDecimal(h.score, lang, 0) });
      case 'mean':
        return t('surveys.results.mean', { mean: formatDecimal(h.mean, lang, 1) });
      case 'topOption':
        return t('surveys.results.topOption', { label: h.label, share: formatPercent(h.percent / 100, lang) });
    }
  };

  return (
    <Stack gap="lg">
      <div>
        <Anchor
          size="sm"
          renderRoot={(p) => <Link {...p} to="/manage/programs/$programId/surveys" params={{ programId }} />}
        >
          {t('surveys.builder.backToSurveys', { program: program.name })}
        </Anchor>
        <Group align="center" gap="md">
          <PageHeading>{t('surveys.results.heading', { title: survey.title })}</PageHeading>
          <SurveyStatusBadge status={survey.status} />
        </Group>
        <Text>
          {t('surveys.results.intro', { count: results.minRespondents })}{' '}
          {t('surveys.results.asOf', { date: formatDateTime(results.asOf, lang) })}
        </Text>
      </div>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          type="date"
          label={t('surveys.results.asOfDay')}
          description={t('surveys.results.asOfDayHint', { zone: timeZone })}
          max={today}
          value={asOfDay}
          onChange={(e) => setAsOfDay(e.currentTarget.value)}
        />
        {program.cohorts.length > 0 ? (
          <div>
            <Text size="sm" fw={500} id="results-grouping" mb={4}>
              {t('surveys.results.grouping')}
            </Text>
            <SegmentedControl
              aria-labelledby="results-grouping"
              value={grouping}
              onChange={(v) => setGrouping(v as Grouping)}
              data={[
                { value: 'program', label: t('surveys.results.byProgram') },
                { value: 'cohort', label: t('surveys.results.byCohort') },
              ]}
            />
          </div>
        ) : (
          <span />
        )}
        <Button variant="default" onClick={download}>
          {t('surveys.results.download')}
        </Button>
      </Group>

      {grouping === 'program' ? (
        groups.map((group) => (
          <Stack key={group.cohortId ?? 'all'} gap="lg" component="section" aria-label={group.name}>
            {group.status === 'HIDDEN' ? (
              <Alert color="gray" variant="light" title={t('surveys.results.hiddenTitle')}>
                {t('surveys.results.hidden', { count: results.minRespondents })}
              </Alert>
            ) : (
              <>
                <Text fw={600}>{t('surveys.results.respondents', { count: group.respondents ?? 0 })}</Text>
                {questions.map((question) => {
                  const figures = group.questions.find((q) => q.questionId === question.questionId);
                  return figures ? (
                    <div key={question.questionId}>
                      <QuestionResult question={question} figures={figures} minRespondents={results.minRespondents} />
                      <Divider mt="lg" />
                    </div>
                  ) : null;
                })}
              </>
            )}
          </Stack>
        ))
      ) : (
        <section aria-labelledby="cohort-comparison">
          <Title order={2} id="cohort-comparison" mb="sm">
            {t('surveys.results.comparison')}
          </Title>
          <Table.ScrollContainer minWidth={520}>
            <Table striped withTableBorder>
              <Table.Caption>{t('surveys.results.comparisonCaption', { count: results.minRespondents })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('surveys.results.question')}</Table.Th>
                  {groups.map((g) => (
                    <Table.Th scope="col" key={g.cohortId ?? 'none'}>
                      {g.name}
                      <Text size="xs" c="dimmed" fw={400}>
                        {g.status === 'HIDDEN'
                          ? t('surveys.results.hiddenShort', { count: results.minRespondents })
                          : t('surveys.results.respondents', { count: g.respondents ?? 0 })}
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {questions.map((question) => (
                  <Table.Tr key={question.questionId}>
                    <Table.Th scope="row" fw={400}>
                      {question.number}. {question.prompt}
                    </Table.Th>
                    {groups.map((g) => {
                      const figures = g.questions.find((q) => q.questionId === question.questionId);
                      return (
                        <Table.Td key={g.cohortId ?? 'none'}>
                          {g.status === 'HIDDEN' || !figures || figures.status === 'HIDDEN'
                            ? t('surveys.results.hiddenShort', { count: results.minRespondents })
                            : headlineText(headline(question.kind, figures))}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      {survey.previousSurveyId && (
        <TermComparison surveyId={surveyId} asOf={asOf} questions={questions} minRespondents={results.minRespondents} />
      )}
    </Stack>
  );
}
