import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createProfileRollout, getFleetOverview, type ProfileRolloutRequest } from '@/api/fleet';
import { apiKeys } from '@/api/keys';

/** The fleet overview; polls every 2 s while a rollout runs (its progress follows the engine's clock). */
export const fleetQueries = {
  all: (orgId: string) => [...apiKeys.orgConsole(orgId), 'fleet'] as const,
  overview: (orgId: string, baseline: string) =>
    queryOptions({
      queryKey: [...fleetQueries.all(orgId), baseline],
      queryFn: () => getFleetOverview(orgId, baseline),
      refetchInterval: (query) =>
        query.state.data?.rollouts.some((r) => r.status === 'in progress') ? 2000 : false,
    }),
};

export const useFleetOverview = (orgId: string, baseline: string) => useQuery(fleetQueries.overview(orgId, baseline));

/** Starts a profile rollout from `source`; refreshes the fleet and every target's profiles. */
export function useStartRollout(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the form shows the refusal next to its button
    mutationFn: ({ source, body }: { source: string; body: ProfileRolloutRequest }) => createProfileRollout(source, body),
    onSuccess: (rollout) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: fleetQueries.all(orgId) }),
        ...rollout.steps.map((s) => queryClient.invalidateQueries({ queryKey: apiKeys.profiles(s.org_id) })),
      ]),
  });
}
