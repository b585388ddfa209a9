import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One stacked series of a {@link BarChart}: values per category, drawn in the colour of a CSS custom property. */
export interface BarSeries {
  label: string;
  values: number[];
  /** A CSS custom property, e.g. `--status-success`. */
  colorVar: string;
}

export interface BarChartProps {
  /** Category labels along the x axis (e.g. dates). */
  categories: string[];
  /** How a category is written on the axis (default: as it is). */
  formatCategory?: (category: string) => string;
  /** Stacked bottom to top. */
  series: BarSeries[];
  /** Horizontal reference lines (e.g. a tier limit), labelled on the chart. */
  references?: { value: number; label: string }[];
  height?: number;
  /** A text alternative for the canvas (the data table beside it has the numbers). */
  label: string;
}

const asIs = (category: string) => category;

function cssVar(el: Element, name: string, fallback: string) {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

/**
 * A stacked bar chart drawn by uPlot on a canvas. Decorative for assistive
 * technology (`role="img"` with a label): pages put a data table beside it.
 * Import it lazily (see lazy-bar-chart.tsx) so uPlot loads only where charts are shown.
 */
export default function BarChart({
  categories,
  series,
  references = [],
  height = 180,
  label,
  formatCategory = asIs,
}: BarChartProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const xs = categories.map((_, i) => i);
    // Stacking: each drawn series is the running total; later (upper) series are drawn first, so lower ones cover them.
    const totals = series.map((_, i) =>
      categories.map((__, c) =>
        series.slice(0, i + 1).reduce((n, s) => n + (s.values[c] ?? 0), 0),
      ),
    );
    const drawOrder = series.map((_, i) => i).reverse();
    const bars = uPlot.paths.bars!({ size: [0.7, 24] });
    const text = cssVar(el, '--color-text-muted', '#59616d');
    const grid = cssVar(el, '--color-border', '#d8dce3');
    const max = Math.max(
      1,
      ...(totals.at(-1) ?? [0]),
      ...references.map((r) => r.value),
    );
    const options: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.5, categories.length - 0.5] },
        y: { range: [0, Math.ceil(max * 1.15)] },
      },
      axes: [
        {
          stroke: text,
          grid: { show: false },
          ticks: { stroke: grid },
          values: (_u, splits) =>
            splits.map((v) =>
              Number.isInteger(v) && categories[v] !== undefined
                ? formatCategory(categories[v])
                : '',
            ),
        },
        {
          stroke: text,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
        },
      ],
      series: [
        {},
        ...drawOrder.map((i) => {
          const color = cssVar(el, series[i].colorVar, '#0b5cad');
          return {
            label: series[i].label,
            stroke: color,
            fill: color,
            paths: bars,
            points: { show: false },
          };
        }),
      ],
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = text;
            ctx.fillStyle = text;
            ctx.setLineDash([6, 4]);
            ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
            for (const ref of references) {
              const y = u.valToPos(ref.value, 'y', true);
              ctx.beginPath();
              ctx.moveTo(u.bbox.left, y);
              ctx.lineTo(u.bbox.left + u.bbox.width, y);
              ctx.stroke();
              ctx.textAlign = 'right';
              ctx.fillText(
                ref.label,
                u.bbox.left + u.bbox.width - 4,
                y - 4 * devicePixelRatio,
              );
            }
            ctx.restore();
          },
        ],
      },
    };
    const plot = new uPlot(
      options,
      [xs, ...drawOrder.map((i) => totals[i])],
      el,
    );
    const resize =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() =>
            plot.setSize({ width: Math.max(240, el.clientWidth), height }),
          );
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      plot.destroy();
    };
  }, [categories, series, references, height, formatCategory]);

  return <div ref={host} role="img" aria-label={label} className="bar-chart" />;
}
