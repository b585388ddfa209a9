import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { getApp, listApps } from '@/api/apps';
import { listEnvironments } from '@/api/environments';
import { apiKeys } from '@/api/keys';
import { listOrgs } from '@/api/orgs';
import { listRuntimeSummaries } from '@/api/runtime';

export const appQueries = {
  orgs: () => queryOptions({ queryKey: [...apiKeys.orgs(), 'list'], queryFn: listOrgs }),
  list: (orgId: string) =>
    queryOptions({ queryKey: [...apiKeys.apps(orgId), 'list'], queryFn: () => listApps(orgId) }),
  detail: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: [...apiKeys.app(orgId, appId), 'detail'],
      queryFn: () => getApp(orgId, appId),
    }),
  environments: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: [...apiKeys.envs(orgId, appId), 'list'],
      queryFn: () => listEnvironments(orgId, appId),
      refetchInterval: 10_000,
    }),
  runtimeSummaries: (orgId: string, appId: string, envIds: string[]) =>
    queryOptions({
      queryKey: [...apiKeys.envs(orgId, appId), 'runtime-summary', envIds],
      queryFn: async () => {
        // The API answers at most five environments per call.
        const chunks = [];
        for (let i = 0; i < envIds.length; i += 5) chunks.push(envIds.slice(i, i + 5));
        const rows = await Promise.all(chunks.map((ids) => listRuntimeSummaries(orgId, appId, ids)));
        return rows.flat();
      },
      enabled: envIds.length > 0,
      refetchInterval: 10_000,
    }),
};

export const useApps = (orgId: string) => useSuspenseQuery(appQueries.list(orgId));
export const useApp = (orgId: string, appId: string) =>
  useSuspenseQuery(appQueries.detail(orgId, appId));
export const useAppEnvironments = (orgId: string, appId: string) =>
  useSuspenseQuery(appQueries.environments(orgId, appId));
