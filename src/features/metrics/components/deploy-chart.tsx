import { useMemo } from 'react';
import type { DoraReport } from '@/api/metrics';
import { LazyBarChart } from '@/components/charts/lazy-bar-chart';
import { DataTable } from '@/components/ui/data-table';
import { Panel, PanelBody } from '@/components/ui/panel';
import { formatShortDay } from '@/lib/format';

/** Production deployments per day (succeeded and failed, stacked), with the elite frequency line and the data as a table. */
export function DeployChart({ series }: { series: DoraReport['series'] }) {
  const categories = useMemo(() => series.map((d) => d.date), [series]);
  const stacked = useMemo(
    () => [
      {
        label: 'Succeeded',
        values: series.map((d) => d.succeeded),
        colorVar: '--status-success',
      },
      {
        label: 'Failed',
        values: series.map((d) => d.failed),
        colorVar: '--status-failure',
      },
    ],
    [series],
  );
  const references = useMemo(() => [{ value: 1, label: 'Elite: 1 a day' }], []);
  const total = series.reduce((n, d) => n + d.succeeded + d.failed, 0);
  return (
    <Panel
      titleId="dora-chart-heading"
      title="Production deployments per day"
      actions={
        <span className="muted">
          <span className="dora-key dora-key--success" aria-hidden="true" />{' '}
          Succeeded{' '}
          <span className="dora-key dora-key--failure" aria-hidden="true" />{' '}
          Failed (stacked on top)
        </span>
      }
    >
      <PanelBody>
        {total === 0 ? (
          <p className="muted">No production deployments in this window.</p>
        ) : (
          <LazyBarChart
            formatCategory={formatShortDay}
            categories={categories}
            series={stacked}
            references={references}
            label={`Bar chart of production deployments per day: ${total} in ${series.length} days. The table below has the numbers.`}
          />
        )}
        <details className="dora-data">
          <summary>Show the data as a table</summary>
          <DataTable
            caption="Production deployments per day"
            columns={['Day', 'Succeeded', 'Failed']}
            rows={series}
            renderRow={(d) => (
              <tr key={d.date}>
                <th scope="row">{d.date}</th>
                <td>{d.succeeded}</td>
                <td>{d.failed}</td>
              </tr>
            )}
          />
        </details>
      </PanelBody>
    </Panel>
  );
}
