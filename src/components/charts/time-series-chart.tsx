import { lazy, Suspense, useId } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { formatTime } from '@/lib/format';
import './time-series-chart.css';
import type { TimeSeriesChartProps } from './time-series-chart-types';

export type {
  ChartSeries,
  TimeSeriesChartProps,
} from './time-series-chart-types';

const UPlotCanvas = lazy(() => import('./uplot-canvas'));

/**
 * A small time-series chart (uPlot, loaded only when a chart is shown) with
 * an accessible name, a one-sentence summary and the same data as a table.
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const id = useId();
  const { title, summary, times, series, unit, height = 160 } = props;
  return (
    <figure
      className="ts-chart"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
    >
      <figcaption>
        <span id={`${id}-title`} className="ts-chart__title">
          {title}
        </span>
        <span id={`${id}-summary`} className="muted ts-chart__summary">
          {summary}
        </span>
      </figcaption>
      <div
        role="img"
        aria-label={`${title}: ${summary}`}
        style={{ minHeight: height }}
      >
        {times.length === 0 ? (
          <p className="muted ts-chart__empty">No samples yet.</p>
        ) : (
          <Suspense fallback={<Skeleton rows={3} label={`Loading ${title}`} />}>
            <UPlotCanvas
              times={times}
              series={series}
              unit={unit}
              height={height}
            />
          </Suspense>
        )}
      </div>
      <details className="ts-chart__data">
        <summary>Data table</summary>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label} ({unit})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {times.map((t, i) => (
              <tr key={t}>
                <td>{formatTime(t)}</td>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i] ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
