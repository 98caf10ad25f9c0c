import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Checkbox, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { formatNumber } from '../../../lib/format';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { IMPORT_PARTICIPANTS } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';
import { parseCsv, previewCsv } from '../lib/csv-preview';
import { importTemplateCsv, REQUIRED_IMPORT_COLUMNS } from '../lib/import-template';
import { chunkCsv, type CsvChunk, type ImportReport, mergeReports } from '../lib/csv-chunks';

const FIELDS: RefusalFields<'file'> = { file: ['csv'] };

/** Characters of a cell the preview shows: a long list of interests would otherwise make each row a page high. */
const PREVIEW_CELL_CHARS = 60;

function PreviewCell(props: { text: string }) {
  if (props.text.length <= PREVIEW_CELL_CHARS) return <Table.Td>{props.text}</Table.Td>;
  return <Table.Td title={props.text}>{`${props.text.slice(0, PREVIEW_CELL_CHARS)}…`}</Table.Td>;
}

/**
 * Enrollment from a CSV file: the file is read in the browser, previewed, and sent as text, in chunks of lines when it
 * is larger than one request can carry. The report names each refused line; with all-or-nothing, one bad line keeps
 * every line of the file out: a file of several chunks is checked whole before any chunk is imported.
 */
export function ImportPanel(props: { programId: string; onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(true);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number; checking: boolean } | null>(null);
  const [importParticipants, importing] = useMutation(IMPORT_PARTICIPANTS);
  const previewCaptionId = useId();
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, FIELDS);
  const preview = useMemo(() => (csv === null ? null : previewCsv(csv, REQUIRED_IMPORT_COLUMNS)), [csv]);
  const records = useMemo(() => (csv === null ? [] : parseCsv(csv)), [csv]);
  const n = (value: number) => formatNumber(value, i18n.language);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    setCsv(chosen ? await chosen.text() : null);
  };
  const sendParts = async (chunks: readonly CsvChunk[], dryRun: boolean): Promise<ImportReport[]> => {
    const total = chunks.reduce((sum, chunk) => sum + chunk.lines, 0);
    const reports: ImportReport[] = [];
    let sent = 0;
    setProgress({ sent, total, checking: dryRun });
    for (const chunk of chunks) {
      const result = await importParticipants({
        // One command per chunk: a retried chunk gets its first report, not "already enrolled" for its people. A check
        // changes nothing and needs none.
        variables: {
          programId: props.programId,
          csv: chunk.csv,
          allOrNothing,
          dryRun,
          commandId: dryRun ? null : newCommandId(),
        },
      });
      const answer = result.data?.importParticipants;
      if (!answer) break;
      reports.push(answer);
      sent += chunk.lines;
      setProgress({ sent, total, checking: dryRun });
      // A check reads on, so that the report names every refused line of the file.
      if (!dryRun && allOrNothing && answer.failed > 0) break;
    }
    return reports;
  };
  const send = async () => {
    if (csv === null) return;
    const chunks = chunkCsv(csv);
    let reports: ImportReport[] = [];
    await run(async () => {
      // All or nothing holds for the whole file, not for each part: every part is checked before the first is
      // imported. What changes in between (the program closing, someone enrolling on their own) can still refuse a
      // line of a later part once earlier parts are in; the report then names it.
      if (allOrNothing && chunks.length > 1) {
        const checks = await sendParts(chunks, true);
        const checked = mergeReports(checks);
        if (checks.length < chunks.length || checked.failed > 0) {
          reports = [{ ...checked, imported: 0 }];
          return;
        }
      }
      reports = await sendParts(chunks, false);
    });
    setProgress(null);
    const merged = reports.length > 0 ? mergeReports(reports) : null;
    setReport(merged);
    if (merged && merged.imported > 0) props.onImported();
  };
  const personOnLine = (line: number) => {
    const record = records[line - 1];
    const column = preview?.header.findIndex((h) => h.toLowerCase() === 'display_name') ?? -1;
    return (record && column >= 0 ? record.cells[column] : undefined) || '—';
  };

  return (
    <Stack>
      <Text>
        {t('console.import.intro')}{' '}
        <Anchor
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(importTemplateCsv())}`}
          download="trellis-participants-template.csv"
        >
          {t('console.import.template')}
        </Anchor>
      </Text>
      <Text size="sm">{t('console.import.columns', { columns: REQUIRED_IMPORT_COLUMNS.join(', ') })}</Text>
      <form onSubmit={(e) => (e.preventDefault(), void send())} noValidate>
        <Stack>
          <FailureAlert failure={refusal.unplaced} />
          <FileInput
            label={t('console.import.file')}
            description={t('console.import.fileHint')}
            accept=".csv,text/csv"
            clearable
            clearButtonProps={{ 'aria-label': t('console.import.clearFile') }}
            value={file}
            error={refusal.errorOn('file')}
            onChange={(chosen) => void choose(chosen)}
          />
          <Checkbox
            label={t('console.import.allOrNothing')}
            description={t('console.import.allOrNothingHint')}
            checked={allOrNothing}
            onChange={(e) => setAllOrNothing(e.currentTarget.checked)}
          />
          {preview && (
            <>
              {preview.missingColumns.length > 0 && (
                <Alert color="orange.9" variant="outline">
                  {t('console.import.missingColumns', { columns: preview.missingColumns.join(', ') })}
                </Alert>
              )}
              {/* Long cells make the preview scroll sideways: the scrolling region takes the keyboard focus. */}
              <Table.ScrollContainer
                minWidth={720}
                scrollAreaProps={{
                  viewportProps: { tabIndex: 0, role: 'region', 'aria-labelledby': previewCaptionId },
                }}
              >
                <Table withTableBorder striped captionSide="top">
                  <Table.Caption id={previewCaptionId}>
                    {t('console.import.previewCaption', {
                      count: preview.rowCount,
                      rows: n(preview.rowCount),
                      shown: n(preview.rows.length),
                    })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('console.import.line')}</Table.Th>
                      {preview.header.map((h, i) => (
                        <Table.Th scope="col" key={`${i}:${h}`}>
                          {h}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.rows.map((row) => (
                      <Table.Tr key={row.line}>
                        <Table.Th scope="row">{n(row.line)}</Table.Th>
                        {preview.header.map((h, i) => (
                          <PreviewCell key={`${i}:${h}`} text={row.cells[i] ?? ''} />
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
          <Group>
            <Button type="submit" disabled={csv === null} loading={importing.loading || progress !== null}>
              {t('console.import.submit')}
            </Button>
            {progress && progress.total > 0 && (
              <Text role="status" size="sm">
                {t(progress.checking ? 'console.import.checking' : 'console.import.progress', {
                  sent: n(progress.sent),
                  total: n(progress.total),
                })}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      {report && (
        <Stack aria-live="polite">
          <Title order={3}>{t('console.import.reportHeading')}</Title>
          <Text role="status">
            {t('console.import.summary', {
              imported: n(report.imported),
              already: n(report.alreadyEnrolled),
              failed: n(report.failed),
            })}
          </Text>
          {report.errors.length > 0 && allOrNothing && report.imported === 0 && (
            <Alert color="red.9" variant="outline" role="alert">
              {t('console.import.nothingImported')}
            </Alert>
          )}
          {report.errors.length > 0 && (
            <Table withTableBorder captionSide="top">
              <Table.Caption>{t('console.import.errorsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('console.import.line')}</Table.Th>
                  <Table.Th scope="col">{t('console.import.person')}</Table.Th>
                  <Table.Th scope="col">{t('console.import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errors.map((e) => (
                  <Table.Tr key={`${e.line}:${e.message}`}>
                    <Table.Th scope="row">{t('console.import.lineN', { line: n(e.line) })}</Table.Th>
                    <Table.Td>{personOnLine(e.line)}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}
