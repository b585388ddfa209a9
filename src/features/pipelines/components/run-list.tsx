import { Link } from 'react-router';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { usePipelineRuns } from '../queries';
import { pipelineStatus } from '../utils/status';

/** How a pipeline with these triggers gets a run, for its empty list (only the forms its page shows). */
function howToStart(triggers: readonly string[]): string {
  const call = triggers.includes('pipeline_call');
  const request = triggers.includes('deployment_request');
  if (call && request)
    return 'Start one above with Run pipeline, or with Request deployment once criteria route requests here.';
  if (call) return 'Start one above with Run pipeline, or through the API.';
  if (request)
    return 'Request a deployment above once criteria route requests here, or through the API.';
  return 'Start one through the API.';
}

/** Runs of a pipeline, newest first, with live status. */
export function RunList({
  orgId,
  appId,
  pipelineId,
  triggers,
}: {
  orgId: string;
  appId: string;
  pipelineId: string;
  /** The pipeline's trigger types (what its empty list suggests). */
  triggers: readonly string[];
}) {
  const runs = usePipelineRuns(orgId, appId, pipelineId);
  if (runs.isPending) return <Skeleton rows={3} label="Loading the runs" />;
  if (runs.isError)
    return (
      <ErrorPanel
        error={runs.error}
        action="load the runs"
        onRetry={() => runs.refetch()}
      />
    );
  return (
    <DataTable
      label="Runs"
      columns={['Run', 'Status', 'Trigger', 'Environments', 'Started']}
      rows={runs.data}
      empty={
        <EmptyState title="No runs yet">{howToStart(triggers)}</EmptyState>
      }
      renderRow={(run) => (
        <tr key={run.id}>
          <td>
            <Link
              to={paths.pipelineRun(orgId, appId, pipelineId, run.id)}
              title={run.id}
            >
              Run <code>{run.id.slice(0, 8)}</code>
            </Link>
          </td>
          <td>
            <StatusBadge status={pipelineStatus(run.status)} />
            {Object.keys(run.waiting_for).length > 0 && (
              <span className="muted"> waiting for approval</span>
            )}
          </td>
          <td>{run.trigger.replace('_', ' ')}</td>
          <td>{run.env_ids.join(', ')}</td>
          <td>
            <RelativeTime iso={run.created_at} />
          </td>
        </tr>
      )}
    />
  );
}
