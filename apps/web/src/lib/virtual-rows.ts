/** The part of a virtualiser's item a table needs: where the row starts and ends in the scrolled content. */
export interface PlacedRow {
  index: number;
  start: number;
  end: number;
}

/**
 * Heights of the empty rows above and below the rendered ones: together with the rendered rows they are as tall as
 * every row would be, so the scrollbar and the scroll position mean the same as in the full table.
 */
export function spacerHeights(rendered: readonly PlacedRow[], totalHeight: number): { before: number; after: number } {
  const first = rendered[0];
  const last = rendered.at(-1);
  if (!first || !last) return { before: 0, after: 0 };
  return { before: first.start, after: Math.max(0, totalHeight - last.end) };
}

/**
 * A data row's aria-rowindex: rows are counted from 1 over the whole table, header rows first, so a screen reader
 * tells "row 2,412 of 5,001" although only a screenful of rows is in the page.
 */
export function ariaRowIndex(index: number, headerRows = 1): number {
  return headerRows + index + 1;
}

/** The table's aria-rowcount: every data row, rendered or not, and the header rows. */
export function ariaRowCount(rows: number, headerRows = 1): number {
  return headerRows + rows;
}
