/** Prints results as an aligned text table, JSON or YAML (`--output`). */
import { stringify } from 'yaml';

export type OutputFormat = 'table' | 'json' | 'yaml';

/** A column of a table: header and how to read the cell from a row. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | undefined | null;
}

/** Rows as a plain-text table with padded columns (no colours: it is read by people and by grep). */
export function table<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((row) =>
    columns.map((c) => String(c.value(row) ?? '')),
  );
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...cells.map((r) => r[i].length)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header.toUpperCase())),
    ...cells.map(line),
  ].join('\n');
}

/** Formats `data` for output: `table` uses the columns, `json` and `yaml` the raw data. */
export function render<T>(
  format: OutputFormat,
  data: T[] | T,
  columns: Column<T>[],
): string {
  if (format === 'json') return JSON.stringify(data, null, 2);
  if (format === 'yaml') return stringify(data, { lineWidth: 0 }).trimEnd();
  return table(Array.isArray(data) ? data : [data], columns);
}
