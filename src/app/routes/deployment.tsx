import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams } from 'react-router';
import type { Deployment } from '@/api/types';
import { deploymentQueries } from '@/api/queries/deployments';
import { resourceGraphQueries } from '@/api/queries/resource-graphs';
import { setQueries } from '@/api/queries/sets';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { StatusBadge } from '@/components/ui/status-badge';
import { CloneLink } from '@/features/clone/components/clone-link';
import { DeploymentSetView } from '@/features/deployments/components/deployment-set';
import { DeploymentSummary } from '@/features/deployments/components/deployment-summary';
import { DeploymentTimeline } from '@/features/deployments/components/deployment-timeline';
import { ExportPanel } from '@/features/deployments/components/export-panel';
import { prefetchExportDiff } from '@/features/deployments/utils/export-prefetch';
import { ResourceGraphPanel } from '@/features/deployments/components/resource-graph';
import {
  layoutOfGraph,
  preloadGraphLayout,
} from '@/features/deployments/utils/load-resource-graph-layout';
import { useDeployment, useDeployments } from '@/features/deployments/queries';
import { shortId } from '@/lib/format';
import { deploymentStatus } from '@/lib/status';
import { RouteError } from './route-error';
import { useIdlePreload } from '@/hooks/use-idle-preload';

type Params = { orgId: string; appId: string; envId: string; deployId: string };

/**
 * Loads the resource graph and the set it is drawn with beside the page's own
 * data, and has the graph laid out (in a worker) while the page renders, not
 * after. Errors are left to the graph's panel, which shows its own state.
 * The environment page also calls it, when the browser is idle, for its newest
 * deployment (the one most opened from there: "what failed and why").
 */
export function prefetchResourceGraph(
  queryClient: QueryClient,
  { orgId, appId, envId }: Omit<Params, 'deployId'>,
  deployment: Pick<Deployment, 'set_id' | 'dependency_graph_id'>,
) {
  const setQuery = setQueries.set(orgId, appId, deployment.set_id);
  const set = queryClient.ensureQueryData(setQuery);
  const graphId = deployment.dependency_graph_id;
  if (!graphId) {
    set.catch(() => {});
    return;
  }
  const graphQuery = resourceGraphQueries.graph(orgId, appId, envId, graphId);
  preloadGraphLayout();
  Promise.all([queryClient.ensureQueryData(graphQuery), set])
    .then(() => {
      // The cache's own objects: the graph view asks for the layout with these.
      const graph = queryClient.getQueryData(graphQuery.queryKey);
      const content = queryClient.getQueryData(setQuery.queryKey);
      if (graph?.nodes && content) void layoutOfGraph(graph.nodes, content);
    })
    .catch(() => {});
}

/**
 * What the environment page loads while the browser is idle for its newest
 * deployment (the one most opened from there): this page's code (the caller's
 * import), its resource graph with the layout, and, for an operator or GitOps
 * environment, its export and the previous one (the manifest diff).
 */
export function prefetchNewestDeployment(
  queryClient: QueryClient,
  params: Omit<Params, 'deployId'>,
  deployment: Pick<Deployment, 'id' | 'set_id' | 'dependency_graph_id'>,
) {
  prefetchResourceGraph(queryClient, params, deployment);
  prefetchExportDiff(queryClient, { ...params, deployId: deployment.id });
}

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId, envId, deployId } = params as Params;
    // The resource graph's layout worker starts while the page's data loads.
    preloadGraphLayout();
    // An operator or GitOps deployment's export and the previous one, for the manifest diff.
    prefetchExportDiff(queryClient, params as Params);
    const detail = deploymentQueries.detail(orgId, appId, envId, deployId);
    // Coming from the environment's history, its list already names the graph and the set: no wait for the detail.
    const known =
      queryClient.getQueryData(detail.queryKey) ??
      queryClient
        .getQueryData(deploymentQueries.list(orgId, appId, envId).queryKey)
        ?.find((d) => d.id === deployId);
    if (known) prefetchResourceGraph(queryClient, params as Params, known);
    await Promise.all([
      queryClient.ensureQueryData(detail).then((deployment) => {
        if (!known)
          prefetchResourceGraph(queryClient, params as Params, deployment);
      }),
      queryClient.ensureQueryData(deploymentQueries.list(orgId, appId, envId)),
      queryClient.prefetchQuery(
        deploymentQueries.steps(orgId, appId, envId, deployId),
      ),
    ]);
    return null;
  };

export function Component() {
  const { orgId, appId, envId, deployId } = useParams() as Params;
  // "Compare" is the most followed link here: its page's code loads while the browser is idle.
  useIdlePreload(() => import('./diff'));
  const { data: deployment } = useDeployment(orgId, appId, envId, deployId);
  const { data: history } = useDeployments(orgId, appId, envId);
  // The diff links need the base's environment: this one when the base was deployed here.
  const baseDeployId = history.some((d) => d.id === deployment.from_id)
    ? deployment.from_id
    : undefined;
  return (
    <>
      <PageHeader
        title={`Deployment ${shortId(deployment.id)}`}
        status={<StatusBadge status={deploymentStatus(deployment.status)} />}
        actions={
          <>
            {/* What this deployment changed, whatever its outcome (a failure's banner links it too). */}
            {baseDeployId && (
              <Link
                className="button"
                to={paths.diff(
                  orgId,
                  appId,
                  { envId, deployId: baseDeployId },
                  { envId, deployId },
                )}
              >
                Compare with previous
              </Link>
            )}
            <CloneLink
              orgId={orgId}
              appId={appId}
              envId={envId}
              deployId={deployId}
            />
          </>
        }
      >
        <span>
          {appId} / {envId}
        </span>
      </PageHeader>
      <DeploymentSummary
        orgId={orgId}
        appId={appId}
        envId={envId}
        deployId={deployId}
      />
      <DeploymentTimeline
        orgId={orgId}
        appId={appId}
        envId={envId}
        deployId={deployId}
        baseDeployId={baseDeployId}
      />
      <ExportPanel
        orgId={orgId}
        appId={appId}
        envId={envId}
        deployId={deployId}
      />
      <ResourceGraphPanel
        orgId={orgId}
        appId={appId}
        envId={envId}
        deployId={deployId}
      />
      <DeploymentSetView
        orgId={orgId}
        appId={appId}
        envId={envId}
        setId={deployment.set_id}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
