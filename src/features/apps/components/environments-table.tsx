import { Link } from 'react-router';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { deploymentStatus, runtimeStatus } from '@/lib/status';
import { useAppEnvironments, useRuntimeSummaries } from '../queries';

const TYPE_ORDER = ['development', 'staging', 'production'];

/** The app's environments, in promotion order, with deployment and runtime status. */
export function EnvironmentsTable({
  orgId,
  appId,
}: {
  orgId: string;
  appId: string;
}) {
  const { data: envs } = useAppEnvironments(orgId, appId);
  const sorted = [...envs].sort(
    (a, b) => rank(a.type) - rank(b.type) || a.id.localeCompare(b.id),
  );
  const runtime = useRuntimeSummaries(
    orgId,
    appId,
    sorted.map((e) => e.id),
  );
  return (
    <DataTable
      caption="Environments"
      columns={[
        'Environment',
        'Type',
        'Last deployment',
        'Runtime',
        'Deployed',
        'Comment',
      ]}
      rows={sorted}
      empty={
        <EmptyState title="No environments yet">
          Deploy the app to create its first environment.
        </EmptyState>
      }
      renderRow={(env) => {
        const summary = runtime.data?.find((r) => r.id === env.id);
        const deploy = env.last_deploy;
        return (
          <tr key={env.id}>
            <td>
              <Link to={paths.env(orgId, appId, env.id)}>{env.name}</Link>
            </td>
            <td>{env.type}</td>
            <td>
              <StatusBadge status={deploymentStatus(deploy?.status)} />
            </td>
            <td>
              {summary ? (
                <StatusBadge
                  status={
                    summary.paused
                      ? { tone: 'stopped', label: 'Paused' }
                      : runtimeStatus(summary.status)
                  }
                />
              ) : (
                <span className="muted">
                  {runtime.isPending ? 'Loading…' : '—'}
                </span>
              )}
            </td>
            <td>
              {deploy ? (
                <>
                  <RelativeTime iso={deploy.created_at} /> by{' '}
                  {deploy.created_by}
                </>
              ) : (
                <span className="muted">Never</span>
              )}
            </td>
            <td className="truncate">
              {deploy?.comment || <span className="muted">No comment</span>}
            </td>
          </tr>
        );
      }}
    />
  );
}

function rank(type: string) {
  const index = TYPE_ORDER.indexOf(type);
  return index === -1 ? TYPE_ORDER.length : index;
}
