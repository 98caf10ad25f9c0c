import { Alert, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatNumber, formatPercent } from '../../../lib/format';
import { InsightChart } from '../../console/components/insight-chart';
import type { QuestionFigures } from '../lib/results-csv';
import { BarList } from './bar-list';
import type { ShownQuestion } from './survey-question-field';

export type ResultFigures = QuestionFigures & { texts?: readonly string[] | null };

/**
 * One question's figures: the NPS and its three groups, a scale's mean, each value's or option's count as bars with
 * the same numbers as a table, and free texts without names. Hidden figures say why, and nothing else.
 */
export function QuestionResult(props: { question: ShownQuestion; figures: ResultFigures; minRespondents: number }) {
  const { t, i18n } = useTranslation();
  const { question, figures } = props;
  const lang = i18n.language;
  const heading = `${question.number}. ${question.prompt}`;
  if (figures.status === 'HIDDEN') {
    return (
      <Stack gap="xs">
        <Title order={3} size="h4">
          {heading}
        </Title>
        <Alert color="gray" variant="light">
          {t('surveys.results.questionHidden', { count: props.minRespondents })}
        </Alert>
      </Stack>
    );
  }
  const answered = figures.answered ?? 0;
  const share = (count: number) => (answered > 0 ? count / answered : 0);
  const distribution = figures.distribution ?? [];
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {heading}
      </Title>
      <Text size="sm" c="dimmed">
        {t('surveys.results.answered', { count: answered })}
      </Text>
      {question.kind === 'NPS' && figures.score !== null && figures.score !== undefined && (
        <Group gap="xl" wrap="wrap">
          <Text size="xl" fw={700}>
            {t('surveys.results.nps', { score: formatDecimal(figures.score, lang, 0) })}
          </Text>
          <Text size="sm">
            {t('surveys.results.npsGroups', {
              promoters: figures.promoters ?? 0,
              passives: figures.passives ?? 0,
              detractors: figures.detractors ?? 0,
            })}
          </Text>
        </Group>
      )}
      {question.kind === 'SCALE' && figures.mean !== null && figures.mean !== undefined && (
        <Text size="lg" fw={700}>
          {t('surveys.results.mean', { mean: formatDecimal(figures.mean, lang, 1) })}
        </Text>
      )}
      {distribution.length > 0 && (
        <InsightChart
          title={t('surveys.results.distribution', { number: question.number })}
          columns={[t('surveys.results.value'), t('surveys.results.count'), t('surveys.results.share')]}
          rows={distribution.map((d) => ({
            key: String(d.value),
            cells: [
              question.kind === 'SCALE' && (d.value === 1 || d.value === 5)
                ? `${d.value} (${d.value === 1 ? (question.lowLabel ?? '') : (question.highLabel ?? '')})`
                : String(d.value),
              formatNumber(d.count, lang),
              formatPercent(share(d.count), lang),
            ],
          }))}
        >
          <BarList
            bars={distribution.map((d) => ({
              key: String(d.value),
              label: String(d.value),
              share: share(d.count),
              text: `${formatNumber(d.count, lang)} · ${formatPercent(share(d.count), lang)}`,
            }))}
          />
        </InsightChart>
      )}
      {figures.options && figures.options.length > 0 && (
        <InsightChart
          title={t('surveys.results.options', { number: question.number })}
          columns={[t('surveys.results.option'), t('surveys.results.count'), t('surveys.results.share')]}
          rows={figures.options.map((o) => ({
            key: o.label,
            cells: [o.label, formatNumber(o.count, lang), formatPercent(o.percent / 100, lang)],
          }))}
        >
          <BarList
            bars={figures.options.map((o) => ({
              key: o.label,
              label: o.label,
              share: o.percent / 100,
              text: `${formatNumber(o.count, lang)} · ${formatPercent(o.percent / 100, lang)}`,
            }))}
          />
        </InsightChart>
      )}
      {figures.texts &&
        (figures.texts.length === 0 ? (
          <Text size="sm">{t('surveys.results.noTexts')}</Text>
        ) : (
          <List spacing={4} aria-label={t('surveys.results.texts', { number: question.number })}>
            {figures.texts.map((text, index) => (
              <List.Item key={index} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {text}
              </List.Item>
            ))}
          </List>
        ))}
    </Stack>
  );
}
