import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { appQueries } from '@/api/queries/apps';
import { envQueries } from '@/api/queries/environments';
import { runtimeQueries } from '@/api/queries/runtime';

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
