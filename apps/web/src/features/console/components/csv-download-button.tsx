import { useApolloClient } from '@apollo/client/react';
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightTable, ProgramInsightsQueryVariables } from '../../../gql/graphql';
import { PROGRAM_INSIGHTS_CSV } from '../api/insights-queries';

/** Hands the browser a text as a file to save, under the given name. */
export function saveTextFile(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the file only after click() returns; the URL is released once they surely have.
  window.setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

/**
 * One insights table as the API writes it: the CSV comes from the same computation as the figures on screen, with
 * the same filters, so the file and the screen cannot disagree.
 */
export function CsvDownloadButton(props: {
  table: InsightTable;
  tableName: string;
  variables: ProgramInsightsQueryVariables;
  fileName: string;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const download = async () => {
    setState('loading');
    try {
      const result = await client.query({
        query: PROGRAM_INSIGHTS_CSV,
        variables: { ...props.variables, table: props.table },
        fetchPolicy: 'network-only',
      });
      if (!result.data) throw new Error('no CSV');
      saveTextFile(result.data.programInsightsCsv, props.fileName);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <Button variant="default" size="compact-sm" loading={state === 'loading'} onClick={() => void download()}>
        {t('console.insights.download', { table: props.tableName })}
      </Button>
      {state === 'failed' && (
        <Text role="alert" c="red" size="sm">
          {t('console.insights.downloadFailed')}
        </Text>
      )}
    </>
  );
}
