import { queryOptions } from '@tanstack/react-query';
import { getFleetOverview } from '../fleet';
import { keys } from './keys';

/** Refetch policy: every 2 s while a rollout runs (its progress follows the engine's clock), no polling otherwise. */
export const ROLLOUT_POLL_MS = 2000;

export const fleetQueries = {
  overview: (orgId: string, baseline: string) =>
    queryOptions({
      queryKey: keys.fleetOverview(orgId, baseline),
      queryFn: () => getFleetOverview(orgId, baseline),
      refetchInterval: (query) =>
        query.state.data?.rollouts.some((r) => r.status === 'in progress')
          ? ROLLOUT_POLL_MS
          : false,
    }),
};
