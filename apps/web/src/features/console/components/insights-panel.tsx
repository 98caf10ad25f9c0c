import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useQuery } from '@apollo/client/react';
import { NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { formatDate, formatNumber } from '../../../lib/format';
import { calendarDayIn } from '../../../lib/time-zones';
import { PROGRAM_INSIGHTS } from '../api/insights-queries';
import { closureReasonKey, declineReasonKey, healthReasonKey } from '../lib/health-reasons';
import {
  chartRows,
  engagementFigures,
  enrollmentFigures,
  feedbackRatings,
  type FigureRow,
  goalOutcomes,
  type InsightsFilterState,
  insightsVariables,
  matchingFigures,
  matchingFunnel,
  mentorLoadSeries,
  NO_INSIGHTS_FILTER,
  outcomeFigures,
  sessionActivity,
} from '../lib/insights-figures';
import { EnrollmentTrend } from './enrollment-trend';
import { InsightChart } from './insight-chart';
import { InsightSection, useFigureValue } from './insight-section';

/** Typing a department asks once the typing stops. */
const DEPARTMENT_DEBOUNCE_MS = 400;

/**
 * The program's figures as of a day, for a cohort, a department and a period: each table with its charts, the
 * definition of every figure, and the table as CSV from the API.
 */
export function InsightsPanel(props: {
  programId: string;
  cohorts: ReadonlyArray<{ cohortId: string; name: string }>;
}) {
  const { t, i18n } = useTranslation();
  const declineReasonName = (key: string) => t(`requests.declineReasons.${declineReasonKey(key)}`);
  const locale = i18n.language;
  const [timeZone] = useState(detectedTimeZone);
  // Fixed when the tab opens, so the variables (and the query) stay the same from one render to the next.
  const [now] = useState(() => new Date());
  const today = calendarDayIn(now, timeZone);
  const [filter, setFilter] = useState<InsightsFilterState>(NO_INSIGHTS_FILTER);
  const [department] = useDebouncedValue(filter.department, DEPARTMENT_DEBOUNCE_MS);
  const variables = useMemo(
    () => insightsVariables(props.programId, { ...filter, department }, timeZone, now),
    [props.programId, filter, department, timeZone, now],
  );
  const { data, error, refetch } = useQuery(PROGRAM_INSIGHTS, { variables });
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  const value = useFigureValue();
  const figureName = (key: string) => t(`console.insights.figures.${key}` as 'console.insights.figures.mentors');
  const figureTable = (rows: FigureRow[]) =>
    rows.map((row) => ({ key: row.key, cells: [figureName(row.key), value(row)] }));
  const set = <K extends keyof InsightsFilterState>(key: K, next: InsightsFilterState[K]) =>
    setFilter((previous) => ({ ...previous, [key]: next }));

  const filters = (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
      <TextInput
        type="date"
        label={t('console.insights.asOf')}
        description={t('console.insights.asOfHint', { zone: timeZone })}
        max={today}
        value={filter.asOfDay}
        onChange={(e) => set('asOfDay', e.currentTarget.value)}
      />
      <NativeSelect
        label={t('console.insights.cohort')}
        value={filter.cohortId}
        data={[
          { value: '', label: t('console.insights.any') },
          ...props.cohorts.map((c) => ({ value: c.cohortId, label: c.name })),
        ]}
        onChange={(e) => set('cohortId', e.currentTarget.value)}
      />
      <TextInput
        label={t('console.insights.department')}
        value={filter.department}
        onChange={(e) => set('department', e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t('console.insights.from')}
        description={t('console.insights.periodHint')}
        value={filter.fromDay}
        onChange={(e) => set('fromDay', e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t('console.insights.to')}
        value={filter.toDay}
        onChange={(e) => set('toDay', e.currentTarget.value)}
      />
    </SimpleGrid>
  );

  let body;
  if (error) body = <QueryError error={error} onRetry={retry} />;
  else if (!data) body = <LoadingState label={t('console.insights.loading')} />;
  else {
    const insights = data.programInsights;
    const asOfDay = filter.asOfDay || calendarDayIn(insights.asOf, timeZone);
    const section = { variables, asOfDay };
    const bars = (rows: FigureRow[], options: { max?: number } = {}) => (
      <BarChart
        h={Math.max(120, rows.length * 36)}
        data={chartRows(rows, figureName)}
        dataKey="figure"
        orientation="vertical"
        yAxisProps={{ width: 180 }}
        {...(options.max !== undefined && { xAxisProps: { domain: [0, options.max] } })}
        series={[{ name: 'value', label: t('console.insights.value'), color: 'indigo.6' }]}
        barChartProps={{ accessibilityLayer: false }}
      />
    );
    const load = mentorLoadSeries(insights.mentorLoad);
    body = (
      <Stack>
        <Text fw={500} role="status">
          {t('console.insights.asOfShown', { date: formatDate(insights.asOf, locale, timeZone) })}
        </Text>
        <InsightSection table="ENROLLMENT" figures={enrollmentFigures(insights.enrollment)} {...section}>
          <EnrollmentTrend
            programId={props.programId}
            asOf={insights.asOf}
            cohortId={filter.cohortId || null}
            department={department.trim() || null}
            timeZone={timeZone}
          />
        </InsightSection>
        <InsightSection
          table="MATCHING"
          figures={matchingFigures(insights.matching)}
          counts={{ figure: 'declineReasons', rows: insights.matching.declineReasons, label: declineReasonName }}
          {...section}
        >
          <InsightChart
            title={t('console.insights.charts.funnel')}
            columns={[t('console.insights.figure'), t('console.insights.value')]}
            rows={figureTable(matchingFunnel(insights.matching))}
          >
            {bars(matchingFunnel(insights.matching))}
          </InsightChart>
        </InsightSection>
        <InsightSection table="ENGAGEMENT" figures={engagementFigures(insights.engagement)} {...section}>
          <InsightChart
            title={t('console.insights.charts.sessions')}
            columns={[t('console.insights.figure'), t('console.insights.value')]}
            rows={figureTable(sessionActivity(insights.engagement))}
          >
            {bars(sessionActivity(insights.engagement))}
          </InsightChart>
        </InsightSection>
        <InsightSection
          table="OUTCOMES"
          figures={outcomeFigures(insights.outcomes)}
          counts={{
            figure: 'closuresByReason',
            rows: insights.outcomes.closuresByReason,
            label: (key) => t(closureReasonKey(key)),
          }}
          {...section}
        >
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <InsightChart
              title={t('console.insights.charts.goals')}
              columns={[t('console.insights.figure'), t('console.insights.value')]}
              rows={figureTable(goalOutcomes(insights.outcomes))}
            >
              {bars(goalOutcomes(insights.outcomes))}
            </InsightChart>
            <InsightChart
              title={t('console.insights.charts.ratings', { count: insights.outcomes.ratingsCount })}
              columns={[t('console.insights.figure'), t('console.insights.value')]}
              rows={figureTable(feedbackRatings(insights.outcomes))}
            >
              {bars(feedbackRatings(insights.outcomes), { max: 5 })}
            </InsightChart>
          </SimpleGrid>
        </InsightSection>
        <InsightSection
          table="MENTOR_LOAD"
          figures={[{ key: 'mentorsAtCapacity', value: insights.mentorLoad.mentorsAtCapacity }]}
          {...section}
        >
          <InsightChart
            title={t('console.insights.charts.mentorLoad')}
            columns={[t('console.insights.menteesPerMentor'), t('console.insights.figures.mentors')]}
            rows={load.map((b) => ({
              key: String(b.mentees),
              cells: [formatNumber(b.mentees, locale), formatNumber(b.mentors, locale)],
            }))}
          >
            <BarChart
              h={200}
              data={load.map((b) => ({ load: formatNumber(b.mentees, locale), mentors: b.mentors }))}
              dataKey="load"
              series={[{ name: 'mentors', label: t('console.insights.figures.mentors'), color: 'teal.6' }]}
              barChartProps={{ accessibilityLayer: false }}
            />
          </InsightChart>
        </InsightSection>
        <InsightSection
          table="AT_RISK_PAIRS"
          figures={[
            { key: 'atRisk', value: insights.engagement.atRisk },
            { key: 'stalled', value: insights.engagement.stalled },
          ]}
          {...section}
        >
          {insights.engagement.atRiskPairs.length === 0 ? (
            <Text size="sm">{t('console.insights.noPairsAtRisk')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table striped withTableBorder>
                <Table.Caption>{t('console.insights.tables.AT_RISK_PAIRS')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('console.insights.pair.mentorship')}</Table.Th>
                    <Table.Th scope="col">{t('console.insights.pair.status')}</Table.Th>
                    <Table.Th scope="col">{t('console.insights.pair.reasons')}</Table.Th>
                    <Table.Th scope="col">{t('console.insights.pair.since')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {insights.engagement.atRiskPairs.map((pair) => (
                    <Table.Tr key={pair.mentorshipId}>
                      <Table.Th scope="row" fw={400}>
                        {t('console.insights.pair.names', {
                          mentor: pair.mentor?.displayName ?? t('console.engagement.unnamed'),
                          mentee: pair.mentee?.displayName ?? t('console.engagement.unnamed'),
                        })}
                      </Table.Th>
                      <Table.Td>{figureName(pair.status === 'stalled' ? 'stalled' : 'atRisk')}</Table.Td>
                      <Table.Td>{pair.reasons.map((reason) => t(healthReasonKey(reason))).join(', ')}</Table.Td>
                      <Table.Td>{formatDate(pair.since, locale, timeZone)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </InsightSection>
      </Stack>
    );
  }
  return (
    <Stack>
      {filters}
      {body}
    </Stack>
  );
}
