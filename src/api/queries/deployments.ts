import { queryOptions } from '@tanstack/react-query';
import { isDeploymentActive } from '@/lib/status';
import {
  getDeployment,
  getDeploymentErrors,
  getDeployPlaceholders,
  listDeployments,
} from '../deployments';
import { getDeploymentSteps } from '../health';
import { keys } from './keys';

/**
 * Refetch policy: live while something runs. A running deployment (and its
 * step timeline) is polled every second and not at all once terminal; an
 * environment's list every second while one of its deployments runs and
 * every 15 s otherwise (a new deployment can start from elsewhere). Errors of
 * a deployment never change once it has finished: TanStack defaults.
 */
export const DEPLOYMENT_LIVE_MS = 1000;
export const DEPLOYMENT_LIST_IDLE_MS = 15_000;

export const deploymentQueries = {
  list: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: keys.deployList(orgId, appId, envId),
      queryFn: () => listDeployments(orgId, appId, envId),
      refetchInterval: (query) =>
        query.state.data?.some((d) => isDeploymentActive(d.status))
          ? DEPLOYMENT_LIVE_MS
          : DEPLOYMENT_LIST_IDLE_MS,
    }),
  /** The list of the environment a picker has chosen, or nothing while none is chosen. */
  listOfChosen: (orgId: string, appId: string, envId: string | undefined) => ({
    ...deploymentQueries.list(orgId, appId, envId ?? ''),
    enabled: !!envId,
  }),
  /**
   * A deployment. `knownStatus` is what the caller already knows of it (e.g. an applied clone's own status):
   * until a first answer arrives it decides, so a failed first poll does not stop following a running deployment.
   */
  detail: (
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
    knownStatus?: string,
  ) =>
    queryOptions({
      queryKey: keys.deploy(orgId, appId, envId, deployId),
      queryFn: () => getDeployment(orgId, appId, envId, deployId),
      // Live status while the deployment runs; no polling once it is terminal.
      refetchInterval: (query) =>
        isDeploymentActive(query.state.data?.status ?? knownStatus)
          ? DEPLOYMENT_LIVE_MS
          : false,
    }),
  errors: (orgId: string, appId: string, envId: string, deployId: string) =>
    queryOptions({
      queryKey: keys.deployErrors(orgId, appId, envId, deployId),
      queryFn: () => getDeploymentErrors(orgId, appId, envId, deployId),
    }),
  /** The step timeline (extension; `null` without it): live while the deployment runs, no polling once terminal. */
  steps: (orgId: string, appId: string, envId: string, deployId: string) =>
    queryOptions({
      queryKey: keys.deploySteps(orgId, appId, envId, deployId),
      queryFn: () => getDeploymentSteps(orgId, appId, envId, deployId),
      refetchInterval: (query) =>
        isDeploymentActive(query.state.data?.status)
          ? DEPLOYMENT_LIVE_MS
          : false,
    }),
  /** The workload fields whose placeholders it filled (extension; `null` without it). Fixed once created. */
  placeholders: (
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ) =>
    queryOptions({
      queryKey: keys.deployPlaceholders(orgId, appId, envId, deployId),
      queryFn: () => getDeployPlaceholders(orgId, appId, envId, deployId),
      staleTime: Infinity,
    }),
};
