import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartSeries } from './time-series-chart-types';
import { formatMinute } from '@/lib/format';

/** Resolves `var(--x)` against the element, since the canvas needs concrete colours. */
function resolve(element: HTMLElement, color: string): string {
  const match = /^var\((--[\w-]+)\)$/.exec(color);
  return match
    ? getComputedStyle(element).getPropertyValue(match[1]).trim() ||
        'currentColor'
    : color;
}

/** The uPlot canvas of a TimeSeriesChart (lazy chunk: uPlot is only loaded with a chart). */
export default function UPlotCanvas({
  times,
  series,
  unit,
  height,
}: {
  times: number[];
  series: ChartSeries[];
  unit: string;
  height: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const text = resolve(element, 'var(--color-text-muted)');
    const grid = resolve(element, 'var(--color-border)');
    const axis = {
      stroke: text,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
    };
    const plot = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true } },
        axes: [
          // Times of day to the minute, 24-hour, as the page's logs write them (uPlot's own "12/7/26 7:51am" mixed styles).
          {
            ...axis,
            values: (_u, ticks) => ticks.map((t) => formatMinute(t * 1000)),
          },
          {
            ...axis,
            values: (_u, ticks) => ticks.map((t) => `${t} ${unit}`),
            size: 64,
          },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: resolve(element, s.color),
            width: 2,
            dash: s.dashed ? [6, 4] : undefined,
            points: { show: !s.dashed },
          })),
        ],
      },
      [times.map((t) => t / 1000), ...series.map((s) => s.values)],
      element,
    );
    const observer = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(240, element.clientWidth), height }),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [times, series, unit, height]);
  return <div ref={host} aria-hidden="true" />;
}
