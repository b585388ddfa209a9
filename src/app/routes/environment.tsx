import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { DeploymentHistory } from '@/features/deployments/components/deployment-history';
import { deploymentQueries } from '@/features/deployments/queries';
import { CurrentDeployment } from '@/features/environments/components/current-deployment';
import { WorkloadsPanel } from '@/features/environments/components/workloads-panel';
import { environmentQueries, useEnvironment } from '@/features/environments/queries';
import { deploymentStatus } from '@/lib/status';
import { RouteError } from './route-error';

type Params = { orgId: string; appId: string; envId: string };

export const loader = (queryClient: QueryClient) => async ({ params }: LoaderFunctionArgs) => {
  const { orgId, appId, envId } = params as Params;
  const [env] = await Promise.all([
    queryClient.ensureQueryData(environmentQueries.detail(orgId, appId, envId)),
    queryClient.ensureQueryData(deploymentQueries.list(orgId, appId, envId)),
  ]);
  const setId = env.last_deploy?.set_id;
  if (setId) await queryClient.ensureQueryData(environmentQueries.set(orgId, appId, setId));
  return null;
};

export function Component() {
  const { orgId, appId, envId } = useParams() as Params;
  const { data: env } = useEnvironment(orgId, appId, envId);
  return (
    <>
      <PageHeader
        title={env.name}
        status={<StatusBadge status={deploymentStatus(env.last_deploy?.status)} />}
      >
        <span>
          Environment <code>{env.id}</code> · type {env.type}
        </span>
      </PageHeader>
      {env.last_deploy ? (
        <>
          <CurrentDeployment orgId={orgId} appId={appId} env={env} />
          <WorkloadsPanel orgId={orgId} appId={appId} envId={envId} setId={env.last_deploy.set_id} />
        </>
      ) : (
        <EmptyState title="Never deployed">
          This environment has no deployment yet: deploy a workload to it.
        </EmptyState>
      )}
      <DeploymentHistory orgId={orgId} appId={appId} envId={envId} />
    </>
  );
}

export const ErrorBoundary = RouteError;
