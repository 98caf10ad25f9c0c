export interface CsvPreview {
  header: string[];
  /** The first rows after the header, each with its line number in the file (the header is line 1). */
  rows: Array<{ line: number; cells: string[] }>;
  /** Data lines in the file, blank ones left out. */
  rowCount: number;
  /** Required columns the header lacks: the API refuses such a file as a whole. */
  missingColumns: string[];
}

/**
 * Splits CSV text into records the way the API's parser does for what managers upload (RFC 4180: quoted cells may
 * hold commas, doubled quotes and line breaks). The API numbers records, blank ones included, from 1 for the header
 * and calls that number the line; the preview numbers them the same way so its lines match the import report.
 */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell.trim());
    records.push({ line: records.length + 1, cells });
    cells = [];
    cell = '';
  };
  while (i < source.length) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      i += 1;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
    } else cell += char;
    i += 1;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

export function previewCsv(text: string, required: readonly string[], rowsShown = 5): CsvPreview {
  const [header, ...body] = parseCsv(text);
  const columns = header?.cells ?? [];
  const data = body.filter((r) => r.cells.some((c) => c !== ''));
  const lower = columns.map((c) => c.toLowerCase());
  return {
    header: columns,
    rows: data.slice(0, rowsShown),
    rowCount: data.length,
    missingColumns: required.filter((c) => !lower.includes(c)),
  };
}
