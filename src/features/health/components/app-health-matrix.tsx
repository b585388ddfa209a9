import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AppHealth, EnvironmentHealth } from '@/api/health';
import { DataTable } from '@/components/ui/data-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { deploymentStatus, healthStatus } from '@/lib/status';
import { useAppHealth } from '../queries';
import './health.css';

interface AppHealthMatrixProps {
  orgId: string;
  appId: string;
  /** Shown when the API has no health extension. */
  fallback: ReactNode;
}

const TYPE_ORDER = ['development', 'staging', 'production'];
function rank(type: string) {
  const index = TYPE_ORDER.indexOf(type);
  return index === -1 ? TYPE_ORDER.length : index;
}

/** A row of the matrix: health, current deployment, then one per workload. */
type MatrixRow = 'health' | 'deploy' | { workloadId: string };

/** Environments (columns, in promotion order) × workloads (rows): health, current deployment, per-workload runtime. */
export function AppHealthMatrix({
  orgId,
  appId,
  fallback,
}: AppHealthMatrixProps) {
  const health = useAppHealth(orgId, appId);
  if (health.isPending)
    return <Skeleton rows={5} label="Loading the app's health" />;
  if (health.isError)
    return (
      <ErrorPanel
        error={health.error}
        action="load the app's health"
        onRetry={() => health.refetch()}
      />
    );
  if (health.data === null) return <>{fallback}</>;
  return <Matrix health={health.data} orgId={orgId} />;
}

function Matrix({ health, orgId }: { health: AppHealth; orgId: string }) {
  const appId = health.app_id;
  const envs = [...health.envs].sort(
    (a, b) =>
      rank(a.env_type) - rank(b.env_type) || a.env_id.localeCompare(b.env_id),
  );
  const workloads = [
    ...new Set(envs.flatMap((e) => e.workloads.map((w) => w.id))),
  ].sort();
  if (envs.length === 0) {
    return (
      <PanelBody as="p" className="muted">
        No environments yet: deploy the app to create its first environment.
      </PanelBody>
    );
  }
  const rows: MatrixRow[] = [
    'health',
    'deploy',
    ...workloads.map((workloadId) => ({ workloadId })),
  ];
  return (
    <>
      <DataTable
        caption="Environments"
        label="Environments and workloads"
        className="health-matrix"
        columns={[
          'Environment',
          ...envs.map((env) => (
            <>
              <Link to={paths.env(orgId, appId, env.env_id)}>
                {env.env_name}
              </Link>{' '}
              <span className="muted">{env.env_type}</span>
            </>
          )),
        ]}
        rows={rows}
        renderRow={(row) =>
          row === 'health' ? (
            <tr key="health">
              <th scope="row">Health</th>
              {envs.map((env) => (
                <td key={env.env_id}>
                  <StatusBadge status={healthStatus(env.state)} />
                </td>
              ))}
            </tr>
          ) : row === 'deploy' ? (
            <tr key="deploy">
              <th scope="row">Last deployment</th>
              {envs.map((env) => (
                <td key={env.env_id} className="health-matrix__deploy">
                  <LastDeploy env={env} orgId={orgId} appId={appId} />
                </td>
              ))}
            </tr>
          ) : (
            <tr key={`workload:${row.workloadId}`}>
              <th scope="row">
                <code>{row.workloadId}</code>
              </th>
              {envs.map((env) => (
                <td key={env.env_id}>
                  <WorkloadCell
                    env={env}
                    workloadId={row.workloadId}
                    orgId={orgId}
                    appId={appId}
                  />
                </td>
              ))}
            </tr>
          )
        }
      />
      {workloads.length === 0 && (
        <PanelBody as="p" className="muted">
          No workload runs in any environment yet.
        </PanelBody>
      )}
    </>
  );
}

function LastDeploy({
  env,
  orgId,
  appId,
}: {
  env: EnvironmentHealth;
  orgId: string;
  appId: string;
}) {
  const deploy = env.last_deploy;
  if (!deploy) return <span className="muted">Never deployed</span>;
  return (
    <div className="stack" style={{ gap: 2 }}>
      <span className="row">
        <StatusBadge status={deploymentStatus(deploy.status)} />
        <Link
          className="truncate"
          to={paths.deployment(orgId, appId, env.env_id, deploy.id)}
        >
          {deploy.comment || `Deployment ${deploy.id}`}
        </Link>
      </span>
      <span className="muted">
        <RelativeTime iso={deploy.created_at} /> by {deploy.created_by}
      </span>
    </div>
  );
}

function WorkloadCell({
  env,
  workloadId,
  orgId,
  appId,
}: {
  env: EnvironmentHealth;
  workloadId: string;
  orgId: string;
  appId: string;
}) {
  const workload = env.workloads.find((w) => w.id === workloadId);
  if (!workload) {
    return (
      <span className="muted">
        —<span className="visually-hidden">not deployed here</span>
      </span>
    );
  }
  return (
    <Link
      className="health-cell"
      to={paths.workloadRuntime(orgId, appId, env.env_id, workloadId)}
    >
      <StatusBadge status={healthStatus(workload.state)} />
      <span>
        {workload.ready}/{workload.desired}
        <span className="visually-hidden"> ready</span>
      </span>
      {workload.reason && <code>{workload.reason}</code>}
    </Link>
  );
}
