import type { DoraWindow } from '@/api/metrics';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useDoraMetrics } from '../queries';
import { DeployChart } from './deploy-chart';
import { FiguresTable } from './figures-table';
import { MetricCards } from './metric-cards';
import './metrics.css';

interface Filters {
  window: DoraWindow;
  app?: string;
}

/** Team performance: DORA's four key metrics overall (or for one app), per day, per app and per team. */
export function MetricsPage({
  orgId,
  filters,
  onChange,
}: {
  orgId: string;
  filters: Filters;
  /** Changes the filters: `change` gets the newest (a change still on its way included) and returns the next. */
  onChange: (change: (current: Filters) => Filters) => void;
}) {
  const org = useDoraMetrics(orgId, filters.window);
  const scoped = useDoraMetrics(orgId, filters.window, filters.app);
  const report = filters.app ? scoped : org;
  return (
    <>
      <form
        className="dora-filters"
        aria-label="Filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="dora-window">Window</label>
          <select
            id="dora-window"
            className="select"
            value={filters.window}
            onChange={(e) =>
              onChange((current) => ({
                ...current,
                window: e.target.value as DoraWindow,
              }))
            }
          >
            <option value="30d">Last 30 days</option>
            <option value="90d">Last 90 days</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="dora-app">Application</label>
          <select
            id="dora-app"
            className="select"
            value={filters.app ?? ''}
            onChange={(e) =>
              onChange((current) => ({
                ...current,
                app: e.target.value || undefined,
              }))
            }
          >
            <option value="">All applications</option>
            {org.data?.apps.map((a) => (
              <option key={a.app_id} value={a.app_id}>
                {a.app_name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {report.isPending ? (
        <Skeleton rows={6} label="Loading team performance" />
      ) : report.isError ? (
        <ErrorPanel
          error={report.error}
          action="load the team performance metrics"
          onRetry={() => report.refetch()}
        />
      ) : report.data === null ? (
        <p className="muted">
          Team performance is unavailable from this API: it needs the
          console&apos;s metrics extension.
        </p>
      ) : (
        <>
          <Panel
            titleId="dora-summary-heading"
            title={
              <>
                {filters.app
                  ? (report.data.apps[0]?.app_name ?? filters.app)
                  : 'All applications'}
                , last {filters.window === '30d' ? '30' : '90'} days
              </>
            }
            actions={
              <span className="muted">
                Production environments only. N/A: no data to average.
              </span>
            }
          >
            <PanelBody>
              <MetricCards
                figures={report.data.overall}
                bands={report.data.bands}
              />
            </PanelBody>
          </Panel>
          <DeployChart series={report.data.series} />
          {org.data && (
            <Panel
              titleId="dora-breakdown-heading"
              title="By team and application"
            >
              <PanelBody flush>
                <FiguresTable
                  caption="Per team"
                  rowHeader="Team"
                  rows={org.data.teams.map((t) => ({
                    key: t.team,
                    name: t.team,
                    detail: t.app_ids.join(', '),
                    figures: t.figures,
                  }))}
                />
                <FiguresTable
                  caption="Per application"
                  rowHeader="Application"
                  rows={org.data.apps.map((a) => ({
                    key: a.app_id,
                    name: a.app_name,
                    detail: a.team,
                    figures: a.figures,
                  }))}
                />
              </PanelBody>
            </Panel>
          )}
        </>
      )}
    </>
  );
}
