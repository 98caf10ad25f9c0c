import { Card, Group, Stack, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightTable, ProgramInsightsQueryVariables } from '../../../gql/graphql';
import { formatNumber } from '../../../lib/format';
import { type CountRow, csvFileName, type FigureRow } from '../lib/insights-figures';
import { CsvDownloadButton } from './csv-download-button';
import { FigureName } from './figure-definition';

export function useFigureValue(): (row: FigureRow) => string {
  const { t, i18n } = useTranslation();
  return ({ value }) => {
    if (value === null) return t('console.insights.noValue');
    // The API rounds averages and rates itself; showing its digits keeps the screen equal to the CSV.
    return formatNumber(value, i18n.language);
  };
}

/**
 * One table of the insights: its figures, each with its definition, the charts drawn from them, and the same table
 * as a CSV file.
 */
export function InsightSection(props: {
  table: InsightTable;
  figures: FigureRow[];
  /** Counts by a key of the API (a reason code), each shown as `label(key)`: words, not codes. */
  counts?: { figure: string; rows: CountRow[]; label: (key: string) => string };
  variables: ProgramInsightsQueryVariables;
  asOfDay: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const value = useFigureValue();
  const title = t(`console.insights.tables.${props.table}`);
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>{title}</Title>
          <CsvDownloadButton
            table={props.table}
            tableName={title}
            variables={props.variables}
            fileName={csvFileName(props.table, props.asOfDay)}
          />
        </Group>
        {props.children}
        <Table striped withTableBorder>
          <Table.Caption>{t('console.insights.figuresOf', { table: title })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('console.insights.figure')}</Table.Th>
              <Table.Th scope="col">{t('console.insights.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.figures.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={400}>
                  <FigureName figure={row.key} />
                </Table.Th>
                <Table.Td>{value(row)}</Table.Td>
              </Table.Tr>
            ))}
            {props.counts?.rows.map((row) => (
              <Table.Tr key={`${props.counts?.figure}:${row.key}`}>
                <Table.Th scope="row" fw={400}>
                  <FigureName figure={props.counts?.figure ?? ''} detail={props.counts?.label(row.key)} />
                </Table.Th>
                <Table.Td>{formatNumber(row.count, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
