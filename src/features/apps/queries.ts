import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { appQueries, envQueries, runtimeQueries } from '@/api/queries';

/** Hooks of the app pages (options, keys and refetch policies live in `src/api/queries`). */
export const useApps = (orgId: string) =>
  useSuspenseQuery(appQueries.list(orgId));
export const useApp = (orgId: string, appId: string) =>
  useSuspenseQuery(appQueries.detail(orgId, appId));
export const useAppEnvironments = (orgId: string, appId: string) =>
  useSuspenseQuery(envQueries.list(orgId, appId));
/** The runtime summary rows (paused, replicas) of the app's environments. */
export const useRuntimeSummaries = (
  orgId: string,
  appId: string,
  envIds: string[],
) => useQuery(runtimeQueries.summaries(orgId, appId, envIds));
