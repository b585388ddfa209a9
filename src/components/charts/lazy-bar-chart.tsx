import { lazy, Suspense } from 'react';
import type { BarChartProps } from './bar-chart';

const BarChart = lazy(() => import('./bar-chart'));

/** {@link BarChart}, loaded on first use (uPlot stays out of every other page's JavaScript). */
export function LazyBarChart(props: BarChartProps) {
  return (
    <Suspense
      fallback={
        <div style={{ height: props.height ?? 180 }} aria-hidden="true" />
      }
    >
      <BarChart {...props} />
    </Suspense>
  );
}
