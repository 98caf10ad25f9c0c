import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatNumber, formatPercent } from '../../../lib/format';
import type { MentorLoad, ObjectiveOutcome } from '../lib/round-metrics';

/**
 * The round's outcome beside what the other objectives would give on the same input: coverage, mean and lowest fit,
 * and how evenly the mentors are loaded (only for the round itself: a comparison reports no pairs).
 */
export function RoundMetricsTable(props: { columns: readonly ObjectiveOutcome[]; load: MentorLoad }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const dash = t('rounds.metrics.none');
  const percent = (v: number | null) => (v === null ? dash : formatPercent(v, locale));
  const decimal = (v: number | null) => (v === null ? dash : formatDecimal(v, locale));
  const rows: Array<{
    key: 'coverage' | 'matched' | 'meanScore' | 'minScore' | 'blockingPairs' | 'mentorLoad';
    cell: (c: ObjectiveOutcome) => string;
  }> = [
    { key: 'coverage', cell: (c) => percent(c.coverage) },
    { key: 'matched', cell: (c) => (c.matched === null ? dash : formatNumber(c.matched, locale)) },
    { key: 'meanScore', cell: (c) => decimal(c.meanScore) },
    { key: 'minScore', cell: (c) => decimal(c.minScore) },
    { key: 'blockingPairs', cell: (c) => (c.blockingPairs === null ? dash : formatNumber(c.blockingPairs, locale)) },
    {
      key: 'mentorLoad',
      cell: (c) =>
        c.current
          ? t('rounds.metrics.loadValue', {
              fewest: formatNumber(props.load.fewest, locale),
              most: formatNumber(props.load.most, locale),
              spread: formatNumber(props.load.spread, locale),
            })
          : dash,
    },
  ];
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>
          <Text component="span" size="sm" c="dark.6">
            {t('rounds.metrics.caption')}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rounds.metrics.metric')}</Table.Th>
            {props.columns.map((c) => (
              <Table.Th scope="col" key={c.objective}>
                {t(`rounds.objective.${c.objective}`)}
                {c.current ? ` (${t('rounds.metrics.thisRound')})` : ''}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row">{t(`rounds.metrics.${row.key}`)}</Table.Th>
              {props.columns.map((c) => (
                <Table.Td key={c.objective}>{row.cell(c)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
