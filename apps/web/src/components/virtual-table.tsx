import { Box, Table } from '@mantine/core';
import { measureElement, observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { ariaRowCount, ariaRowIndex, spacerHeights } from '../lib/virtual-rows';

// Rows rendered beyond each edge of the frame: Tab moves focus to the next row's controls before it is scrolled to,
// so that row must already be in the page.
const OVERSCAN_ROWS = 8;
// The frame's height until it is measured, and while it has no layout (a hidden tab; tests): the first rows render.
const UNMEASURED_FRAME_HEIGHT = 640;

/**
 * A table of any number of rows that puts only the rows in view (and a few around them) in the page, inside a frame
 * that scrolls: a round of 5,000 pairs renders as fast as one of 25. The table keeps its native semantics; its
 * aria-rowcount and every row's aria-rowindex give the position in the whole table, and the frame is a labelled,
 * focusable region, so the keyboard scrolls it and Tab walks its rows' controls.
 */
export function VirtualTable(props: {
  caption: ReactNode;
  /** The header row's cells. */
  head: ReactNode;
  columns: number;
  rows: number;
  rowKey: (index: number) => string;
  /** The cells of row `index`. */
  renderRow: (index: number) => ReactNode;
  estimateRowHeight: number;
  empty: ReactNode;
  minWidth: number;
  /** Scrolls back to the first row when it changes, e.g. the search the rows are filtered by. */
  resetKey?: string;
  /** Told the last row put in the page whenever it changes: rows loaded a page at a time load the next in time. */
  onRowsRendered?: (lastIndex: number) => void;
}) {
  const captionId = useId();
  const frame = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.rows,
    getScrollElement: () => frame.current,
    estimateSize: () => props.estimateRowHeight,
    getItemKey: props.rowKey,
    overscan: OVERSCAN_ROWS,
    initialRect: { width: 0, height: UNMEASURED_FRAME_HEIGHT },
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) =>
        report(rect.height > 0 ? rect : { width: rect.width, height: UNMEASURED_FRAME_HEIGHT }),
      ),
    // A row without layout measures 0 and would pull every row into view; it keeps the estimate instead.
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || props.estimateRowHeight,
  });
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [props.resetKey, virtualizer]);
  const rendered = virtualizer.getVirtualItems();
  const { before, after } = spacerHeights(rendered, virtualizer.getTotalSize());
  const lastRendered = rendered[rendered.length - 1]?.index ?? -1;
  const { onRowsRendered } = props;
  useEffect(() => {
    if (lastRendered >= 0) onRowsRendered?.(lastRendered);
  }, [lastRendered, onRowsRendered]);
  return (
    <Box
      ref={frame}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      mah="min(70vh, 40rem)"
      style={{ overflow: 'auto', overscrollBehavior: 'contain' }}
    >
      <Table
        withTableBorder
        stickyHeader
        captionSide="top"
        miw={props.minWidth}
        aria-rowcount={ariaRowCount(props.rows)}
      >
        <Table.Caption id={captionId}>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>{props.head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && <SpacerRow height={before} columns={props.columns} />}
          {rendered.map((item) => (
            <Table.Tr
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-rowindex={ariaRowIndex(item.index)}
            >
              {props.renderRow(item.index)}
            </Table.Tr>
          ))}
          {after > 0 && <SpacerRow height={after} columns={props.columns} />}
          {props.rows === 0 && (
            <Table.Tr>
              <Table.Td colSpan={props.columns}>{props.empty}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** Stands in for the rows out of view; hidden from assistive technology, which counts rows by aria-rowindex. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={columns} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}
