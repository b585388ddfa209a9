import { useQueries, useQuery } from '@tanstack/react-query';
import { envQueries } from '@/api/queries/environments';
import { valueQueries } from '@/api/queries/values';
import type { ValueScope } from '@/api/values';

/** The app's environments. */
export function useEnvironments(orgId: string, appId: string) {
  return useQuery(envQueries.list(orgId, appId));
}

/** The app's values and each environment's effective values. */
export function useValueMatrix(
  orgId: string,
  appId: string,
  envIds: readonly string[],
) {
  const app = useQuery(valueQueries.list({ orgId, appId }));
  const envs = useQueries({
    queries: envIds.map((envId) => valueQueries.list({ orgId, appId, envId })),
  });
  return { app, envs };
}

/** The versions of one scope, newest first. */
export function useValueVersions(scope: ValueScope) {
  return useQuery(valueQueries.versions(scope));
}
