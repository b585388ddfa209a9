import { Link } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { countOf } from '@/lib/format';
import { runtimeStatus } from '@/lib/status';
import { useRuntime } from '../queries';
import { runtimeSummary } from '../utils/workloads';
import './runtime.css';

/**
 * How one workload runs now, at the top of its page: the status, replicas ready, the reason and restarts when it is
 * not well, with the way to its logs. A developer who jumps to the workload (the palette, a link) sees at once that it
 * is failing, as the environment's list says.
 */
export function WorkloadHealth({
  orgId,
  appId,
  envId,
  workloadId,
}: {
  orgId: string;
  appId: string;
  envId: string;
  workloadId: string;
}) {
  const runtime = useRuntime(orgId, appId, envId);
  const live = runtime.data?.modules[workloadId];
  const summary = runtimeSummary(live);
  const logs = paths.workloadRuntime(orgId, appId, envId, workloadId);
  // A poll that fails after a good one keeps what was known (the query's data) on screen.
  if (runtime.isError && !runtime.data)
    return (
      <div className="workload-health">
        <ErrorPanel
          error={runtime.error}
          action={`load the runtime status of ${workloadId}`}
          onRetry={() => void runtime.refetch()}
        />
      </div>
    );
  if (runtime.isPending)
    return (
      <p className="muted workload-health" role="status">
        Loading the runtime status…
      </p>
    );
  if (!live || !summary)
    return (
      <p className="muted workload-health" role="status">
        No runtime data for {workloadId} in {envId}.
      </p>
    );
  const status = runtimeStatus(live.status_class, live.status);
  const unwell = status.tone === 'failure' || status.tone === 'warning';
  return (
    <section
      aria-label={`Runtime status of ${workloadId}`}
      className={`workload-health${unwell ? ' workload-health--unwell' : ''}`}
    >
      <StatusBadge status={status} />
      <span>
        {summary.ready} of {summary.desired} ready
      </span>
      {summary.reason && <code>{summary.reason}</code>}
      {summary.restarts > 0 && (
        <span className="muted">{countOf(summary.restarts, 'restart')}</span>
      )}
      {unwell && (
        <Link to={logs}>
          See why in its logs{' '}
          <span className="visually-hidden">({workloadId})</span>
        </Link>
      )}
    </section>
  );
}
