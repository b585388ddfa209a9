import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { healthQueries } from '@/api/queries';
import { healthStatus, type StatusView } from '@/lib/status';

/** `state(appId, envId)`: the environment's health state, or undefined where the API has none. */
export function useHealthStates(orgId: string) {
  const { data } = useQuery(healthQueries.org(orgId));
  return (appId: string, envId: string) =>
    data?.apps
      .find((a) => a.app_id === appId)
      ?.envs.find((e) => e.env_id === envId)?.state;
}

/**
 * `status(appId, envId, fallback)`: an environment's health as the sidebar
 * shows it; the fallback (its last deployment's status) only where the API
 * has no health, and nothing while the health is still loading.
 */
export function useEnvironmentHealth(orgId: string | undefined) {
  const { data, isPending } = useQuery({
    ...healthQueries.org(orgId ?? ''),
    enabled: !!orgId,
  });
  const states = useMemo(() => {
    const map = new Map<string, string>();
    for (const app of data?.apps ?? [])
      for (const env of app.envs)
        map.set(`${app.app_id}/${env.env_id}`, env.state);
    return map;
  }, [data]);
  return useCallback(
    (
      appId: string,
      envId: string,
      fallback?: StatusView,
    ): StatusView | undefined => {
      if (!data) return isPending ? undefined : fallback;
      const state = states.get(`${appId}/${envId}`);
      return state ? healthStatus(state) : fallback;
    },
    [data, isPending, states],
  );
}
