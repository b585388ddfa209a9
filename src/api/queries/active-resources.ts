import { queryOptions } from '@tanstack/react-query';
import { listActiveResources } from '../active-resources';
import { keys } from './keys';

/**
 * An environment's active resources. Refetch policy: TanStack defaults, no
 * polling: they change only when a deployment provisions them or someone
 * deletes or pins one, and both invalidate the environment's keys, under
 * which these sit.
 */
export const activeResourceQueries = {
  list: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: keys.activeResources(orgId, appId, envId),
      queryFn: () => listActiveResources(orgId, appId, envId),
    }),
};
