import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import {
  deploymentQueries,
  resourceGraphQueries,
  setQueries,
} from '@/api/queries';

/** Hooks of the deployment pages (options, keys and refetch policies live in `src/api/queries`). */
export const useDeployments = (orgId: string, appId: string, envId: string) =>
  useSuspenseQuery(deploymentQueries.list(orgId, appId, envId));
export const useDeployment = (
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) => useSuspenseQuery(deploymentQueries.detail(orgId, appId, envId, deployId));
export const useDeploymentErrors = (
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
  enabled: boolean,
) =>
  useQuery({
    ...deploymentQueries.errors(orgId, appId, envId, deployId),
    enabled,
  });
export const useDeploymentSet = (orgId: string, appId: string, setId: string) =>
  useQuery(setQueries.set(orgId, appId, setId));
export const useDeploymentSteps = (
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) => useQuery(deploymentQueries.steps(orgId, appId, envId, deployId));
/** A deployment's dependency graph; nothing while it names none. */
export const useResourceGraph = (
  orgId: string,
  appId: string,
  envId: string,
  graphId: string | undefined,
) =>
  useQuery({
    ...resourceGraphQueries.graph(orgId, appId, envId, graphId ?? ''),
    enabled: !!graphId,
  });
