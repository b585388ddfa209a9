import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { ExportView } from '@/api/gitops';
import { deploymentQueries } from '@/api/queries/deployments';
import { gitopsQueries } from '@/api/queries/gitops';
import { resourceGraphQueries } from '@/api/queries/resource-graphs';
import { setQueries } from '@/api/queries/sets';

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
/** A deployment's export status, commit, previous export and reconciliation (null without the extension). */
export const useDeploymentGitops = (
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) => useQuery(gitopsQueries.deploy(orgId, appId, envId, deployId));
/** A deployment's export text; nothing while `deployId` is undefined (no previous export, or not written yet). */
export const useDeploymentExport = (
  orgId: string,
  appId: string,
  envId: string,
  deployId: string | undefined,
  view: ExportView,
) =>
  useQuery({
    ...gitopsQueries.export(orgId, appId, envId, deployId ?? '', view),
    enabled: !!deployId,
  });
