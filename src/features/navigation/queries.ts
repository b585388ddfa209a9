import { queryOptions, useQuery } from '@tanstack/react-query';
import { listApps } from '@/api/apps';
import { listDeployments } from '@/api/deployments';
import { getEnvironment, listEnvironments } from '@/api/environments';
import { apiKeys } from '@/api/keys';
import { getNavigationIndex, type NavigationIndex } from '@/api/navigation';
import { listOrgs } from '@/api/orgs';
import { listOrgPipelineRuns, listOrgPipelines } from '@/api/pipelines';
import { setQueries } from '@/api/set-queries';
import { getCurrentUser } from '@/api/users';
import { isNotFound } from '@/lib/errors';

/** The navigation index; `complete` is false when the API has no index endpoint (apps and environments only). */
export type NavIndex = NavigationIndex & { complete: boolean };

/** Without the extension endpoint (a real Humanitec API answers 404): the spec's app list, apps and envs only. */
async function loadIndex(orgId: string): Promise<NavIndex> {
  try {
    const index = await getNavigationIndex(orgId);
    ready(index.apps.length, index.deployments.length);
    return { ...index, complete: true };
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const apps = await listApps(orgId);
    ready(apps.length, 0);
    return {
      org_id: orgId,
      apps: apps.map((app) => ({
        id: app.id,
        name: app.name,
        envs: app.envs.map((env) => ({ ...env, workloads: [] })),
      })),
      deployments: [],
      deploys_per_env: 0,
      profiles: [],
      complete: false,
    };
  }
}

/** Marks when the index arrived (the palette benchmark's "ready to search" point). */
function ready(apps: number, deployments: number) {
  try {
    performance.mark('navigation-index-ready', {
      detail: { apps, deployments },
    });
  } catch {
    // User Timing Level 3 missing: no mark.
  }
}

// Keys that other features also use (apps, environments, deployments) are the
// same keys over the same fetchers, so the cache is shared, not duplicated.
export const navigationQueries = {
  index: (orgId: string) =>
    queryOptions({
      queryKey: [...apiKeys.org(orgId), 'console', 'navigation-index'],
      queryFn: () => loadIndex(orgId),
      staleTime: 30_000,
    }),
  /** The organisation's pipelines and their runs, for the palette. */
  pipelines: (orgId: string) =>
    queryOptions({
      queryKey: [...apiKeys.orgPipelines(orgId), 'console', 'palette'],
      queryFn: async () => {
        const [pipelines, runs] = await Promise.all([
          listOrgPipelines(orgId),
          listOrgPipelineRuns(orgId),
        ]);
        return { pipelines, runs };
      },
      staleTime: 10_000,
    }),
  orgs: () =>
    queryOptions({
      queryKey: [...apiKeys.orgs(), 'list'],
      queryFn: listOrgs,
      staleTime: 60_000,
    }),
  currentUser: () =>
    queryOptions({
      queryKey: ['current-user'],
      queryFn: getCurrentUser,
      staleTime: Infinity,
    }),
  environments: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: [...apiKeys.envs(orgId, appId), 'list'],
      queryFn: () => listEnvironments(orgId, appId),
      refetchInterval: 15_000,
    }),
  environment: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...apiKeys.env(orgId, appId, envId), 'detail'],
      queryFn: () => getEnvironment(orgId, appId, envId),
    }),
  deployments: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...apiKeys.env(orgId, appId, envId), 'deploys', 'list'],
      queryFn: () => listDeployments(orgId, appId, envId),
    }),
  set: setQueries.set,
};

export const useNavIndex = (orgId: string | undefined) =>
  useQuery({ ...navigationQueries.index(orgId ?? ''), enabled: !!orgId });
export const usePalettePipelines = (orgId: string | undefined) =>
  useQuery({ ...navigationQueries.pipelines(orgId ?? ''), enabled: !!orgId });
export const useOrgs = () => useQuery(navigationQueries.orgs());
export const useCurrentUser = () => useQuery(navigationQueries.currentUser());
export const useAppEnvironments = (
  orgId: string,
  appId: string | undefined,
  enabled = true,
) =>
  useQuery({
    ...navigationQueries.environments(orgId, appId ?? ''),
    enabled: enabled && !!appId,
  });
