import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { artefactQueries } from '@/api/queries/artefacts';
import { setQueries } from '@/api/queries/sets';
import type { DeploymentSet } from '@/api/types';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { deploymentStatus } from '@/lib/status';
import { useCloneEnvironments } from '../queries';
import { byPromotionOrder } from '../utils/clone-params';
import { workloadVersion } from '../utils/versions';
import './clone.css';

/**
 * Environments in promotion order (by type), each workload's version in each,
 * and "Promote" from one lane to the next, which opens the clone preview.
 */
export function PromotionLane({
  orgId,
  appId,
}: {
  orgId: string;
  appId: string;
}) {
  const { data } = useCloneEnvironments(orgId, appId);
  const envs = useMemo(() => byPromotionOrder(data), [data]);
  // One query per set: environments that run the same set (a clone's target and source) share it, and those never
  // deployed ask for none (the same key twice made React Query warn of duplicate queries).
  const setIds = useMemo(
    () => [
      ...new Set(
        envs.flatMap((env) =>
          env.last_deploy?.set_id ? [env.last_deploy.set_id] : [],
        ),
      ),
    ],
    [envs],
  );
  const loaded = useQueries({
    queries: setIds.map((setId) => setQueries.set(orgId, appId, setId)),
  });
  const sets = envs.map((env) => {
    const at = setIds.indexOf(env.last_deploy?.set_id ?? '');
    return at === -1 ? undefined : loaded[at];
  });
  const failed = loaded.find((q) => q.isError);
  // Which artefact version each running workload's image is (a link to it on the Artefacts page).
  const running = useQuery(artefactQueries.running(orgId));
  const artefactLink = (envId: string, workload: string) => {
    const found = running.data?.find(
      (r) =>
        r.app_id === appId &&
        r.env_id === envId &&
        r.workload === workload &&
        r.artefact_version_id,
    );
    if (!found) return undefined;
    const bare = found.image.split('@')[0];
    const colon = bare.lastIndexOf(':');
    const name = colon > bare.lastIndexOf('/') ? bare.slice(0, colon) : bare;
    return `${paths.artefacts(orgId, name)}#v-${found.artefact_version_id}`;
  };
  return (
    <Panel
      titleId="promotion-heading"
      title="Promotion lane"
      actions={
        // The order of this app's lane (by environment type), not a fixed one.
        envs.length > 1 ? (
          <span className="muted">
            {envs.map((env) => env.name).join(' → ')}
          </span>
        ) : undefined
      }
    >
      <PanelBody>
        {failed ? (
          <ErrorPanel
            error={failed.error}
            action="load the workload versions"
            onRetry={() => loaded.forEach((q) => q.isError && void q.refetch())}
          />
        ) : (
          <ol
            className="promotion-lane"
            aria-label="Environments in promotion order"
          >
            {envs.map((env, i) => {
              const set = sets[i]?.data as DeploymentSet | undefined;
              const next = envs[i + 1];
              const previous =
                i > 0
                  ? (sets[i - 1]?.data as DeploymentSet | undefined)
                  : undefined;
              return (
                <li
                  key={env.id}
                  className="promotion-lane__env"
                  aria-labelledby={`lane-${env.id}`}
                >
                  <h3 id={`lane-${env.id}`}>
                    <Link to={paths.env(orgId, appId, env.id)}>{env.name}</Link>{' '}
                    <span className="muted">{env.type}</span>
                  </h3>
                  {!env.last_deploy ? (
                    <p className="muted">Never deployed.</p>
                  ) : !set ? (
                    <Skeleton
                      rows={2}
                      label={`Loading the workloads of ${env.id}`}
                    />
                  ) : (
                    <>
                      <StatusBadge
                        status={deploymentStatus(env.last_deploy.status)}
                      />
                      <ul aria-label={`Workload versions in ${env.id}`}>
                        {Object.keys(set.modules)
                          .sort()
                          .map((id) => {
                            const version = workloadVersion(set.modules[id]);
                            const behind =
                              previous?.modules[id] &&
                              workloadVersion(previous.modules[id]) !== version;
                            const artefact = artefactLink(env.id, id);
                            return (
                              <li key={id}>
                                <code>{id}</code>
                                <span
                                  className="mono"
                                  title={
                                    behind
                                      ? `Differs from ${envs[i - 1].id}`
                                      : undefined
                                  }
                                >
                                  {artefact ? (
                                    <Link
                                      to={artefact}
                                      aria-label={`${id} ${version}: its artefact version`}
                                    >
                                      {version}
                                    </Link>
                                  ) : (
                                    version
                                  )}
                                  {behind && (
                                    <span className="visually-hidden">
                                      {' '}
                                      (differs from {envs[i - 1].id})
                                    </span>
                                  )}
                                  {behind && <span aria-hidden="true"> ≠</span>}
                                </span>
                              </li>
                            );
                          })}
                      </ul>
                    </>
                  )}
                  {next && env.last_deploy && (
                    <Link
                      className="button"
                      to={paths.clone(orgId, appId, {
                        from: env.id,
                        to: next.id,
                      })}
                    >
                      Promote to {next.id} <span aria-hidden="true">→</span>
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </PanelBody>
    </Panel>
  );
}
