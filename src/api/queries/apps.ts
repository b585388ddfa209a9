import { queryOptions } from '@tanstack/react-query';
import { getApp, listApps } from '../apps';
import { keys } from './keys';

/** Refetch policy: the TanStack defaults (stale at once, refetched on mount and focus; no polling). */
export const appQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: keys.appList(orgId),
      queryFn: () => listApps(orgId),
    }),
  detail: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: keys.appDetail(orgId, appId),
      queryFn: () => getApp(orgId, appId),
    }),
};
