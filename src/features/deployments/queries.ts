import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getDeployment, getDeploymentErrors, listDeployments } from '@/api/deployments';
import { getDeploymentSteps } from '@/api/health';
import { apiKeys } from '@/api/keys';
import { setQueries } from '@/api/set-queries';
import { isDeploymentActive } from '@/lib/status';

const deploys = (orgId: string, appId: string, envId: string) =>
  [...apiKeys.env(orgId, appId, envId), 'deploys'] as const;

export const deploymentQueries = {
  list: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...deploys(orgId, appId, envId), 'list'],
      queryFn: () => listDeployments(orgId, appId, envId),
      refetchInterval: (query) =>
        query.state.data?.some((d) => isDeploymentActive(d.status)) ? 1000 : 15_000,
    }),
  detail: (orgId: string, appId: string, envId: string, deployId: string) =>
    queryOptions({
      queryKey: [...deploys(orgId, appId, envId), deployId],
      queryFn: () => getDeployment(orgId, appId, envId, deployId),
      // Live status while the deployment runs; no polling once it is terminal.
      refetchInterval: (query) => (isDeploymentActive(query.state.data?.status) ? 1000 : false),
    }),
  errors: (orgId: string, appId: string, envId: string, deployId: string) =>
    queryOptions({
      queryKey: [...deploys(orgId, appId, envId), deployId, 'errors'],
      queryFn: () => getDeploymentErrors(orgId, appId, envId, deployId),
    }),
  /** The step timeline (extension; `null` without it): live while the deployment runs, no polling once terminal. */
  steps: (orgId: string, appId: string, envId: string, deployId: string) =>
    queryOptions({
      queryKey: [...deploys(orgId, appId, envId), deployId, 'console', 'steps'],
      queryFn: () => getDeploymentSteps(orgId, appId, envId, deployId),
      refetchInterval: (query) => (isDeploymentActive(query.state.data?.status) ? 1000 : false),
    }),
  set: setQueries.set,
};

export const useDeployments = (orgId: string, appId: string, envId: string) =>
  useSuspenseQuery(deploymentQueries.list(orgId, appId, envId));
export const useDeployment = (orgId: string, appId: string, envId: string, deployId: string) =>
  useSuspenseQuery(deploymentQueries.detail(orgId, appId, envId, deployId));
export const useDeploymentErrors = (
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
  enabled: boolean,
) => useQuery({ ...deploymentQueries.errors(orgId, appId, envId, deployId), enabled });
export const useDeploymentSet = (orgId: string, appId: string, setId: string) =>
  useQuery(deploymentQueries.set(orgId, appId, setId));
export const useDeploymentSteps = (orgId: string, appId: string, envId: string, deployId: string) =>
  useQuery(deploymentQueries.steps(orgId, appId, envId, deployId));
