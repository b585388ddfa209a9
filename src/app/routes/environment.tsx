import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams } from 'react-router';
import { deploymentQueries } from '@/api/queries/deployments';
import { envQueries } from '@/api/queries/environments';
import { gitopsQueries } from '@/api/queries/gitops';
import { healthQueries } from '@/api/queries/health';
import { setQueries } from '@/api/queries/sets';
import { OnThisPage } from '@/components/layout/on-this-page';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { StatusBadge } from '@/components/ui/status-badge';
import { CloneHistory } from '@/features/clone/components/clone-history';
import { CloneLink } from '@/features/clone/components/clone-link';
import { DeploymentHistory } from '@/features/deployments/components/deployment-history';
import { ActiveResourcesPanel } from '@/features/environments/components/active-resources';
import { CurrentDeployment } from '@/features/environments/components/current-deployment';
import {
  GitopsModeBadge,
  GitopsPanel,
} from '@/features/environments/components/gitops-panel';
import { PauseControl } from '@/features/environments/components/pause-control';
import { RuntimeHealthFallback } from '@/features/environments/components/runtime-health-fallback';
import { ContainerShell } from '@/features/debug/components/container-shell';
import { WorkloadRuntimePanel } from '@/features/environments/components/workload-runtime-panel';
import { WorkloadsPanel } from '@/features/environments/components/workloads-panel';
import { useEnvironment } from '@/features/environments/queries';
import { EnvironmentSettings } from '@/features/settings/components/environment-settings';
import { EnvHealthBadge } from '@/features/health/components/env-health-badge';
import { HealthBanner } from '@/features/health/components/health-banner';
import { CanaryBanner } from '@/features/health/components/canary-banner';
import { ApprovalBanner } from '@/features/pipelines/components/approval-banner';
import { useEnvironmentHealth } from '@/features/health/queries';
import { deploymentStatus } from '@/lib/status';
import { RouteError } from './route-error';
import { revalidateOnNewPath } from './route-kit';
import { useIdlePreload } from '@/hooks/use-idle-preload';

type Params = { orgId: string; appId: string; envId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId, envId } = params as Params;
    const [env] = await Promise.all([
      queryClient.ensureQueryData(envQueries.detail(orgId, appId, envId)),
      queryClient.ensureQueryData(deploymentQueries.list(orgId, appId, envId)),
      // Health is an extension and may fail on its own: the banner shows that, the page still loads.
      queryClient.prefetchQuery(healthQueries.env(orgId, appId, envId)),
      // So is how it is delivered (Operator, GitOps): its panel is left out until known.
      queryClient.prefetchQuery(gitopsQueries.env(orgId, appId, envId)),
    ]);
    const setId = env.last_deploy?.set_id;
    if (setId)
      await queryClient.ensureQueryData(setQueries.set(orgId, appId, setId));
    return null;
  };

/** Opening a workload's runtime panel only changes the search params: no reload, its queries poll. */
export const shouldRevalidate = revalidateOnNewPath;

export function Component() {
  const { orgId, appId, envId } = useParams() as Params;
  const { data: env } = useEnvironment(orgId, appId, envId);
  const { data: health } = useEnvironmentHealth(orgId, appId, envId);
  const queryClient = useQueryClient();
  // "Compare" is the most followed link here: its page's code loads while the browser is idle.
  useIdlePreload(() => import('./diff'));
  // So is the newest deployment: its page's code, its resource graph (laid out in a worker) and, for an operator
  // or GitOps environment, its manifest diff.
  const newest = env.last_deploy;
  useIdlePreload(
    async () => {
      if (!newest) return;
      const { prefetchNewestDeployment } = await import('./deployment');
      prefetchNewestDeployment(queryClient, { orgId, appId, envId }, newest);
    },
    `${orgId}/${appId}/${envId}/${newest?.id ?? ''}`,
  );
  return (
    <>
      <PageHeader
        title={env.name}
        status={
          <EnvHealthBadge
            orgId={orgId}
            appId={appId}
            envId={envId}
            fallback={
              <StatusBadge status={deploymentStatus(env.last_deploy?.status)} />
            }
          />
        }
        actions={
          <>
            {env.last_deploy && (
              <CloneLink orgId={orgId} appId={appId} envId={envId} />
            )}
            <Link
              className="button"
              to={paths.addWorkload(orgId, appId, envId)}
            >
              Add workload
            </Link>
            <Link className="button" to={paths.score(orgId, appId, envId)}>
              Deploy a Score file
            </Link>
            <Link className="button" to={paths.envStream(orgId, appId, envId)}>
              Logs and events
            </Link>
            <PauseControl orgId={orgId} appId={appId} env={env} />
          </>
        }
      >
        <span>
          Environment <code>{env.id}</code> · type {env.type}
        </span>
        <GitopsModeBadge orgId={orgId} appId={appId} envId={envId} />
      </PageHeader>
      <OnThisPage
        sections={[
          ...(env.last_deploy
            ? [
                { id: 'current-heading', label: 'Deployment' },
                { id: 'workloads-heading', label: 'Workloads' },
              ]
            : []),
          { id: 'resources-heading', label: 'Resources' },
          { id: 'history-heading', label: 'Deployment history' },
          { id: 'clone-history-heading', label: 'Clone history' },
          { id: 'env-settings-heading', label: 'Settings' },
        ]}
      />
      <HealthBanner
        orgId={orgId}
        appId={appId}
        envId={envId}
        fallback={
          <RuntimeHealthFallback orgId={orgId} appId={appId} env={env} />
        }
      />
      <ApprovalBanner orgId={orgId} appId={appId} envId={envId} />
      <CanaryBanner orgId={orgId} appId={appId} envId={envId} />
      <GitopsPanel orgId={orgId} appId={appId} env={env} />
      {env.last_deploy && (
        <>
          <CurrentDeployment
            orgId={orgId}
            appId={appId}
            env={env}
            healthState={health?.state}
            runningDeployId={health?.running_deploy_id ?? undefined}
          />
          <WorkloadsPanel
            orgId={orgId}
            appId={appId}
            envId={envId}
            setId={env.last_deploy.set_id}
          />
        </>
      )}
      <ActiveResourcesPanel orgId={orgId} appId={appId} env={env} />
      <DeploymentHistory orgId={orgId} appId={appId} envId={envId} />
      <CloneHistory
        orgId={orgId}
        appId={appId}
        envId={envId}
        deployed={!!env.last_deploy}
      />
      <WorkloadRuntimePanel
        orgId={orgId}
        appId={appId}
        env={env}
        renderShell={({ env: shellEnv, ...shell }) => (
          <ContainerShell
            key={`${shell.podName}/${shell.containerId}/${shell.debug}`}
            {...shell}
            envId={shellEnv.id}
            setId={shellEnv.last_deploy?.set_id}
          />
        )}
      />
      <EnvironmentSettings
        key={`${env.name}/${env.type}`}
        orgId={orgId}
        appId={appId}
        env={env}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
