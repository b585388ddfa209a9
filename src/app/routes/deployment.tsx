import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { DeploymentSetView } from '@/features/deployments/components/deployment-set';
import { DeploymentSummary } from '@/features/deployments/components/deployment-summary';
import { deploymentQueries, useDeployment } from '@/features/deployments/queries';
import { shortId } from '@/lib/format';
import { deploymentStatus } from '@/lib/status';
import { RouteError } from './route-error';

type Params = { orgId: string; appId: string; envId: string; deployId: string };

export const loader = (queryClient: QueryClient) => async ({ params }: LoaderFunctionArgs) => {
  const { orgId, appId, envId, deployId } = params as Params;
  await queryClient.ensureQueryData(deploymentQueries.detail(orgId, appId, envId, deployId));
  return null;
};

export function Component() {
  const { orgId, appId, envId, deployId } = useParams() as Params;
  const { data: deployment } = useDeployment(orgId, appId, envId, deployId);
  return (
    <>
      <PageHeader
        title={`Deployment ${shortId(deployment.id)}`}
        status={<StatusBadge status={deploymentStatus(deployment.status)} />}
      >
        <span>
          {appId} / {envId}
        </span>
      </PageHeader>
      <DeploymentSummary orgId={orgId} appId={appId} envId={envId} deployId={deployId} />
      <DeploymentSetView orgId={orgId} appId={appId} setId={deployment.set_id} />
    </>
  );
}

export const ErrorBoundary = RouteError;
