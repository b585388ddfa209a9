import { Link } from 'react-router';
import type { Environment } from '@/api/types';
import { Panel, PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { ShortId } from '@/components/ui/short-id';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { deploymentStatus } from '@/lib/status';
import { DeploymentName } from '@/components/ui/deployment-name';

/** What went wrong since a deployment succeeded: at runtime, by drift, or in the Operator; the health says which. */
const RUNTIME_TROUBLE: Record<string, string> = {
  Failed: 'has failed',
  Degraded: 'has been degraded',
};

interface Props {
  orgId: string;
  appId: string;
  env: Environment;
  /** The environment's health state, when the API gives it (to explain a succeeded deployment in a failing environment). */
  healthState?: string;
  /** The deployment the environment runs, when the API gives it (after a failure, an earlier one). */
  runningDeployId?: string;
}

/**
 * The environment's last deployment: status, who, when, why; and the base of
 * the next one. A failed one is "Last deployment": the environment still runs
 * an earlier one (linked when the API names it).
 */
export function CurrentDeployment({
  orgId,
  appId,
  env,
  healthState,
  runningDeployId,
}: Props) {
  const deploy = env.last_deploy;
  if (!deploy) return null;
  const rebased = env.from_deploy && env.from_deploy.id !== deploy.id;
  const trouble =
    deploy.status === 'succeeded' && healthState
      ? RUNTIME_TROUBLE[healthState]
      : undefined;
  const failed = deploy.status === 'failed';
  const running =
    failed && runningDeployId && runningDeployId !== deploy.id
      ? runningDeployId
      : undefined;
  return (
    <Panel
      titleId="current-heading"
      title={failed ? 'Last deployment' : 'Current deployment'}
      actions={<StatusBadge status={deploymentStatus(deploy.status)} />}
    >
      <PanelBody>
        {failed && (
          <p className="current-deployment__note">
            It failed, so it is not what runs here:{' '}
            {running ? (
              <>
                the environment still runs{' '}
                <Link to={paths.deployment(orgId, appId, env.id, running)}>
                  its last successful deployment
                </Link>{' '}
                <ShortId id={running} label="running deployment id" />.
              </>
            ) : (
              'the environment keeps what it ran before it.'
            )}
          </p>
        )}
        {trouble && (
          <p className="current-deployment__note">
            The deployment succeeded: every workload and resource was rolled
            out. The environment {trouble} since; the health above says why.
          </p>
        )}
        <dl className="kv">
          <dt>Deployment</dt>
          <dd>
            <Link to={paths.deployment(orgId, appId, env.id, deploy.id)}>
              <DeploymentName id={deploy.id} comment={deploy.comment} />
            </Link>{' '}
            <ShortId id={deploy.id} label="deployment id" />
          </dd>
          <dt>Deployed</dt>
          <dd>
            <RelativeTime iso={deploy.created_at} /> by {deploy.created_by}
          </dd>
          <dt>Deployment set</dt>
          <dd>
            <ShortId id={deploy.set_id} label="set id" />
          </dd>
          {rebased && env.from_deploy && (
            <>
              <dt>Next deploy based on</dt>
              <dd>
                <ShortId id={env.from_deploy.id} label="base deployment id" />{' '}
                (rebased)
              </dd>
            </>
          )}
        </dl>
      </PanelBody>
    </Panel>
  );
}
