import { countOf } from '@/lib/format';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { ShortId } from '@/components/ui/short-id';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { deploymentStatus } from '@/lib/status';
import { useDeployments } from '../queries';
import { DataTable } from '@/components/ui/data-table';
import { DeploymentName } from '@/components/ui/deployment-name';

/** Every deployment of the environment, newest first. */
export function DeploymentHistory({
  orgId,
  appId,
  envId,
}: {
  orgId: string;
  appId: string;
  envId: string;
}) {
  const { data: deployments } = useDeployments(orgId, appId, envId);
  return (
    <Panel
      titleId="history-heading"
      title="Deployment history"
      actions={
        <span className="muted">
          {countOf(deployments.length, 'deployment')}
        </span>
      }
    >
      {deployments.length === 0 ? (
        <EmptyState title="No deployments yet">
          Deploy a workload to start the history.
        </EmptyState>
      ) : (
        <DataTable
          caption="Deployment history"
          // On a phone each deployment is a card, its comment whole.
          className="table--stack"
          columns={['Status', 'Comment', 'Id', 'By', 'When', 'Compare']}
          rows={deployments}
          renderRow={(d, i) => (
            <tr key={d.id}>
              <td>
                <StatusBadge status={deploymentStatus(d.status)} />
              </td>
              <td className="truncate">
                <Link to={paths.deployment(orgId, appId, envId, d.id)}>
                  <DeploymentName id={d.id} comment={d.comment} />
                </Link>
              </td>
              <td data-label="Id">
                <ShortId id={d.id} label="deployment id" />
              </td>
              <td data-label="By">{d.created_by}</td>
              <td data-label="When">
                <RelativeTime iso={d.created_at} />
              </td>
              <td>
                {deployments[i + 1] && (
                  <Link
                    to={paths.diff(
                      orgId,
                      appId,
                      { envId, deployId: deployments[i + 1].id },
                      { envId, deployId: d.id },
                    )}
                  >
                    Compare with previous
                    <span className="visually-hidden">
                      {' '}
                      ({d.id.slice(0, 8)})
                    </span>
                  </Link>
                )}
              </td>
            </tr>
          )}
        />
      )}
    </Panel>
  );
}
