import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getEnvironment } from '@/api/environments';
import { apiKeys } from '@/api/keys';
import { getRuntime } from '@/api/runtime';
import { getSet } from '@/api/sets';
import { isDeploymentActive } from '@/lib/status';

export const environmentQueries = {
  detail: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...apiKeys.env(orgId, appId, envId), 'detail'],
      queryFn: () => getEnvironment(orgId, appId, envId),
      // Follow a running deployment live; stop polling at a terminal state.
      refetchInterval: (query) =>
        isDeploymentActive(query.state.data?.last_deploy?.status) ? 1000 : 15_000,
    }),
  runtime: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...apiKeys.env(orgId, appId, envId), 'runtime'],
      queryFn: () => getRuntime(orgId, appId, envId),
      refetchInterval: 5000,
    }),
  set: (orgId: string, appId: string, setId: string) =>
    queryOptions({
      queryKey: [...apiKeys.sets(orgId, appId), setId],
      queryFn: () => getSet(orgId, appId, setId),
      staleTime: Infinity, // sets are immutable
    }),
};

export const useEnvironment = (orgId: string, appId: string, envId: string) =>
  useSuspenseQuery(environmentQueries.detail(orgId, appId, envId));
export const useRuntime = (orgId: string, appId: string, envId: string) =>
  useQuery(environmentQueries.runtime(orgId, appId, envId));
export const useEnvironmentSet = (orgId: string, appId: string, setId: string) =>
  useSuspenseQuery(environmentQueries.set(orgId, appId, setId));
