import { queryOptions, useQuery } from '@tanstack/react-query';
import { getOrgHealth } from '@/api/health';
import { apiKeys } from '@/api/keys';

/** The organisation's health (the same query as the landing page's, so one request serves both). */
const orgHealth = (orgId: string) =>
  queryOptions({
    queryKey: [...apiKeys.orgConsole(orgId), 'health'],
    queryFn: () => getOrgHealth(orgId),
    staleTime: 10_000,
  });

/** `state(appId, envId)`: the environment's health state, or undefined where the API has none. */
export function useHealthStates(orgId: string) {
  const { data } = useQuery(orgHealth(orgId));
  return (appId: string, envId: string) =>
    data?.apps.find((a) => a.app_id === appId)?.envs.find((e) => e.env_id === envId)?.state;
}
