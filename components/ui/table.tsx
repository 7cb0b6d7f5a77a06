import type { CSSProperties, Key, ReactNode } from 'react';
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
  /**
   * The list can be sorted by this column: the header links to the sorted list (a plain address,
   * so it works without JavaScript), and says so with aria-sort while the list is sorted by it.
   */
  sort?: { href: string; active: boolean };
}

export interface TableGroup<Row> {
  /** Fills the group's first row, a header for the rows below it (<th scope="rowgroup">). */
  heading: ReactNode;
  rows: readonly Row[];
}

export interface TableProps<Row> {
  /** Every table needs a caption saying what it lists. */
  caption: ReactNode;
  /** Keep the caption for screen readers only (when a heading right above already says it). */
  captionHidden?: boolean;
  columns: TableColumn<Row>[];
  /** The rows; or `groups` instead, each a <tbody> under a heading row (one table for a whole list, not a table per group). */
  rows?: readonly Row[];
  groups?: readonly TableGroup<Row>[];
  rowKey: (row: Row, index: number) => Key;
  /** Shown in a single cell when there are no rows. */
  empty?: ReactNode;
  /** On screens narrower than 40rem each row becomes a block of "Header: value" lines (default true). */
  stacked?: boolean;
  /** Columns keep fixed widths (`width` of each column), so several tables one under another line up. */
  fixed?: boolean;
  /**
   * What an empty cell says ("None"), written once for the table and shown by the stylesheet in
   * every cell a column leaves empty (`cell` returns null), rather than repeated in each.
   */
  emptyCell?: string;
  className?: string;
}

/**
 * A data table, USWDS style: a caption, column headers with scope, optional row headers and, on
 * small screens, rows stacked as labelled blocks instead of a table that scrolls sideways. The look
 * comes from the `.data-table` rules of the design system (app/globals.css), not from classes on
 * each cell: a long list pays only for its content.
 */
export function Table<Row>({
  caption,
  captionHidden,
  columns,
  rows,
  groups,
  rowKey,
  empty,
  stacked = true,
  fixed,
  emptyCell,
  className,
}: TableProps<Row>) {
  const style = { ...(stacked ? stackedLabels(columns) : {}), ...(emptyCell ? { '--empty-cell': JSON.stringify(emptyCell) } : {}) } as CSSProperties;
  const table = (
    <table className={cx('data-table', fixed && 'data-table-fixed', !stacked && 'data-table-scroll', className)} style={Object.keys(style).length ? style : undefined}>
      <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" {...classes(column.numeric && 'numeric', column.width)} {...(column.sort?.active ? { 'aria-sort': 'ascending' as const } : {})}>
              {column.headerHidden ? (
                <span className="sr-only">{column.header}</span>
              ) : column.sort && !column.sort.active ? (
                <a href={column.sort.href}>{column.header}</a>
              ) : (
                column.header
              )}
            </th>
          ))}
        </tr>
      </thead>
      {groups ? (
        // Keyed by position: the list is rendered once on the server, and a long key would be sent with every group.
        groups.map((group, index) => (
          <tbody key={index}>
            <tr>
              <th scope="rowgroup" colSpan={columns.length}>
                {group.heading}
              </th>
            </tr>
            {group.rows.map((row, index) => (
              <tr key={rowKey(row, index)}>{columns.map((column, at) => tableCell(column, row, at))}</tr>
            ))}
          </tbody>
        ))
      ) : (
        <tbody>
          {(rows ?? []).length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {empty}
              </td>
            </tr>
          ) : null}
          {(rows ?? []).map((row, index) => (
            <tr key={rowKey(row, index)}>{columns.map((column, at) => tableCell(column, row, at))}</tr>
          ))}
        </tbody>
      )}
    </table>
  );
  return stacked ? table : <div className="table-scroll">{table}</div>;
}

/**
 * One cell: a row header (<th scope="row">) or a data cell. Only the attributes a cell needs are
 * set, and its key is its position: every byte of a cell is sent twice (the HTML and the page's
 * inline payload), dozens of times a page.
 */
function tableCell<Row>(column: TableColumn<Row>, row: Row, at: number): ReactNode {
  const Cell = column.rowHeader ? 'th' : 'td';
  const content = column.cell(row);
  const attributes = { ...(column.rowHeader ? { scope: 'row' } : {}), ...classes(column.numeric && 'numeric') };
  // An empty cell carries no children at all (not even a null), and says "None" through the stylesheet.
  return content === null ? (
    <Cell key={at} {...attributes} />
  ) : (
    <Cell key={at} {...attributes}>
      {content}
    </Cell>
  );
}

function classes(...names: Parameters<typeof cx>): { className?: string } {
  const className = cx(...names);
  return className ? { className } : {};
}

/**
 * The labels of the stacked layout (small screens), once per table: the stylesheet writes column n's
 * label before each cell of that column from --column-n (app/globals.css), instead of every cell
 * carrying its own.
 */
function stackedLabels<Row>(columns: TableColumn<Row>[]): CSSProperties {
  return Object.fromEntries(
    columns.flatMap((column, at) => (column.headerHidden ? [] : [[`--column-${at + 1}`, JSON.stringify(column.header)]])),
  ) as CSSProperties;
}
