import { Link } from 'react-router';
import { ApiError } from '@/api/client';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { shortId } from '@/lib/format';
import { deploymentStatus } from '@/lib/status';
import { useCloneHistory } from '../queries';

/** Clones into and out of an environment: which deployment came from where. */
export function CloneHistory({
  orgId,
  appId,
  envId,
  deployed = true,
}: {
  orgId: string;
  appId: string;
  envId: string;
  /** Whether the environment has a deployment ("Clone to…" is offered only then). */
  deployed?: boolean;
}) {
  const { data, error, isPending, refetch } = useCloneHistory(
    orgId,
    appId,
    envId,
  );
  return (
    <Panel titleId="clone-history-heading" title="Clone history">
      {isPending ? (
        <PanelBody>
          <Skeleton rows={2} label="Loading the clone history" />
        </PanelBody>
      ) : error ? (
        error instanceof ApiError && error.status === 404 ? (
          <PanelBody as="p" className="muted">
            Clone history is unavailable from this API.
          </PanelBody>
        ) : (
          <PanelBody>
            <ErrorPanel
              error={error}
              action="load the clone history"
              onRetry={() => void refetch()}
            />
          </PanelBody>
        )
      ) : (
        <DataTable
          caption={`Clones into and out of ${envId}`}
          columns={['From → to', 'What', 'Deployment', 'When']}
          rows={data}
          empty={
            <PanelBody>
              <EmptyState title="No clones yet">
                {deployed
                  ? 'Use “Clone to…” to copy workloads from this environment to another.'
                  : 'Once this environment has a deployment, “Clone to…” copies its workloads to another; clones from another environment into it show here too.'}
              </EmptyState>
            </PanelBody>
          }
          renderRow={(c) => (
            <tr key={c.deploy_id}>
              <td>
                {c.source_env_id} <span aria-hidden="true">→</span>
                <span className="visually-hidden">to</span> {c.target_env_id}
                <span className="muted">
                  {' '}
                  (from {shortId(c.source_deploy_id)})
                </span>
              </td>
              <td>
                {c.mode === 'full'
                  ? 'Full clone'
                  : [...c.modules, ...c.shared].join(', ')}
              </td>
              <td>
                <Link
                  to={paths.deployment(
                    orgId,
                    appId,
                    c.target_env_id,
                    c.deploy_id,
                  )}
                >
                  <code>{shortId(c.deploy_id)}</code>
                </Link>{' '}
                <StatusBadge status={deploymentStatus(c.status)} />
              </td>
              <td>
                <RelativeTime iso={c.created_at} /> by {c.created_by}
              </td>
            </tr>
          )}
        />
      )}
    </Panel>
  );
}
