import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams } from 'react-router';
import { healthQueries } from '@/api/queries/health';
import { pipelineQueries } from '@/api/queries/pipelines';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { CanaryView } from '@/features/pipelines/components/canary-view';
import { useCanDeployTo } from '@/features/pipelines/hooks/use-can-deploy';
import { useEnvironmentHealth } from '@/features/health/queries';
import { RouteError } from './route-error';

type Params = { orgId: string; appId: string; envId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId, envId } = params as Params;
    // The environment's health says whether a canary ever ran there: if none did, the page is an empty state and
    // the canary is not asked for (its 404 would be an error). Without the health extension, ask the canary itself.
    const health = await queryClient
      .fetchQuery(healthQueries.env(orgId, appId, envId))
      .catch(() => null);
    if (health === null || health.canary)
      await queryClient.ensureQueryData(
        pipelineQueries.canary(orgId, appId, envId),
      );
    return null;
  };

export function Component() {
  const { orgId, appId, envId } = useParams() as Params;
  const canDeployTo = useCanDeployTo(orgId, appId);
  const { data: health } = useEnvironmentHealth(orgId, appId, envId);
  const noCanaryYet = Boolean(health && !health.canary);
  return (
    <>
      <PageHeader title={`Canary release in ${envId}`}>
        <Link to={paths.env(orgId, appId, envId)}>Back to {envId}</Link>
      </PageHeader>
      <CanaryView
        orgId={orgId}
        appId={appId}
        envId={envId}
        canDecide={canDeployTo(envId)}
        noCanaryYet={noCanaryYet}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
