import { queryOptions } from '@tanstack/react-query';
import { isDeploymentActive } from '@/lib/status';
import { getEnvironment, listEnvironments } from '../environments';
import { keys } from './keys';

/**
 * Refetch policy of an app's environment list: polled every 10 s, wherever it
 * is shown (each row carries its last deployment's status, which changes
 * without the viewer doing anything). Features used to disagree (10 s on the
 * app page, 15 s in the sidebar, none on the diff, clone and pipelines pages);
 * one entry with one policy now serves them all.
 */
export const ENVIRONMENTS_REFETCH_MS = 10_000;

/** Refetch policy of one environment: every second while its last deployment runs, every 15 s otherwise. */
export const ENVIRONMENT_LIVE_MS = 1000;
export const ENVIRONMENT_IDLE_MS = 15_000;

export const envQueries = {
  list: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: keys.envList(orgId, appId),
      queryFn: () => listEnvironments(orgId, appId),
      refetchInterval: ENVIRONMENTS_REFETCH_MS,
    }),
  detail: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: keys.envDetail(orgId, appId, envId),
      queryFn: () => getEnvironment(orgId, appId, envId),
      // Follow a running deployment live; slow down at a terminal state.
      refetchInterval: (query) =>
        isDeploymentActive(query.state.data?.last_deploy?.status)
          ? ENVIRONMENT_LIVE_MS
          : ENVIRONMENT_IDLE_MS,
    }),
};
