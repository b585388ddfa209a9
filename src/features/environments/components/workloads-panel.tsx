import { Link, useSearchParams } from 'react-router';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ImageRef } from '@/components/ui/image-ref';
import { Panel, PanelBody } from '@/components/ui/panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { countOf } from '@/lib/format';
import { runtimeStatus } from '@/lib/status';
import { count, profileLabel, vocabulary } from '@/lib/vocabulary';
import { useEnvironmentSet, useRuntime } from '../queries';
import { containersOf, runtimeSummary, workloadsOf } from '../utils/workloads';

interface WorkloadsPanelProps {
  orgId: string;
  appId: string;
  envId: string;
  setId: string;
}

/** The environment's workloads: images, runtime status, replicas and the reason when unhealthy. */
export function WorkloadsPanel({
  orgId,
  appId,
  envId,
  setId,
}: WorkloadsPanelProps) {
  const { data: set } = useEnvironmentSet(orgId, appId, setId);
  const runtime = useRuntime(orgId, appId, envId);
  const [, setParams] = useSearchParams();
  const workloads = workloadsOf(set);
  return (
    <Panel
      titleId="workloads-heading"
      title={vocabulary.modules.title}
      actions={
        <span className="muted">
          {count(workloads.length, 'modules')} ·{' '}
          {count(Object.keys(set.shared).length, 'shared')}
        </span>
      }
    >
      {workloads.length === 0 ? (
        <EmptyState title="No workloads in this deployment">
          Deploy a change that adds a workload to see it here.
        </EmptyState>
      ) : (
        <DataTable
          caption="Workloads"
          // On a phone each workload is a card (status first in view), as the resources below are.
          className="table--wrap table--stack"
          columns={[
            'Workload',
            'Images',
            'Status',
            'Ready',
            'Reason',
            <span className="visually-hidden">Runtime</span>,
          ]}
          rows={workloads}
          renderRow={([id, workload]) => {
            const live = runtime.data?.modules[id];
            const summary = runtimeSummary(live);
            return (
              <tr key={id}>
                <td>
                  <Link to={paths.workload(orgId, appId, envId, id)}>{id}</Link>
                  <div className="muted">{profileLabel(workload.profile)}</div>
                </td>
                <td data-label="Images">
                  {containersOf(workload).map((c) => (
                    <div key={c.id}>
                      <ImageRef image={c.image} />
                    </div>
                  ))}
                </td>
                <td data-label="Status">
                  {live ? (
                    <StatusBadge
                      status={runtimeStatus(live.status_class, live.status)}
                    />
                  ) : (
                    <span className="muted">
                      {runtime.isPending ? 'Loading…' : 'No runtime data'}
                    </span>
                  )}
                </td>
                <td data-label="Ready">
                  {summary ? `${summary.ready}/${summary.desired}` : '—'}
                </td>
                <td data-label="Reason">
                  {summary?.reason ? <code>{summary.reason}</code> : null}
                  {summary && summary.restarts > 0 && (
                    <span className="muted">
                      {/* The separator only after a reason ("Reason: · 3 restarts" read oddly). */}
                      {summary.reason ? ' · ' : ''}
                      {countOf(summary.restarts, 'restart')}
                    </span>
                  )}
                </td>
                <td>
                  {live && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setParams({ workload: id })}
                    >
                      Runtime
                      <span className="visually-hidden"> and logs of {id}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          }}
        />
      )}
      {runtime.isError && (
        <PanelBody as="p" role="alert" className="field__error">
          Runtime status could not be loaded: {runtime.error.message}{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => runtime.refetch()}
          >
            Retry
          </button>
        </PanelBody>
      )}
    </Panel>
  );
}
