import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { healthQueries } from '@/api/queries/health';
import { healthStatus, type StatusView } from '@/lib/status';

/**
 * `state(envId)`: the health state of an environment of `appId`, or undefined
 * where the API has none. From the app's health, not the organisation's (a
 * 10,000-app organisation's health is megabytes).
 */
export function useAppHealthStates(orgId: string, appId: string) {
  const { data } = useQuery(healthQueries.app(orgId, appId));
  return (envId: string) => data?.envs.find((e) => e.env_id === envId)?.state;
}

/**
 * `status(appId, envId, fallback)`: an environment's health as the palette
 * shows it; the fallback (its last deployment's status) only where the API
 * has no health, and nothing while the health is still loading. `partial`:
 * the organisation is past the browser's index (thousands of apps), whose
 * whole health is megabytes and seconds to build: not asked for; every row
 * shows its fallback.
 */
export function useEnvironmentHealth(
  orgId: string | undefined,
  partial = false,
) {
  const { data, isPending } = useQuery({
    ...healthQueries.org(orgId ?? ''),
    enabled: !!orgId && !partial,
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
      if (!data) return isPending && !partial ? undefined : fallback;
      const state = states.get(`${appId}/${envId}`);
      return state ? healthStatus(state) : fallback;
    },
    [data, isPending, partial, states],
  );
}
