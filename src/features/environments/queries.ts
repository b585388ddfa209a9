import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { ContainerRef } from '@/api/health';
import { activeResourceQueries } from '@/api/queries/active-resources';
import { deploymentQueries } from '@/api/queries/deployments';
import { envQueries } from '@/api/queries/environments';
import { gitopsQueries } from '@/api/queries/gitops';
import { resourceDefQueries } from '@/api/queries/resource-definitions';
import { runtimeQueries } from '@/api/queries/runtime';
import { setQueries } from '@/api/queries/sets';

/** Hooks of the environment pages (options, keys and refetch policies live in `src/api/queries`). */
export const useEnvironment = (orgId: string, appId: string, envId: string) =>
  useSuspenseQuery(envQueries.detail(orgId, appId, envId));
export const useRuntime = (orgId: string, appId: string, envId: string) =>
  useQuery(runtimeQueries.env(orgId, appId, envId));
/** The runtime summary row of the environment (whether it is paused). */
export const useRuntimeSummary = (
  orgId: string,
  appId: string,
  envId: string,
) => useQuery(runtimeQueries.summaries(orgId, appId, [envId]));
export const useEnvironmentSet = (
  orgId: string,
  appId: string,
  setId: string,
) => useSuspenseQuery(setQueries.set(orgId, appId, setId));
/** The set an environment runs, if any (nothing asked for without one). */
export const useOptionalEnvironmentSet = (
  orgId: string,
  appId: string,
  setId: string | undefined,
) =>
  useQuery({
    ...setQueries.set(orgId, appId, setId ?? ''),
    enabled: Boolean(setId),
  });
export const useContainerLogs = (ref: ContainerRef, follow: boolean) =>
  useQuery(runtimeQueries.logs(ref, follow));
/** What deployments provisioned in the environment (its active resources). */
export const useActiveResources = (
  orgId: string,
  appId: string,
  envId: string,
) => useQuery(activeResourceQueries.list(orgId, appId, envId));
/** A definition's versions, for pinning an active resource to one. */
export const useDefinitionVersions = (orgId: string, defId: string) =>
  useQuery(resourceDefQueries.versions(orgId, defId));

/** The workload fields whose placeholders a deployment filled (null without the extension). */
export const useDeployPlaceholders = (
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) => useQuery(deploymentQueries.placeholders(orgId, appId, envId, deployId));

/** How the environment deploys (direct, operator, GitOps), its repository, sync, drift and resources (null without the extension). */
export const useEnvironmentGitops = (
  orgId: string,
  appId: string,
  envId: string,
) => useQuery(gitopsQueries.env(orgId, appId, envId));
