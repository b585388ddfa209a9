import type { ReactNode } from 'react';
import { cx } from './panel';
import { TableScroll } from './table-scroll';

/** A column header: its text, or the text with a class for the `<th>`. `false`/`null` leaves the column out. */
export type DataTableColumn =
  ReactNode | { header: ReactNode; className?: string };

export interface DataTableProps<Row> {
  /** The table's name (its `<caption>`), visually hidden unless `captionVisible`. */
  caption?: ReactNode;
  captionVisible?: boolean;
  /** Name of the scroll region on narrow screens (default: the caption when it is text). */
  label?: string;
  /** Column headers (`<th scope="col">`), in order. */
  columns: DataTableColumn[];
  rows: readonly Row[];
  /** One row: a `<tr>` with its key. */
  renderRow: (row: Row, index: number) => ReactNode;
  /** Shown instead of the table when there are no rows (without it, an empty table is shown). */
  empty?: ReactNode;
  /** Extra classes after `table` (e.g. `table--wrap`). */
  className?: string;
}

function isHeaderObject(
  column: DataTableColumn,
): column is { header: ReactNode; className?: string } {
  return typeof column === 'object' && column !== null && 'header' in column;
}

/**
 * A table with a caption, one header row and a row per item, in its own horizontal scroller for narrow screens
 * (`TableScroll`); when there are no rows and `empty` is given, that is shown instead.
 */
export function DataTable<Row>({
  caption,
  captionVisible,
  label,
  columns,
  rows,
  renderRow,
  empty,
  className,
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const scrollLabel =
    label ?? (typeof caption === 'string' ? caption : 'Table');
  return (
    <TableScroll label={scrollLabel}>
      <table className={cx('table', className)}>
        {caption !== undefined && caption !== null && (
          <caption className={captionVisible ? undefined : 'visually-hidden'}>
            {caption}
          </caption>
        )}
        <thead>
          <tr>
            {columns.map((column, index) =>
              column === false ||
              column === null ||
              column === undefined ? null : isHeaderObject(column) ? (
                <th key={index} scope="col" className={column.className}>
                  {column.header}
                </th>
              ) : (
                <th key={index} scope="col">
                  {column}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{rows.map(renderRow)}</tbody>
      </table>
    </TableScroll>
  );
}
