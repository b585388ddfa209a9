import { useEffect } from 'react';
import { Link } from 'react-router';
import type { CloneRecord } from '@/api/clone';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { shortId } from '@/lib/format';
import { focusHeadingSoon } from '@/lib/focus';
import { deploymentStatus } from '@/lib/status';
import { useCloneDeployment, useCloneEnvHealth } from '../queries';

/** The applied clone's deployment in the target, live until it finishes. */
export function CloneProgress({
  orgId,
  appId,
  clone,
}: {
  orgId: string;
  appId: string;
  clone: CloneRecord;
}) {
  const { data, error, refetch } = useCloneDeployment(
    orgId,
    appId,
    clone.target_env_id,
    clone.deploy_id,
    clone.status,
  );
  const status = data?.status ?? clone.status;
  // A deployment can succeed and its workloads fail afterwards, at runtime: once it has, the target's health,
  // as long as this clone's deployment is still the environment's last (a later one is not this clone's doing).
  const health = useCloneEnvHealth(
    orgId,
    appId,
    clone.target_env_id,
    status === 'succeeded',
  );
  const trouble =
    status === 'succeeded' &&
    health.data?.last_deploy?.id === clone.deploy_id &&
    (health.data.state === 'Failed' || health.data.state === 'Degraded')
      ? health.data
      : undefined;
  // A clone just applied: its progress is the page's news. The confirmation returns focus here as it closes
  // (apply-clone-panel.tsx); this covers a clone shown otherwise, when focus is nowhere.
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body)
      return;
    return focusHeadingSoon('clone-progress-heading');
  }, [clone.deploy_id]);
  return (
    <Panel
      titleId="clone-progress-heading"
      title={<>Cloning to {clone.target_env_id}</>}
      actions={
        <>
          <span aria-live="polite">
            <StatusBadge status={deploymentStatus(status)} />
          </span>
        </>
      }
    >
      <PanelBody>
        <p>
          Deployment{' '}
          <Link
            to={paths.deployment(
              orgId,
              appId,
              clone.target_env_id,
              clone.deploy_id,
            )}
          >
            <code>{shortId(clone.deploy_id)}</code>
          </Link>{' '}
          from {clone.source_env_id} (
          {clone.mode === 'full'
            ? 'full clone'
            : [...clone.modules, ...clone.shared].join(', ')}
          ).
        </p>
        {/* A live region from the start, so that the failure is announced when it appears. */}
        <div role="status">
          {trouble && (
            <p className="clone-progress__trouble">
              The deployment succeeded, but {clone.target_env_id} is{' '}
              {trouble.state === 'Failed' ? 'failing' : 'degraded'} now, at
              runtime: <ApiText text={trouble.summary} />
            </p>
          )}
        </div>
        {/* The status shown may be out of date: say so (polling goes on while the deployment may still run). */}
        {error && (
          <ErrorPanel
            error={error}
            action="follow the deployment"
            reading
            onRetry={() => void refetch()}
          />
        )}
        <p>
          <Link
            className="button"
            to={paths.env(orgId, appId, clone.target_env_id)}
          >
            Open {clone.target_env_id}
          </Link>
        </p>
      </PanelBody>
    </Panel>
  );
}
