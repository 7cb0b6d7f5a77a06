import type { Key, ReactNode } from 'react';
import { cx } from './class-names';

export interface TableColumn<Row> {
  /** Column header text; also labels each cell when the table stacks on small screens. */
  header: string;
  /** What to show in this column for one row. */
  cell: (row: Row) => ReactNode;
  /** This column names the row (e.g. the receipt number): rendered as <th scope="row">. */
  rowHeader?: boolean;
  /** Right-align (numbers, amounts). */
  numeric?: boolean;
  /** Hide the header visually (e.g. an actions column) while keeping it for screen readers. */
  headerHidden?: boolean;
  /** A Tailwind width class for fixed-layout tables, e.g. "w-1/5". */
  width?: string;
}

export interface TableProps<Row> {
  /** Every table needs a caption saying what it lists. */
  caption: ReactNode;
  /** Keep the caption for screen readers only (when a heading right above already says it). */
  captionHidden?: boolean;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  /** Shown in a single cell when there are no rows. */
  empty?: ReactNode;
  /** On screens narrower than 40rem each row becomes a block of "Header: value" lines (default true). */
  stacked?: boolean;
  /** Columns keep fixed widths (`width` of each column), so several tables one under another line up. */
  fixed?: boolean;
  className?: string;
}

/**
 * A data table, USWDS style: a caption, column headers with scope, optional row headers and, on
 * small screens, rows stacked as labelled blocks instead of a table that scrolls sideways.
 */
export function Table<Row>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  empty,
  stacked = true,
  fixed,
  className,
}: TableProps<Row>) {
  const s = (classes: string) => (stacked ? classes : '');
  const cellBase = cx(
    'border-b border-base-light px-3 py-2.5 align-top first:pl-0 last:pr-0',
    s('max-sm:block max-sm:border-0 max-sm:px-0 max-sm:py-1 max-sm:text-left'),
    s('max-sm:before:block max-sm:before:font-bold max-sm:before:content-[attr(data-label)]'),
  );
  return (
    <div className={cx('my-6 w-full', !stacked && 'overflow-x-auto', className)}>
      <table className={cx('w-full border-collapse text-left', fixed && 'table-fixed', s('max-sm:block'))}>
        <caption
          className={cx(
            captionHidden ? 'sr-only' : 'mb-3 text-left text-[1.3125rem] font-bold',
            s('max-sm:block'),
          )}
        >
          {caption}
        </caption>
        <thead className={s('max-sm:sr-only')}>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={cx(
                  'border-b-2 border-base-darkest px-3 py-2 align-bottom font-bold first:pl-0 last:pr-0',
                  column.numeric && 'text-right',
                  column.width,
                )}
              >
                {column.headerHidden ? <span className="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={s('max-sm:block')}>
          {rows.length === 0 && empty ? (
            <tr className={s('max-sm:block')}>
              <td colSpan={columns.length} className="border-b border-base-light py-3 text-base-dark">
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={s('max-sm:block max-sm:border-b-2 max-sm:border-base-light max-sm:py-3')}>
              {columns.map((column) => {
                const Cell = column.rowHeader ? 'th' : 'td';
                return (
                  <Cell
                    key={column.header}
                    scope={column.rowHeader ? 'row' : undefined}
                    data-label={column.headerHidden ? undefined : column.header}
                    className={cx(cellBase, column.rowHeader ? 'font-bold' : 'font-normal', column.numeric && 'text-right')}
                  >
                    {column.cell(row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
