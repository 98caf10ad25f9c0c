import { LineChart } from '@mantine/charts';
import { useQuery } from '@apollo/client/react';
import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format';
import { ENROLLMENT_TREND } from '../api/insights-queries';
import { trendMoments } from '../lib/insights-figures';
import { InsightChart } from './insight-chart';

/** Mentors, mentees and the waitlist at six moments a week apart, the last being the figures' own. */
export function EnrollmentTrend(props: {
  programId: string;
  asOf: string;
  cohortId?: string | null;
  department?: string | null;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const variables = useMemo(() => {
    const [at0 = '', at1 = '', at2 = '', at3 = '', at4 = '', at5 = ''] = trendMoments(props.asOf);
    return {
      programId: props.programId,
      cohortId: props.cohortId ?? null,
      department: props.department ?? null,
      at0,
      at1,
      at2,
      at3,
      at4,
      at5,
    };
  }, [props.programId, props.asOf, props.cohortId, props.department]);
  const { data, error } = useQuery(ENROLLMENT_TREND, { variables });
  const title = t('console.insights.charts.enrollment');
  if (error) return <Text size="sm">{t('console.insights.trendFailed')}</Text>;
  if (!data) return <Text size="sm">{t('console.insights.loading')}</Text>;
  const points = [data.p0, data.p1, data.p2, data.p3, data.p4, data.p5].map((p) => ({
    day: formatDate(p.asOf, locale, props.timeZone),
    mentors: p.enrollment.mentors,
    mentees: p.enrollment.mentees,
    waitlist: p.enrollment.waitlist,
  }));
  const series = [
    { name: 'mentors', label: t('console.insights.figures.mentors'), color: 'teal.6' },
    { name: 'mentees', label: t('console.insights.figures.mentees'), color: 'indigo.6' },
    { name: 'waitlist', label: t('console.insights.figures.waitlist'), color: 'orange.6' },
  ];
  return (
    <InsightChart
      title={title}
      columns={[t('console.insights.date'), ...series.map((s) => s.label)]}
      rows={points.map((p) => ({
        key: p.day,
        cells: [
          p.day,
          formatNumber(p.mentors, locale),
          formatNumber(p.mentees, locale),
          formatNumber(p.waitlist, locale),
        ],
      }))}
    >
      <LineChart
        h={220}
        data={points}
        dataKey="day"
        series={series}
        withLegend
        lineChartProps={{ accessibilityLayer: false }}
      />
    </InsightChart>
  );
}
