import { useQuery } from '@apollo/client/react';
import { Alert, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import type { SurveyQuestion_FieldsFragment } from '../../../gql/graphql';
import { formatDecimal } from '../../../lib/format';
import { SURVEY_TERM_COMPARISON } from '../api/survey-queries';
import { type ChangeRow, changeRows } from '../lib/term-change-rows';

/**
 * This term against the earlier survey this one was copied from, as of the day the page shows. Each side is counted
 * under its own threshold, and no change is shown beside a hidden side: it would give the hidden figure away.
 */
export function TermComparison(props: {
  surveyId: string;
  asOf: string | undefined;
  questions: readonly SurveyQuestion_FieldsFragment[];
  minRespondents: number;
}) {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(SURVEY_TERM_COMPARISON, {
    variables: { surveyId: props.surveyId, asOf: props.asOf ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const heading = (
    <Title order={2} id="term-comparison" mb="sm">
      {data?.surveyTermComparison
        ? t('surveys.terms.heading', { title: data.surveyTermComparison.previousTitle })
        : t('surveys.terms.headingPlain')}
    </Title>
  );
  if (error && !data) {
    return (
      <section aria-labelledby="term-comparison">
        {heading}
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      </section>
    );
  }
  if (!data) return <LoadingState label={t('surveys.terms.loading')} />;
  const comparison = data.surveyTermComparison;
  if (!comparison) return null;
  const lang = i18n.language;
  const number = (value: number | null, unit: ChangeRow['unit']) =>
    value === null
      ? t('surveys.terms.notAsked')
      : unit === 'percent'
        ? t('surveys.terms.percent', { value: formatDecimal(value, lang, 0) })
        : formatDecimal(value, lang, unit === 'nps' ? 0 : 1);
  const change = (row: ChangeRow) => {
    if (row.status === 'HIDDEN') return t('surveys.terms.hiddenShort', { count: props.minRespondents });
    if (row.status === 'NOT_COMPARABLE' || row.delta === null) return t('surveys.terms.notComparable');
    const digits = row.unit === 'mean' ? 1 : 0;
    const magnitude = formatDecimal(Math.abs(row.delta), lang, digits);
    const signed = row.delta > 0 ? `+${magnitude}` : row.delta < 0 ? `−${magnitude}` : magnitude;
    return row.unit === 'percent' ? t('surveys.terms.points', { value: signed }) : signed;
  };
  return (
    <section aria-labelledby="term-comparison">
      {heading}
      {comparison.status === 'HIDDEN' ? (
        <Alert color="gray" variant="light" title={t('surveys.terms.hiddenTitle')}>
          {comparison.hiddenSides.includes('CURRENT')
            ? t('surveys.terms.hiddenCurrent', { count: props.minRespondents })
            : t('surveys.terms.hiddenPrevious', { count: props.minRespondents })}
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Caption>
              {t('surveys.terms.caption', {
                current: comparison.respondents ?? 0,
                previous: comparison.previousRespondents ?? 0,
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('surveys.results.question')}</Table.Th>
                <Table.Th scope="col">{t('surveys.terms.thisTerm')}</Table.Th>
                <Table.Th scope="col">{t('surveys.terms.lastTerm')}</Table.Th>
                <Table.Th scope="col">{t('surveys.terms.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changeRows(props.questions, comparison.questions).map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={400}>
                    {row.label}
                    {row.unit === 'nps' && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t('surveys.terms.npsUnit')}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{row.status === 'SHOWN' ? number(row.current, row.unit) : '—'}</Table.Td>
                  <Table.Td>{row.status === 'SHOWN' ? number(row.previous, row.unit) : '—'}</Table.Td>
                  <Table.Td>{change(row)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
