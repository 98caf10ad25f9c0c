import { Button, Group, Stack, Table, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartTableRow {
  key: string;
  cells: ReactNode[];
}

/**
 * A chart with its numbers as a table: the drawing is hidden from assistive technology and the keyboard, the table
 * says the same for screen readers at all times and for everyone at the press of a button.
 */
export function InsightChart(props: { title: string; columns: string[]; rows: ChartTableRow[]; children: ReactNode }) {
  const { t } = useTranslation();
  const [showNumbers, setShowNumbers] = useState(false);
  const tableId = useId();
  const table = (
    <Table id={tableId} striped withTableBorder>
      <Table.Caption>{props.title}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {props.columns.map((column) => (
            <Table.Th key={column} scope="col">
              {column}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row) => (
          <Table.Tr key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <Table.Th key={index} scope="row" fw={400}>
                  {cell}
                </Table.Th>
              ) : (
                <Table.Td key={index}>{cell}</Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack gap="xs" component="section" aria-label={props.title}>
      <Group justify="space-between" wrap="wrap">
        <Title order={4}>{props.title}</Title>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-expanded={showNumbers}
          aria-controls={tableId}
          onClick={() => setShowNumbers((shown) => !shown)}
        >
          {t(showNumbers ? 'console.insights.showChart' : 'console.insights.showNumbers')}
        </Button>
      </Group>
      {showNumbers ? table : <div aria-hidden>{props.children}</div>}
      {!showNumbers && <VisuallyHidden>{table}</VisuallyHidden>}
    </Stack>
  );
}
