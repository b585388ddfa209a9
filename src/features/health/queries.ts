import { queryOptions, useQuery } from '@tanstack/react-query';
import { getAppHealth, getEnvironmentHealth, getOrgHealth } from '@/api/health';
import { apiKeys } from '@/api/keys';

/** Poll fast while something deploys, slowly otherwise (restart counts and reasons change with time). */
const interval = (deploying: boolean) => (deploying ? 1000 : 10_000);

/** Health from the console extension; `null` data means the API does not offer it. */
export const healthQueries = {
  org: (orgId: string) =>
    queryOptions({
      queryKey: [...apiKeys.orgConsole(orgId), 'health'],
      queryFn: () => getOrgHealth(orgId),
      refetchInterval: (query) =>
        query.state.data === null ? false : interval(!!query.state.data?.apps.some((a) => a.envs.some((e) => e.state === 'Deploying'))),
    }),
  app: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: [...apiKeys.appConsole(orgId, appId), 'health'],
      queryFn: () => getAppHealth(orgId, appId),
      refetchInterval: (query) =>
        query.state.data === null ? false : interval(!!query.state.data?.envs.some((e) => e.state === 'Deploying')),
    }),
  env: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...apiKeys.env(orgId, appId, envId), 'console', 'health'],
      queryFn: () => getEnvironmentHealth(orgId, appId, envId),
      refetchInterval: (query) =>
        query.state.data === null
          ? false
          : interval(query.state.data?.state === 'Deploying' || ['deploying', 'progressing'].includes(query.state.data?.canary?.status ?? '')),
    }),
};

export const useOrgHealth = (orgId: string) => useQuery(healthQueries.org(orgId));
export const useAppHealth = (orgId: string, appId: string) => useQuery(healthQueries.app(orgId, appId));
export const useEnvironmentHealth = (orgId: string, appId: string, envId: string) =>
  useQuery(healthQueries.env(orgId, appId, envId));
