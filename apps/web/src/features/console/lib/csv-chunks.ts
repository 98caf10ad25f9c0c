import { parseCsv } from './csv-preview';
import { MAX_CSV_JSON_BYTES } from './upload-size';

export interface CsvChunk {
  csv: string;
  /** Data lines of the file this chunk carries, blank ones included, so progress can say "n of N lines". */
  lines: number;
}

export interface ImportReport {
  imported: number;
  alreadyEnrolled: number;
  failed: number;
  errors: ReadonlyArray<{ line: number; message: string }>;
}

const cellText = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const recordText = (cells: string[]): string => cells.map(cellText).join(',');
const jsonBytes = (text: string): number => new TextEncoder().encode(JSON.stringify(text)).length;

/**
 * Splits a file too large for one request into files that each fit: the header first, then blank lines standing in
 * for the lines sent earlier, so the API numbers every line as it stands in the whole file (it skips blank lines),
 * then the chunk's own lines. The command ids are per program and person, so a chunk sent twice enrolls nobody twice.
 */
export function chunkCsv(text: string, maxJsonBytes = MAX_CSV_JSON_BYTES): CsvChunk[] {
  const [header, ...body] = parseCsv(text);
  if (!header) return [{ csv: text, lines: 0 }];
  const head = recordText(header.cells);
  const chunks: CsvChunk[] = [];
  let lines: string[] = [];
  let sent = 0;
  let bytes = 0;
  const close = () => {
    chunks.push({ csv: [head, ...Array<string>(sent).fill(''), ...lines].join('\n'), lines: lines.length });
    sent += lines.length;
    lines = [];
  };
  for (const record of body) {
    const line = recordText(record.cells);
    // In the request a line costs its escaped text plus the escaped line break, as its own JSON string costs.
    const lineBytes = jsonBytes(line);
    if (lines.length > 0 && jsonBytes(head) + 2 * sent + bytes + lineBytes > maxJsonBytes) {
      close();
      bytes = 0;
    }
    lines.push(line);
    bytes += lineBytes;
  }
  if (lines.length > 0 || chunks.length === 0) close();
  return chunks;
}

/** One report for the whole file from the reports of its chunks. */
export function mergeReports(reports: readonly ImportReport[]): ImportReport {
  return {
    imported: reports.reduce((sum, r) => sum + r.imported, 0),
    alreadyEnrolled: reports.reduce((sum, r) => sum + r.alreadyEnrolled, 0),
    failed: reports.reduce((sum, r) => sum + r.failed, 0),
    errors: reports.flatMap((r) => r.errors),
  };
}
