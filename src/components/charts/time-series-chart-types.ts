/** One line of a chart. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** A CSS colour or custom property, e.g. `var(--status-progress)`. */
  color: string;
  /** Dashed (e.g. a threshold). */
  dashed?: boolean;
}

export interface TimeSeriesChartProps {
  /** The chart's accessible name and visible caption. */
  title: string;
  /** A sentence that says what the chart shows (read by screen readers, shown under the caption). */
  summary: string;
  /** Sample times, milliseconds since the epoch. */
  times: number[];
  series: ChartSeries[];
  /** Unit shown on the axis and in the table, e.g. `%` or `ms`. */
  unit: string;
  height?: number;
}
